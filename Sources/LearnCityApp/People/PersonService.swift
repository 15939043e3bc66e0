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
            errors["residentID"] = strings.accounts.invalidResidentID + "：" + ResidentIDProblemText.text(error, strings: strings)
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
        return (id, phone, region, errors)
    }

    static func create(_ input: Input, id: ResidentID, phone: MobileNumber?, region: RegionCode, vault: PersonalDataVault,
                       actor: Audit.Actor, on database: any Database) async throws -> Person {
        let person = Person()
        person.name = input.name.trimmingCharacters(in: .whitespaces)
        try apply(id: id, phone: phone, to: person, vault: vault)
        person.regionCode = region.rawValue
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
        person.editedAt = Date()
        let after = [person.name, person.phoneMasked ?? "", person.regionCode]
        try await database.transaction { db in
            try await person.update(on: db)
            try await Audit.record(.update, entity: "person", id: person.id.map(String.init),
                                   summary: Audit.changes(zip(before, after).map { ($0.0.0, $0.0.1, $0.1) }), by: actor, on: db)
        }
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
