import LearnCityCore
import Testing

@Suite("Work plan authoring rules")
struct WorkPlanAuthoringRulesTests {
    @Test("Next year's due date, moves within the list, an item's problems and its other units")
    func rules() {
        #expect(
            WorkPlanAuthoring.nextYear(LocalDate(year: 2014, month: 6, day: 30))
                == LocalDate(year: 2015, month: 6, day: 30))
        #expect(
            WorkPlanAuthoring.nextYear(LocalDate(year: 2016, month: 2, day: 29))
                == LocalDate(year: 2017, month: 2, day: 28))
        #expect(WorkPlanAuthoring.moved(3, up: true, in: [1, 2, 3]) == [1, 3, 2])
        #expect(WorkPlanAuthoring.moved(1, up: true, in: [1, 2, 3]) == [1, 2, 3])
        #expect(WorkPlanAuthoring.moved(3, up: false, in: [1, 2, 3]) == [1, 2, 3])
        let item = WorkPlanAuthoring.Item(
            section: "", title: " ", deliverables: "", due: "2015-02-30", lead: nil, participants: [])
        #expect(
            item.problems == ["section": .required, "title": .required, "due": .dateInvalid, "lead": .leadRequired])
        let units = WorkPlanAuthoring.Item(
            section: "一", title: "x", deliverables: "", due: "2015-02-28", lead: 1, participants: [2, 1, 2, 3])
        #expect(units.problems.isEmpty && units.otherUnits == [2, 3])
        #expect(
            WorkPlanAuthoring.heading(year: nil, title: "", document: "x") == [
                "year": .yearInvalid, "title": .required,
            ])
    }
}

@Suite("Work plan items from a spreadsheet")
struct PlanItemRowParserTests {
    @Test("Units by name or code, several per cell; conflicts name the row and the column")
    func rows() throws {
        let sheet = Sheet(rows: [
            .init(line: 1, cells: ["章节", "事项", "牵头单位", "配合单位", "成果", "完成时限"].map { .init($0) }),
            .init(line: 2, cells: ["一", "事项甲", "mu-edu", "市财政局、MU-EDU", "", "2015-06-30"].map { .init($0) }),
            .init(line: 3, cells: ["二", "", "市教育局，市财政局", "无名局", "", "明年"].map { .init($0) }),
        ])
        let header = try HeaderMap.find(in: sheet, specs: PlanItemRowParser.columns)
        let parser = PlanItemRowParser(units: ["mu-edu": 1, "市教育局": 1, "市财政局": 2])
        let item = try parser.parse(sheet.rows[1], header: header).get()
        #expect(item.lead == 1 && item.otherUnits == [2] && item.due == "2015-06-30")
        guard case .failure(let problems) = parser.parse(sheet.rows[2], header: header) else {
            Issue.record("row 3 passed")
            return
        }
        #expect(problems.conflicts.allSatisfy { $0.row == 3 })
        #expect(Set(problems.conflicts.compactMap(\.column)) == ["事项", "牵头单位", "配合单位", "完成时限"])
    }
}
