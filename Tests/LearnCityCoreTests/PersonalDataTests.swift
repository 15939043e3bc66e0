import Foundation
import Testing
@testable import LearnCityCore

@Suite("ResidentID")
struct ResidentIDTests {
    @Test("Valid numbers, with gender and birth date derived")
    func valid() throws {
        let id = try ResidentID("51172319720906639X")
        #expect(id.value == "51172319720906639X")
        #expect(id.gender == .male && id.birthDate == LocalDate(year: 1972, month: 9, day: 6))
        #expect(id.areaCode == RegionCode("511723"))
        #expect(id.masked == "511723********639X")
        #expect(try ResidentID("511725196706010520").gender == .female)
    }

    @Test("What people type: spaces, full-width digits, lower-case x")
    func normalisation() throws {
        #expect(try ResidentID(" 51172319720906639x ").value == "51172319720906639X")
        #expect(try ResidentID("５１１７２２１９９００１０１１２３７").value == "511722199001011237")
    }

    @Test("The 15-digit form becomes 18 digits with the 19 century and a check character")
    func fifteenDigits() throws {
        let id = try ResidentID("511721650301123")
        #expect(id.value == "511721196503011237")
        #expect(id.birthDate == LocalDate(year: 1965, month: 3, day: 1))
    }

    @Test("Each kind of mistake is named", arguments: [
        ("51172319720906639", ResidentID.Problem.wrongLength(17)),
        ("5117231972090663AX", .invalidCharacters),
        ("00172319720906639X", .invalidRegion),
        ("511702197002290018", .invalidBirthDate),  // 1970 was not a leap year
        ("511723197213066390", .invalidBirthDate),
        ("511723197209066391", .wrongCheckDigit),
    ])
    func problems(text: String, problem: ResidentID.Problem) {
        #expect(throws: problem) { try ResidentID(text) }
    }
}

@Suite("MobileNumber")
struct MobileNumberTests {
    @Test func accepted() {
        #expect(MobileNumber("13812345678")?.value == "13812345678")
        #expect(MobileNumber("+86 138-1234-5678")?.value == "13812345678")
        #expect(MobileNumber("１３８１２３４５６７８")?.masked == "138****5678")
    }

    @Test("Not mobile numbers", arguments: ["12812345678", "1381234567", "0818-2123456", "138123456789", "abc"])
    func refused(text: String) { #expect(MobileNumber(text) == nil) }
}

@Suite("PersonalDataCrypto")
struct PersonalDataCryptoTests {
    let crypto = try! PersonalDataCrypto(keyMaterial: PersonalDataCrypto.keyMaterial(fromBase64: PersonalDataCrypto.generateKey()))

    @Test("Sealing round-trips, never twice the same, and never contains the plaintext")
    func seal() throws {
        let a = try crypto.seal("511722199001011237"), b = try crypto.seal("511722199001011237")
        #expect(a != b)
        #expect(!a.contains("511722199001011237") && !a.contains("1990"))
        #expect(try crypto.open(a) == "511722199001011237")
    }

    @Test("Lookup hashes are stable per key and purpose, and differ across keys")
    func hashes() throws {
        #expect(crypto.lookupHash("x", purpose: "id") == crypto.lookupHash("x", purpose: "id"))
        #expect(crypto.lookupHash("x", purpose: "id") != crypto.lookupHash("x", purpose: "phone"))
        let other = try PersonalDataCrypto(keyMaterial: Data(repeating: 7, count: 32))
        #expect(other.lookupHash("x", purpose: "id") != crypto.lookupHash("x", purpose: "id"))
        #expect(other.keyCheck != crypto.keyCheck)
    }

    @Test("Another key cannot open the data; a short key is refused")
    func wrongKey() throws {
        let sealed = try crypto.seal("13812345678")
        let other = try PersonalDataCrypto(keyMaterial: Data(repeating: 7, count: 32))
        #expect(throws: PersonalDataCrypto.DecryptionError.self) { try other.open(sealed) }
        #expect(throws: PersonalDataCrypto.KeyError.self) { try PersonalDataCrypto(keyMaterial: Data(count: 16)) }
    }
}

@Suite("AccountScope")
struct AccountScopeTests {
    let xuanhan = RegionCode("511722")!, qu = RegionCode("511725")!

    @Test("A county body sees its subtree and its region, not another county")
    func county() {
        let scope = AccountScope.of(roles: [.countyAdmin], organisationKind: .countyLeadership,
                                    path: "/00000001/00000030/", region: xuanhan)
        #expect(scope.includesRegion(xuanhan) && !scope.includesRegion(qu))
        #expect(scope.includesOrganisation(path: "/00000001/00000014/00000016/", region: xuanhan))
        #expect(!scope.includesOrganisation(path: "/00000001/00000014/00000019/", region: qu))
        #expect(scope.canChangePerson(region: xuanhan) && !scope.canChangePerson(region: qu))
        #expect(scope.includesRecord(providerPath: "/00000001/00000099/", personRegion: xuanhan))
        #expect(!scope.includesRecord(providerPath: "/00000001/00000099/", personRegion: qu))
    }

    @Test("A department is not geographic: only its subtree and records of its providers")
    func department() {
        let scope = AccountScope.of(roles: [.memberUnitReporter], organisationKind: .memberUnit,
                                    path: "/00000001/00000003/", region: RegionCode("511700"))
        #expect(scope.region == nil)
        #expect(!scope.includesRegion(xuanhan))
        #expect(scope.includesRecord(providerPath: "/00000001/00000003/00000050/", personRegion: qu))
        #expect(!scope.includesOrganisation(path: "/00000001/00000004/", region: RegionCode("511700")))
    }

    @Test("City office and admins see everything; an account without an organisation sees nothing")
    func extremes() {
        #expect(AccountScope.of(roles: [.cityOffice], organisationKind: nil, path: nil, region: nil) == .all)
        let none = AccountScope.of(roles: [.teacher], organisationKind: nil, path: nil, region: nil)
        #expect(!none.includesRegion(xuanhan) && !none.includesOrganisation(path: "/1/", region: xuanhan))
    }

    @Test("Permissions come from roles")
    func permissions() {
        #expect(Set<Role>([.centreAdmin]).allows(.confirmIdentity))
        #expect(!Set<Role>([.centreAdmin]).allows(.revealPersonalData))
        #expect(Set<Role>([.teacher, .countyAdmin]).allows(.manageAccounts))
        #expect(!Set<Role>([.learner]).allows(.viewPeople))
    }
}
