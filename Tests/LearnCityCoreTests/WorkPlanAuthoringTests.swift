import LearnCityCore
import Testing

@Suite("Work plan authoring rules")
struct WorkPlanAuthoringRulesTests {
    @Test("Next year's due date, moves within the list, an item's problems and its other units")
    func rules() {
        #expect(WorkPlanAuthoring.nextYear(LocalDate(year: 2014, month: 6, day: 30)) == LocalDate(year: 2015, month: 6, day: 30))
        #expect(WorkPlanAuthoring.nextYear(LocalDate(year: 2016, month: 2, day: 29)) == LocalDate(year: 2017, month: 2, day: 28))
        #expect(WorkPlanAuthoring.moved(3, up: true, in: [1, 2, 3]) == [1, 3, 2])
        #expect(WorkPlanAuthoring.moved(1, up: true, in: [1, 2, 3]) == [1, 2, 3])
        #expect(WorkPlanAuthoring.moved(3, up: false, in: [1, 2, 3]) == [1, 2, 3])
        let item = WorkPlanAuthoring.Item(section: "", title: " ", deliverables: "", due: "2015-02-30", lead: nil, participants: [])
        #expect(item.problems == ["section": .required, "title": .required, "due": .dateInvalid, "lead": .leadRequired])
        let units = WorkPlanAuthoring.Item(section: "一", title: "x", deliverables: "", due: "2015-02-28", lead: 1, participants: [2, 1, 2, 3])
        #expect(units.problems.isEmpty && units.otherUnits == [2, 3])
        #expect(WorkPlanAuthoring.heading(year: nil, title: "", document: "x") == ["year": .yearInvalid, "title": .required])
    }
}
