import Markup

/// A labelled form field with its validation message next to it, the same on every form.
enum FormFields {
    /// `id` defaults to the name; give one when a page repeats the form (one per row).
    static func input(name: String, label: String, type: InputType = .text, value: String = "",
                      error: String?, hint: String? = nil, autocomplete: String? = nil, id: String? = nil) -> Node<HTML.FormContext> {
        let id = id ?? name
        return .div(.class(error == nil ? "field" : "field invalid"),
            .label(.for(id), .text(label)),
            .input(.type(type), .name(name), .id(id), .value(value),
                   .attribute(named: "autocomplete", value: autocomplete),
                   .attribute(named: "aria-invalid", value: error == nil ? nil : "true"),
                   .attribute(named: "aria-describedby", value: error == nil ? nil : "\(id)-error")),
            .unwrap(hint) { .p(.class("muted small"), .text($0)) },
            .unwrap(error) { .p(.class("field-error"), .id("\(id)-error"), .text($0)) })
    }

    /// A `<select>` with (value, label) options.
    static func select(name: String, label: String, options: [(String, String)], selected: String?,
                       error: String?, multiple: Bool = false) -> Node<HTML.FormContext> {
        .div(.class(error == nil ? "field" : "field invalid"),
            .label(.for(name), .text(label)),
            .element(named: "select", nodes: [
                .attribute(named: "name", value: name), .attribute(named: "id", value: name),
                .attribute(named: "multiple", value: multiple ? "multiple" : nil),
                .group(options.map { value, text in
                    .element(named: "option", nodes: [
                        .attribute(named: "value", value: value, ignoreIfValueIsEmpty: false),
                        .attribute(named: "selected", value: value == selected ? "selected" : nil),
                        .text(text),
                    ])
                }),
            ]),
            .unwrap(error) { .p(.class("field-error"), .id("\(name)-error"), .text($0)) })
    }

    /// A group of checkboxes named `name[]` (units a notice, a form or a meeting goes to), the
    /// checked ones those in `selected`, with the group's message under it. `groups` are the
    /// shortcuts above them (`group[]`, see `Recipients`): plain checkboxes the server expands
    /// when the form is sent, so they work without JavaScript.
    static func checkboxes(name: String, label: String, options: [(String, String)], selected: [Int],
                           error: String?, groups: [(String, String)] = [], chosenGroups: [String] = [],
                           groupStrings: RecipientStrings? = nil) -> Node<HTML.FormContext> {
        .div(.class(error == nil ? "field" : "field invalid"), .p(.text(label)),
            .if(!groups.isEmpty,
                .div(.class("shortcuts"),
                    .unwrap(groupStrings) { .p(.class("muted small"), .text($0.shortcuts + " · " + $0.shortcutsHint)) },
                    .forEach(groups) { value, text in
                        .label(.class("check"), .input(.type(.checkbox), .name("group[]"), .value(value),
                               .attribute(named: "checked", value: chosenGroups.contains(value) ? "checked" : nil)),
                               .text(" " + text + " "))
                    })),
            .forEach(options) { id, text in
                .label(.class("check"), .input(.type(.checkbox), .name(name + "[]"), .value(id),
                       .attribute(named: "checked", value: selected.contains(Int(id) ?? -1) ? "checked" : nil)), .text(" " + text + " "))
            },
            .unwrap(error) { .p(.class("field-error"), .id("\(name)-error"), .text($0)) })
    }

    /// A textarea with its message next to it, like `FormFields.input`.
    static func textarea(name: String, id: String? = nil, label: String, value: String, error: String?, hint: String? = nil) -> Node<HTML.FormContext> {
        let id = id ?? name
        return .div(.class(error == nil ? "field" : "field invalid"),
            .label(.for(id), .text(label)),
            .textarea(.name(name), .id(id), .attribute(named: "aria-describedby", value: error == nil ? nil : "\(id)-error"), .text(value)),
            .unwrap(hint) { .p(.class("muted small"), .text($0)) },
            .unwrap(error) { .p(.class("field-error"), .id("\(id)-error"), .text($0)) })
    }
}
