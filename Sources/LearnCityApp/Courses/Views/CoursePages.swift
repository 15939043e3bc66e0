import Foundation
import LearnCityCore
import Markup

/// The course catalogue, a course's page, the course form and the participants list.
enum CoursePages {
    struct Filters: Sendable {
        var q: String
        var region: String?
        var category: String?
        var featured: Bool
        var page: Int
    }

    struct Card: Sendable {
        var id: Int
        var title, category: String
        var featured: Bool
        var provider, region, dates, hours, mode, status: String
        var seatsLeft: Int?
    }

    static func card(_ card: Card, _ s: CourseStrings) -> Node<HTML.ListContext> {
        .li(.class("course"),
            .h3(.a(.href(SiteURL.course(card.id).path), .text(card.title)), .if(card.featured, .span(.class("badge"), .text(s.featured)))),
            .p(.class("meta"), .text("\(card.category) · \(card.mode) · \(card.hours) \(s.hours)")),
            .p(.class("meta"), .text("\(card.provider) · \(card.region)")),
            .p(.class("meta"), .text([card.dates, card.status, "\(s.seatsLeft)：\(card.seatsLeft.map(String.init) ?? s.unlimited)"]
                .filter { !$0.isEmpty }.joined(separator: " · "))))
    }

    enum List {
        struct Model: Sendable {
            var filters: Filters
            var total: Int
            var pageSize: Int
            var cards: [Card]
            var regions: [(String, String)]
            var canCreate: Bool
        }

        struct View: PageView {
            var model: Model
            var context: PageContext
            var pageTitle: String { context.strings.courses.title }

            func content() -> Node<HTML.BodyContext> {
                let s = context.strings.courses, f = model.filters
                let pages = max(1, (model.total + model.pageSize - 1) / model.pageSize)
                func link(_ page: Int) -> String {
                    var items = [URLQueryItem(name: "page", value: String(page))]
                    if !f.q.isEmpty { items.append(URLQueryItem(name: "q", value: f.q)) }
                    if let region = f.region { items.append(URLQueryItem(name: "region", value: region)) }
                    if let category = f.category { items.append(URLQueryItem(name: "category", value: category)) }
                    if f.featured { items.append(URLQueryItem(name: "featured", value: "1")) }
                    var components = URLComponents()
                    components.queryItems = items
                    return SiteURL.courses.path + "?" + (components.percentEncodedQuery ?? "")
                }
                return .section(.class("card"),
                    .h1(.text(s.title)),
                    .p(.class("muted"), .text(s.intro)),
                    .form(.method(.get), .action(SiteURL.courses.path), .class("filters"),
                        .div(.class("field"), .label(.for("q"), .text(s.searchPlaceholder)),
                             .input(.type(.search), .name("q"), .id("q"), .value(f.q))),
                        FormFields.select(name: "region", label: s.region, options: [("", s.allRegions)] + model.regions, selected: f.region ?? "", error: nil),
                        FormFields.select(name: "category", label: s.category, options: [("", s.allCategories)] + s.categories.map { ($0, $0) },
                                          selected: f.category ?? "", error: nil),
                        .label(.class("check"), .input(.type(.checkbox), .name("featured"), .value("1"),
                                                       .attribute(named: "checked", value: f.featured ? "checked" : nil)), .text(" " + s.featuredOnly)),
                        .button(.type(.submit), .class("button"), .text(s.filter))),
                    .div(.class("toolbar"), .span(.class("muted"), .text(s.courseCount(model.total))),
                         .if(model.canCreate, .a(.class("button secondary"), .href(SiteURL.newCourse.path), .text(s.newCourse)))),
                    model.cards.isEmpty ? .p(.class("empty"), .text(s.noCourses))
                        : .ul(.class("course-grid"), .forEach(model.cards) { card($0, s) }),
                    .if(pages > 1, .nav(.class("pager"),
                        .if(f.page > 1, .a(.href(link(f.page - 1)), .text(context.strings.registry.previousPage))),
                        .span(.text("\(f.page) / \(pages)")),
                        .if(f.page < pages, .a(.href(link(f.page + 1)), .text(context.strings.registry.nextPage))))))
            }
        }
    }

