import Foundation
import Testing
@testable import LearnCityCore

@Suite("Organisation rows and duplicate groups")
struct OrganisationRowsAndDuplicatesTests {
    let parser = OrganisationRowParser(regions: RegionLookup(regions: [(RegionCode("511722")!, "宣汉县", "Xuanhan County")]))

    func parse(_ csv: String) throws -> [Result<OrganisationRowParser.Candidate, RowConflicts>] {
        let sheet = try Sheet.read(Data(csv.utf8))
        let header = try HeaderMap.find(in: sheet, specs: OrganisationRowParser.columns)
        return sheet.rows.dropFirst(header.headerIndex + 1).map { parser.parse($0, header: header) }
    }

    @Test("Kinds by code, Chinese name or common shortening; regions by name; yes/no; a code made from the name when none is given")
    func parsesRows() throws {
        let results = try parse("""
        名称,类型,上级,区县,示范,负责人
        东乡社区中心,社区中心,CEC-511722,宣汉,是,王主任
        某培训学校,training_provider,宣汉县继续教育学院,,否,
        """)
        let first = try results[0].get(), second = try results[1].get()
        #expect(first.kind == .communityCentre && first.region?.rawValue == "511722" && first.demonstration == true)
        #expect(first.code == "import:东乡社区中心" && !first.codeGiven && first.director == "王主任")
        #expect(second.kind == .trainingProvider && second.region == nil && second.demonstration == false && second.director == nil)
        #expect(OrganisationKind.parse("继续教育学院") == .college && OrganisationKind.parse("学堂") == nil)
    }

    @Test("Bad cells are conflicts naming row, column and code")
    func conflicts() throws {
        let results = try parse("名称,类型,区县,示范\n,大队,火星区,也许\n")
        guard case .failure(let failure) = results[0] else { Issue.record("expected conflicts"); return }
        let codes = Set(failure.conflicts.map(\.code))
        #expect(codes == [.missingValue, .invalidValue, .unknownRegion])
        #expect(failure.conflicts.allSatisfy { $0.row == 2 })
        #expect(failure.conflicts.contains { $0.column == "示范" && $0.code == .invalidValue })
    }

    @Test("People sharing name and birth date, or a phone, directly or through a third, form one group")
    func duplicateGroups() {
        let entries = [
            DuplicateGroups.Entry(id: 1, name: "张三", birthDate: "1980-01-01", phoneHash: nil),
            DuplicateGroups.Entry(id: 7, name: "张三", birthDate: "1980-01-01", phoneHash: "p1"),
            DuplicateGroups.Entry(id: 9, name: "张叁", birthDate: "1980-01-01", phoneHash: "p1"),
            DuplicateGroups.Entry(id: 4, name: "李四", birthDate: "1990-02-02", phoneHash: "p2"),
            DuplicateGroups.Entry(id: 5, name: "王五", birthDate: "1990-02-02", phoneHash: nil),
        ]
        let groups = DuplicateGroups.find(entries)
        #expect(groups == [DuplicateGroups.Group(ids: [1, 7, 9], reasons: [.nameAndBirthDate, .phone])])
    }
}
