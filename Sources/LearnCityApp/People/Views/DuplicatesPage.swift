import Foundation
import LearnCityCore
import Markup

/// Groups of possible duplicates; for each, the admin picks the registration to keep, gives a
/// reason, and merges the others into it.
enum DuplicatesPage {
    struct Group: Sendable {
        var reasons: Set<DuplicateGroups.Reason>
        var people: [PeopleList.Row]
    }

    struct Model: Sendable {
        var groups: [Group]
        var error: String?
        var notice: String?
    }

    struct View: PageView {
        var model: Model
        var context: PageContext
        var pageTitle: String { context.strings.registry.duplicatesTitle }

        func content() -> Node<HTML.BodyContext> {
            let strings = context.strings.registry
            return .section(.class("card"),
                .h1(.text(strings.duplicatesTitle)),
                .p(.class("muted"), .text(strings.duplicatesIntro)),
                .unwrap(model.notice) { .p(.class("notice"), .attribute(named: "role", value: "status"), .text($0)) },
                .unwrap(model.error) { .p(.class("alert"), .attribute(named: "role", value: "alert"), .text($0)) },
                model.groups.isEmpty ? .p(.class("empty"), .text(strings.noDuplicates))
                    : .group(model.groups.enumerated().map { index, group in groupForm(index, group) }))
        }

        private func groupForm(_ index: Int, _ group: Group) -> Node<HTML.BodyContext> {
            let strings = context.strings.registry
            let reasons = group.reasons.map { $0 == .phone ? strings.samePhone : strings.sameNameBirth }.sorted().joined(separator: context.strings.listSeparator)
            return .form(.method(.post), .action(SiteURL.mergePeople.path), .class("duplicate-group"),
                csrfField(),
                .h2(.text(strings.duplicateGroup(index + 1) + "（" + reasons + "）")),
                .div(.class("table-wrap"), .table(.class("list"),
                    .thead(.tr(.th(.text(strings.keep)), .th(.text(strings.name)), .th(.text(strings.residentID)), .th(.text(strings.gender)),
                               .th(.text(strings.birthDate)), .th(.text(strings.phone)), .th(.text(strings.region)))),
                    .tbody(.forEach(group.people.enumerated()) { position, person in
                        .tr(.td(.input(.type(.radio), .name("keep"), .value(String(person.id)),
                                       .attribute(named: "checked", value: position == 0 ? "checked" : nil),
                                       .attribute(named: "aria-label", value: strings.keep + " " + person.name)),
                                .input(.type(.hidden), .name("members[]"), .value(String(person.id)))),
                            .td(.a(.href(SiteURL.person(person.id).path), .text(person.name))), .td(.text(person.residentID)),
                            .td(.text(person.gender)), .td(.text(person.birthDate)), .td(.text(person.phone)), .td(.text(person.region)))
                    }))),
                .div(.class("field"), .label(.for("reason-\(index)"), .text(strings.mergeReason)),
                     .input(.type(.text), .name("reason"), .id("reason-\(index)"), .attribute(named: "maxlength", value: "500"))),
                .button(.type(.submit), .class("button"), .text(strings.mergeButton)))
        }
    }
}
