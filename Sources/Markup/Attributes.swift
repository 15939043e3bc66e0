/// Attributes with a function of their own; any other goes through `attribute(named:value:)`.
/// Values are escaped when rendered, wherever they come from.
public extension HTMLNode {
    /// Class names add up: `.class("a"), .class("b")` writes `class="a b"`.
    static func `class`(_ value: String) -> HTMLNode {
        HTMLNode(.attribute(name: "class", value: value, appends: true, keepsEmpty: false))
    }
    static func id(_ value: String) -> HTMLNode { .attribute(named: "id", value: value) }
    static func href(_ value: String) -> HTMLNode { .attribute(named: "href", value: value) }
    static func name(_ value: String) -> HTMLNode { .attribute(named: "name", value: value) }
    static func value(_ value: String) -> HTMLNode { .attribute(named: "value", value: value) }
    static func action(_ value: String) -> HTMLNode { .attribute(named: "action", value: value) }
    static func `for`(_ value: String) -> HTMLNode { .attribute(named: "for", value: value) }
    static func placeholder(_ value: String) -> HTMLNode { .attribute(named: "placeholder", value: value) }
    static func src(_ value: String) -> HTMLNode { .attribute(named: "src", value: value) }
    static func alt(_ value: String) -> HTMLNode { .attribute(named: "alt", value: value) }
    static func content(_ value: String) -> HTMLNode { .attribute(named: "content", value: value) }
    static func type(_ value: InputType) -> HTMLNode { .attribute(named: "type", value: value.rawValue) }
    static func method(_ value: FormMethod) -> HTMLNode { .attribute(named: "method", value: value.rawValue) }
    static func enctype(_ value: FormContentType) -> HTMLNode { .attribute(named: "enctype", value: value.rawValue) }
    static func rel(_ value: LinkRelationship) -> HTMLNode { .attribute(named: "rel", value: value.rawValue) }
    static func charset(_ value: DocumentEncoding) -> HTMLNode { .attribute(named: "charset", value: value.rawValue) }
    /// The browser leaves validation to the server, which puts its messages next to the field.
    static func novalidate() -> HTMLNode { .attribute(named: "novalidate") }
}

/// `type` of inputs and buttons.
public enum InputType: String, Sendable {
    case text, hidden, submit, button, reset, file, checkbox, radio, date, month, time, number, search, password
    case email, tel, url, range, color
    case datetimeLocal = "datetime-local"
}

public enum FormMethod: String, Sendable { case get, post }

public enum FormContentType: String, Sendable {
    case urlEncoded = "application/x-www-form-urlencoded"
    case multipartData = "multipart/form-data"
    case plainText = "text/plain"
}

public enum LinkRelationship: String, Sendable { case stylesheet, icon, alternate, canonical, preload }

public enum DocumentEncoding: String, Sendable {
    case utf8 = "UTF-8"
}
