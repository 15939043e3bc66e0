import LearnCityCore
import Markup

/// Person-times, distinct people and hours per row, apart (they do not add up into each other):
/// the dashboard's organisations and member units, and an organisation's own year on its page.
/// A row's name links to the organisation's page where the reader may open it.
enum FigureTable {
    struct Row: Sendable {
        var name: String
        var link: String?
        var figure: DashboardQueries.Figure
    }

    static func table(_ rows: [Row], id: String, strings: Strings) -> Node<HTML.BodyContext> {
        let r = strings.records
        return .div(.class("table-wrap"), .table(.class("list"), .id(id),
            .thead(.tr(.th(), .th(.class("number"), .text(r.personTimes)),
                       .th(.class("number"), .text(r.distinctPeople)), .th(.class("number"), .text(r.hours)))),
            .tbody(.forEach(rows) { row in
                .tr(.td(row.link.map { .a(.href($0), .text(row.name)) } ?? .text(row.name)),
                    .td(.class("number"), .text(NumberFormat.integer(row.figure.personTimes))),
                    .td(.class("number"), .text(NumberFormat.integer(row.figure.people))),
                    .td(.class("number"), .text(NumberText.hours(row.figure.hours))))
            })))
    }
}
