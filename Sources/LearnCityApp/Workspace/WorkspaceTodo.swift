import Fluent
import Foundation
import LearnCityCore
import Vapor

/// What the signed-in account is reminded of on its workspace: for a unit, reports overdue or
/// due within a week, its late work-plan items, open rectifications and unsigned notices; for
/// the office, reports waiting for review and unlock requests. Each line links to where it is
/// done.
enum WorkspaceTodo {
    struct Item: Sendable {
        var text: String
        var link: String
        var urgent: Bool
    }

    static func of(_ user: User, _ request: Request) async throws -> [Item] {
        let strings = request.strings, s = strings.reports
        let today = request.today
        let db = request.db
        var items: [Item] = []
        if user.roles.allows(.reportFigures), let unit = user.organisationID {
            for owed in try await ReportFormsController.owed(by: unit, today: today, on: db)
            where (owed.state == nil || owed.state == .draft)   // returned reports are listed below, once
                && (owed.overdue || (owed.deadline <= today.adding(days: 7) && today >= owed.period.end.adding(days: -7))) {
                let text = "\(owed.title) · \(owed.period.label(chinese: request.language == .zh)) · \(s.deadline) \(owed.deadline.iso) · "
                    + (owed.overdue ? s.overdueReport : s.dueSoon)
                items.append(.init(text: text, link: owed.submissionID.map { SiteURL.reportSubmission($0).path } ?? SiteURL.reports.path, urgent: owed.overdue))
            }
            for returned in try await ReportSubmission.query(on: db).filter(\.$organisationID == unit).filter(\.$state == .returned).all() {
                items.append(.init(text: strings.labelled(s.stateNames[.returned] ?? "", returned.comment ?? ""), link: SiteURL.reportSubmission(returned.id ?? 0).path, urgent: true))
            }
            let owedItems = try await PlanItemUnit.query(on: db).filter(\.$organisationID == unit).all().map(\.itemID)
            let late = try await PlanItem.query(on: db).filter(\.$id ~~ owedItems).filter(\.$doneOn == nil).filter(\.$retiredAt == nil).all().filter { $0.state(today: today) == .late }
            if !late.isEmpty { items.append(.init(text: strings.todo.latePlanItems(late.count), link: SiteURL.plan.path + "?mine=1", urgent: true)) }
            items += try await milestones(of: unit, request)
            items += try await rectifications(of: unit, request)
            // A withdrawn notice awaits no receipt.
            let unsigned = try await NoticeReceipt.query(on: db)
                .filter(\.$organisationID == unit).filter(\.$signedAt == nil)
                .join(Notice.self, on: \NoticeReceipt.$noticeID == \Notice.$id)
                .filter(Notice.self, \.$withdrawnAt == nil).count()
            if unsigned > 0 { items.append(.init(text: strings.todo.unsignedNotices(unsigned), link: SiteURL.notices.path, urgent: false)) }
        }
        if user.roles.allows(.governCity) {
            let waiting = try await ReportSubmission.query(on: db).filter(\.$state == .submitted).count()
            if waiting > 0 { items.append(.init(text: strings.todo.toReview(waiting), link: SiteURL.reports.path, urgent: false)) }
            let unlocks = try await ReportSubmission.query(on: db).filter(\.$state == .approved).filter(\.$unlockRequest != nil).count()
            if unlocks > 0 { items.append(.init(text: strings.todo.unlockRequests(unlocks), link: SiteURL.reports.path, urgent: true)) }
        }
        return items
    }

    /// Milestones not done of the projects the unit owns, overdue or due within the week, each
    /// with its project and due date.
    private static func milestones(of unit: Int, _ request: Request) async throws -> [Item] {
        let t = request.strings.todo, today = request.today
        let projects = try await Project.query(on: request.db).filter(\.$ownerID == unit).all()
        let titles = Dictionary(projects.compactMap { p in p.id.map { ($0, p.title) } },
                                uniquingKeysWith: { a, _ in a })
        let open = try await ProjectMilestone.query(on: request.db).filter(\.$projectID ~~ Array(titles.keys))
            .filter(\.$doneOn == nil).sort(\.$dueOn).all()
        return open.compactMap { milestone in
            guard let due = LocalDate.parse(milestone.dueOn),
                  let reminder = DueReminder.of(due: due, today: today) else { return nil }
            let project = titles[milestone.projectID] ?? ""
            let text = "\(t.milestone)\(request.strings.colon)\(project) · \(milestone.title) · "
                + "\(t.due) \(due.iso) · " + (reminder == .overdue ? t.overdue : t.dueSoon)
            return Item(text: text, link: SiteURL.project(milestone.projectID).path, urgent: reminder == .overdue)
        }
    }

    /// The unit's open rectifications of published inspections, one line each with its due date
    /// (urgent when past it), so that a unit sees what is asked of it and by when.
    private static func rectifications(of unit: Int, _ request: Request) async throws -> [Item] {
        let t = request.strings.todo, today = request.today
        let open = try await Rectification.query(on: request.db)
            .filter(\.$organisationID == unit).filter(\.$state == .open)
            .sort(\.$dueOn).all()
        let published = Set(try await Inspection.query(on: request.db).filter(\.$id ~~ open.map(\.inspectionID))
            .filter(\.$publishedAt != nil).all().compactMap(\.id))
        return open.filter { published.contains($0.inspectionID) }.map { rectification in
            let due = LocalDate.parse(rectification.dueOn)
            let overdue = due.map { today > $0 } ?? false
            let requirement = rectification.requirement.prefix(60)
            let text = "\(t.rectification)\(request.strings.colon)\(requirement) · \(t.due) \(rectification.dueOn)"
                + (overdue ? " · \(t.overdue)" : "")
            return Item(text: text, link: SiteURL.inspections.path, urgent: overdue)
        }
    }
}