    enum Detail {
        struct Model: Sendable {
            var card: Card
            var course: Course
            var signedIn: Bool
            /// A citizen's account (staff accounts do not enrol themselves).
            var citizen = true
            var linked: Bool
            var enrolment: Enrolment.Status?
            var message: String?
            var canManage: Bool
            var items: [Item] = []
            /// Resources staff may add to the course: (id, title).
            var library: [(String, String)] = []
            /// Experts staff may link: (id, name).
            var expertOptions: [(String, String)] = []
            var experts: [String]
        }

        struct Item: Sendable {
            var id, resourceID: Int
            var title, kind: String
            var done: Bool
        }

        struct View: PageView {
            var model: Model
            var context: PageContext
            var pageTitle: String { model.card.title }

            func content() -> Node<HTML.BodyContext> {
                let s = context.strings.courses, c = model.course, card = model.card
                let facts: [(String, String?)] = [
                    (s.category, card.category), (s.provider, card.provider), (s.region, card.region), (s.hours, card.hours),
                    (s.mode, card.mode), (s.dates, card.dates.isEmpty ? nil : card.dates), (s.schedule, c.schedule), (s.venue, c.venue),
                    (s.teachers, c.teachers), (s.experts, model.experts.isEmpty ? nil : model.experts.joined(separator: context.strings.listSeparator)),
                    (s.status, card.status), (s.seatsLeft, card.seatsLeft.map(String.init) ?? s.unlimited),
                ]
                return .section(.class("card"),
                    .h1(.text(card.title), .if(card.featured, .span(.class("badge"), .text(s.featured)))),
                    .unwrap(model.message) { .p(.class("alert"), .attribute(named: "role", value: "alert"), .text($0)) },
                    .dl(.class("facts"), .forEach(facts.compactMap { label, value in value.map { (label, $0) } }) { label, value in
                        .group(.dt(.text(label)), .dd(.text(value)))
                    }),
                    .unwrap(c.details) { .p(.text($0)) },
                    items(),
                    .if(model.canManage && !model.expertOptions.isEmpty, .form(.method(.post), .action(SiteURL.courseExperts(card.id).path),
                        .class("toolbar"), csrfField(),
                        FormFields.select(name: "expert", label: s.addExpert, options: model.expertOptions, selected: nil, error: nil),
                        FormFields.select(name: "role", label: s.expertRole, options: [("lecturer", s.lecturer), ("reviewer", s.reviewer)], selected: nil, error: nil),
                        .button(.type(.submit), .class("button secondary"), .text(s.addExpert)))),
                    .div(.class("toolbar"), enrolControl(), .if(model.canManage, .group(
                        .a(.class("button secondary"), .href(SiteURL.editCourse(card.id).path), .text(s.editCourse)),
                        .a(.class("button secondary"), .href(SiteURL.courseParticipants(card.id).path), .text(s.participants))))))
            }

            /// An online course's content: each item plays in the library; an enrolled learner
            /// marks items done and sees their progress.
            private func items() -> Node<HTML.BodyContext> {
                let l = context.strings.library, id = model.card.id
                guard !model.items.isEmpty || model.canManage else { return .empty }
                let learning = model.enrolment == .enrolled || model.enrolment == .completed
                let done = model.items.filter(\.done).count
                return .div(.id("items"),
                    .h2(.text(l.items)),
                    .if(learning && !model.items.isEmpty, .p(.text(l.progress + " "),
                        .element(named: "progress", nodes: [.attribute(named: "max", value: String(model.items.count)),
                                                            .attribute(named: "value", value: String(done)), .text("\(done)/\(model.items.count)")]),
                        .text(" \(done)/\(model.items.count)"))),
                    model.items.isEmpty ? .p(.class("empty"), .text(l.noItems)) : .ol(.forEach(model.items) { item in
                        .li(.a(.href(SiteURL.resource(item.resourceID).path), .text(item.title)), .text(" · " + item.kind + " "),
                            item.done ? .span(.class("badge"), .text(l.done))
                                : .if(model.enrolment == .enrolled, .form(.method(.post), .action(SiteURL.courseItemDone(id).path), .class("inline"),
                                    csrfField(), .input(.type(.hidden), .name("item"), .value(String(item.id))),
                                    .button(.type(.submit), .class("link"), .text(l.itemDone)))))
                    }),
                    .if(model.canManage && !model.library.isEmpty, .form(.method(.post), .action(SiteURL.courseItems(id).path), .class("toolbar"),
                        csrfField(), FormFields.select(name: "resource", label: l.addItem, options: model.library, selected: nil, error: nil),
                        .button(.type(.submit), .class("button secondary"), .text(l.addItem)))))
            }

