import Fluent
import Foundation
import LearnCityCore
import Vapor

/// The one write path for people entered by hand: validation, encryption, keyed hashes,
/// scope and audit. (Bulk import will share the same rules.)
enum PersonService {
    struct Input: Sendable {
        var name: String
        var residentID: String
        var phone: String
        var gender: String?
        var region: String
        var urbanRural: String? = nil
        var employed: String? = nil
        var occupation: String? = nil
        var industry: String? = nil
        var workplace: String? = nil
    }

    /// Field name → message, in the request's language.
    typealias FieldErrors = [String: String]

    static func find(residentID: ResidentID, vault: PersonalDataVault, on database: any Database) async throws -> Person? {
        try await Person.query(on: database).filter(\.$residentIDHash == vault.hash(residentID.value, .residentID)).first()
    }

    /// Checks an input; returns the parsed values or the errors next to each field.
    static func validate(_ input: Input, scope: AccountScope, strings: Strings) -> (ResidentID?, MobileNumber?, RegionCode?, FieldErrors) {
        var errors: FieldErrors = [:]
        let registry = strings.registry
        if input.name.trimmingCharacters(in: .whitespaces).isEmpty { errors["name"] = registry.nameRequired }
        var id: ResidentID?
        do { id = try ResidentID(input.residentID) } catch {
            errors["residentID"] = strings.accounts.invalidResidentID + strings.colon + ResidentIDProblemText.text(error, strings: strings)
        }
        var phone: MobileNumber?
        if !input.phone.trimmingCharacters(in: .whitespaces).isEmpty {
            phone = MobileNumber(input.phone)
            if phone == nil { errors["phone"] = strings.accounts.invalidPhone }
        }
        if let gender = input.gender, !gender.isEmpty, let id, gender != id.gender.rawValue {
            errors["gender"] = registry.genderMismatch
        }
        let region = RegionCode(input.region)
        if region == nil || !scope.canChangePerson(region: region) { errors["region"] = registry.regionOutOfScope }
        if let value = input.urbanRural, !["", "urban", "rural"].contains(value) { errors["urbanRural"] = registry.invalidChoice }
        if let value = input.employed, !["", "yes", "no"].contains(value) { errors["employed"] = registry.invalidChoice }
        if let value = input.industry, !value.isEmpty, !(value.count == 1 && ("A"..."T").contains(value)) { errors["industry"] = registry.invalidChoice }
        return (id, phone, region, errors)
    }

    static func create(_ input: Input, id: ResidentID, phone: MobileNumber?, region: RegionCode, vault: PersonalDataVault,
                       actor: Audit.Actor, on database: any Database) async throws -> Person {
        let person = Person()
        person.name = input.name.trimmingCharacters(in: .whitespaces)
        try apply(id: id, phone: phone, to: person, vault: vault)
        person.regionCode = region.rawValue
        applyDetails(input, to: person)
        try await database.transaction { db in
            try await person.create(on: db)
            try await Audit.record(.create, entity: "person", id: person.id.map(String.init),
                                   summary: "name: \(person.name); resident id: \(id.masked); region: \(region)", by: actor, on: db)
        }
        return person
    }

    static func update(_ person: Person, input: Input, phone: MobileNumber?, keepPhone: Bool = false, region: RegionCode,
                       vault: PersonalDataVault,
                       actor: Audit.Actor, on database: any Database) async throws {
        let before = [("name", person.name), ("phone", person.phoneMasked ?? ""), ("region", person.regionCode)]
        person.name = input.name.trimmingCharacters(in: .whitespaces)
        if !keepPhone {
            person.phoneCipher = try phone.map { try vault.seal($0.value) }
            person.phoneHash = phone.map { vault.hash($0.value, .phone) }
            person.phoneMasked = phone?.masked
        }
        person.regionCode = region.rawValue
        applyDetails(input, to: person)
        person.editedAt = Date()
        let after = [person.name, person.phoneMasked ?? "", person.regionCode]
        try await database.transaction { db in
            try await person.update(on: db)
            try await Audit.record(.update, entity: "person", id: person.id.map(String.init),
                                   summary: Audit.changes(zip(before, after).map { ($0.0.0, $0.0.1, $0.1) }), by: actor, on: db)
        }
    }

    /// Urban/rural, employment, occupation, industry and workplace, as the form sends them.
    static func applyDetails(_ input: Input, to person: Person) {
        func clean(_ text: String?) -> String? {
            let value = (text ?? "").trimmingCharacters(in: .whitespaces)
            return value.isEmpty ? nil : String(value.prefix(200))
        }
        person.urbanRural = clean(input.urbanRural)
        person.employed = clean(input.employed).map { $0 == "yes" }
        person.occupation = clean(input.occupation)
        person.industryCode = clean(input.industry)
        person.workplace = clean(input.workplace)
    }

    static func apply(id: ResidentID, phone: MobileNumber?, to person: Person, vault: PersonalDataVault) throws {
        person.residentIDCipher = try vault.seal(id.value)
        person.residentIDHash = vault.hash(id.value, .residentID)
        person.residentIDMasked = id.masked
        person.gender = id.gender.rawValue
        let birth = id.birthDate
        person.birthDate = birth.iso
        person.phoneCipher = try phone.map { try vault.seal($0.value) }
        person.phoneHash = phone.map { vault.hash($0.value, .phone) }
        person.phoneMasked = phone?.masked
    }
}

/// Resident-ID problems in words.
enum ResidentIDProblemText {
    static func text(_ problem: ResidentID.Problem, strings: Strings) -> String {
        let words = strings.accounts
        switch problem {
        case .wrongLength(let count): return words.idWrongLength(count)
        case .invalidCharacters: return words.idInvalidCharacters
        case .invalidRegion: return words.idInvalidRegion
        case .invalidBirthDate: return words.idInvalidBirthDate
        case .wrongCheckDigit: return words.idWrongCheckDigit
        }
    }
}
