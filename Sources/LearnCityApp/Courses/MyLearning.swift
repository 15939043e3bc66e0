import Fluent
import Foundation
import LearnCityCore
import Markup
import Vapor

/// "My learning": a citizen's own records, hours and courses by year — once a centre has
/// confirmed who they are (until then the account links to nobody, design.md §5).
enum MyLearning {
    struct Model: Sendable {
        var linked: Bool
        var rows: [RecordViews.Row] = []
        var years: [(Int, Int, Double)] = []
        var courses: [(Int, String, String)] = []
    }

    @Sendable static func page(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        var model = Model(linked: user.personID != nil)
        if let personID = user.personID {
            let records = try await LearningRecord.query(on: request.db).filter(\.$personID == personID).filter(\.$voidedAt == nil)
                .sort(\.$date, .descending).all()
            model.rows = records.map { RecordsController.row($0, request) }
            model.years = Dictionary(grouping: records, by: \.year).map { year, items in (year, items.count, items.reduce(0) { $0 + $1.hours }) }
                .sorted { $0.0 > $1.0 }
            let enrolments = try await Enrolment.query(on: request.db).filter(\.$personID == personID).sort(\.$id, .descending).all()
            let courses = try await Course.query(on: request.db).filter(\.$id ~~ enrolments.map(\.courseID)).all()
            let names = request.strings.courses.enrolmentNames
            model.courses = enrolments.compactMap { enrolment in
                courses.first { $0.id == enrolment.courseID }.map { (enrolment.courseID, $0.title, names[enrolment.status] ?? "") }
            }
        }
        return View(model: model, context: PageContext(request)).response()
    }

    struct View: PageView {
        var model: Model
        var context: PageContext
        var pageTitle: String { context.strings.courses.myLearning }

        func content() -> Node<HTML.BodyContext> {
            let s = context.strings.courses, r = context.strings.records
            guard model.linked else {
                return .section(.class("card"), .h1(.text(s.myLearning)), .p(.class("notice"), .text(s.linkFirst)),
                                .a(.class("button"), .href(SiteURL.account.path), .text(context.strings.accounts.myAccountTitle)))
            }
            let personTimes = model.years.reduce(0) { $0 + $1.1 }, hours = model.years.reduce(0.0) { $0 + $1.2 }
            return .group(
                .section(.class("card"),
                    .h1(.text(s.myLearning)),
                    .p(.class("muted"), .text(s.myLearningIntro)),
                    .ul(.class("counts"),
                        .li(.span(.class("count"), .text(String(personTimes))), .span(.text(r.personTimes))),
                        .li(.span(.class("count"), .text(NumberText.hours(hours))), .span(.text(r.totalHours)))),
                    .if(!model.years.isEmpty, .div(.class("table-wrap"), .table(.class("list"), .id("years"),
                        .thead(.tr(.th(.text(r.year)), .th(.text(r.personTimes)), .th(.text(r.hours)))),
                        .tbody(.forEach(model.years) { year, count, hours in
                            .tr(.td(.text(String(year))), .td(.class("number"), .text(String(count))), .td(.class("number"), .text(NumberText.hours(hours))))
                        })))),
                    model.rows.isEmpty ? .p(.class("empty"), .text(s.noLearning)) : RecordViews.table(model.rows, r, links: false)),
                .section(.class("card"),
                    .h2(.text(s.myCourses)),
                    model.courses.isEmpty ? .p(.class("empty"), .a(.href(SiteURL.courses.path), .text(s.title)))
                        : .ul(.forEach(model.courses) { id, title, status in
                            .li(.a(.href(SiteURL.course(id).path), .text(title)), .text(" · " + status))
                        })))
        }
    }
}