            private func enrolControl() -> Node<HTML.BodyContext> {
                let s = context.strings.courses, id = model.card.id
                guard model.signedIn else { return .a(.class("button"), .href(SiteURL.signIn.path + "?next=" + SiteURL.course(id).path), .text(s.signInToEnrol)) }
                guard model.linked else { return model.citizen ? .p(.class("muted"), .text(s.linkFirst)) : .empty }
                switch model.enrolment {
                case .enrolled?:
                    return .form(.method(.post), .action(SiteURL.withdrawCourse(id).path), .class("inline"), csrfField(),
                                 .span(.class("badge"), .text(s.enrolled)), .text(" "),
                                 .button(.type(.submit), .class("button secondary"), .text(s.withdraw)))
                case .completed?: return .span(.class("badge"), .text(s.completed))
                default:
                    return .form(.method(.post), .action(SiteURL.enrolCourse(id).path), .class("inline"), csrfField(),
                                 .button(.type(.submit), .class("button"), .text(s.enrol)))
                }
            }
        }
    }

    enum Edit {
        struct Model: Sendable {
            var form: CourseEditing.Form
            var errors: [String: String]
            var action: SiteURL
            var providers: [(String, String)]
        }

        struct View: PageView {
            var model: Model
            var context: PageContext
            var pageTitle: String { model.action == .courses ? context.strings.courses.newCourse : context.strings.courses.editCourse }

            func content() -> Node<HTML.BodyContext> {
                let s = context.strings.courses, f = model.form, e = model.errors
                let kinds: [(String, String)] = [RecordKind.community, .training].map { ($0.rawValue, context.strings.records.kindName($0)) }
                return .section(.class("card narrow"),
                    .h1(.text(pageTitle)),
                    .form(.method(.post), .action(model.action.path), .novalidate(), csrfField(),
                        FormFields.input(name: "title", label: context.strings.registry.name, value: f.title ?? "", error: e["title"]),
                        FormFields.input(name: "code", label: s.code, value: f.code ?? "", error: e["code"]),
                        FormFields.input(name: "category", label: s.category, value: f.category ?? "", error: e["category"], hint: s.categories.joined(separator: context.strings.listSeparator)),
                        FormFields.select(name: "kind", label: s.kind, options: kinds, selected: f.kind, error: e["kind"]),
                        FormFields.select(name: "mode", label: s.mode, options: Course.Mode.allCases.map { ($0.rawValue, s.modeNames[$0] ?? $0.rawValue) },
                                          selected: f.mode, error: e["mode"]),
                        FormFields.select(name: "provider", label: s.provider, options: model.providers, selected: f.provider.map(String.init), error: e["provider"]),
                        FormFields.input(name: "hours", label: s.hours, value: f.hours ?? "", error: e["hours"]),
                        FormFields.input(name: "capacity", label: s.capacity, value: f.capacity ?? "", error: e["capacity"]),
                        FormFields.input(name: "startsOn", label: s.dates, type: .date, value: f.startsOn ?? "", error: e["startsOn"]),
                        FormFields.input(name: "endsOn", label: s.dates, type: .date, value: f.endsOn ?? "", error: e["endsOn"]),
                        FormFields.input(name: "schedule", label: s.schedule, value: f.schedule ?? "", error: nil),
                        FormFields.input(name: "venue", label: s.venue, value: f.venue ?? "", error: nil),
                        FormFields.input(name: "teachers", label: s.teachers, value: f.teachers ?? "", error: nil),
                        FormFields.select(name: "status", label: s.status, options: Course.Status.allCases.map { ($0.rawValue, s.statusNames[$0] ?? $0.rawValue) },
                                          selected: f.status, error: e["status"]),
                        .label(.class("check"), .input(.type(.checkbox), .name("featured"), .value("1"),
                                                       .attribute(named: "checked", value: f.featured != nil ? "checked" : nil)), .text(" " + s.featured)),
                        .div(.class("field"), .label(.for("description"), .text(s.description)),
                             .textarea(.name("description"), .id("description"), .text(f.description ?? ""))),
                        .button(.type(.submit), .class("button"), .text(s.save))))
            }
        }
    }

    enum Participants {
        struct Row: Sendable {
            var id, personID: Int
            var name, residentID: String
            var status: Enrolment.Status
            var statusName: String
        }

        struct Model: Sendable {
            var courseID: Int
            var title: String
            var rows: [Row]
            var error: String?
            /// The date completion writes (the course's end, or today), and the latest allowed.
            var completionDate: String
            var today: String
        }

        struct View: PageView {
            var model: Model
            var context: PageContext
            var pageTitle: String { context.strings.courses.participants }

            func content() -> Node<HTML.BodyContext> {
                let s = context.strings.courses, registry = context.strings.registry
                let action = SiteURL.courseParticipants(model.courseID).path
                func button(_ name: String, _ label: String, enrolment: Int?) -> Node<HTML.BodyContext> {
                    // Completion carries its date (the course's end unless changed): the record is
                    // dated when the learning ended, not the day someone clicked.
                    .form(.method(.post), .action(action), .class("inline"), csrfField(),
                          .input(.type(.hidden), .name("action"), .value(name)),
                          .unwrap(enrolment) { .input(.type(.hidden), .name("enrolment"), .value(String($0))) },
                          .if(name != "drop", .input(.type(.date), .name("completedOn"), .value(model.completionDate),
                                                     .attribute(named: "max", value: model.today),
                                                     .attribute(named: "aria-label", value: s.completionDate))),
                          .button(.type(.submit), .class("link"), .text(label)))
                }
                return .section(.class("card"),
                    .h1(.text(s.participants + " · " + model.title)),
                    .p(.a(.href(SiteURL.course(model.courseID).path), .text(model.title))),
                    .unwrap(model.error) { .p(.class("alert"), .attribute(named: "role", value: "alert"), .text($0)) },
                    .form(.method(.post), .action(action), .class("toolbar"), .novalidate(), csrfField(),
                          .input(.type(.hidden), .name("action"), .value("enrol")),
                          FormFields.input(name: "residentID", label: s.enrolByID, value: "", error: nil, autocomplete: "off"),
                          .button(.type(.submit), .class("button secondary"), .text(s.enrol))),
                    model.rows.isEmpty ? .p(.class("empty"), .text(s.noParticipants)) : .group(
                        .div(.class("toolbar"), .span(.class("muted"), .text(s.completionDate + "：")),
                             button("completeAll", s.completeAll, enrolment: nil)),
                        .div(.class("table-wrap"), .table(.class("list"), .id("participants"),
                            .thead(.tr(.th(.text(registry.name)), .th(.text(registry.residentID)), .th(.text(s.status)), .th())),
                            .tbody(.forEach(model.rows) { row in
                                .tr(.td(.a(.href(SiteURL.person(row.personID).path), .text(row.name))), .td(.text(row.residentID)),
                                    .td(.text(row.statusName)),
                                    .td(.if(row.status == .enrolled, .group(button("complete", s.complete, enrolment: row.id),
                                                                             .text(" "), button("drop", s.drop, enrolment: row.id)))))
                            })))))
            }
        }
    }
}
