/// HTML as values. Every piece of text and every attribute value is escaped when it is
/// rendered, in one place (`Escaping`), and there is no way to insert unescaped markup: a page
/// cannot forget to escape user text, because it never writes HTML itself.
///
/// The DSL reads like the one of the Plot library we used before (`.div(.class("x"), .text(s))`):
/// attributes are nodes among an element's children and are written into its start tag.
public struct HTMLNode: Sendable {
    enum Kind: Sendable {
        case empty
        case text(String)
        /// `value` nil: a boolean attribute. `keepsEmpty`: write `name=""` rather than leave it out.
        case attribute(name: String, value: String?, appends: Bool, keepsEmpty: Bool)
        case element(name: String, children: [HTMLNode], isVoid: Bool)
        case group([HTMLNode])
    }

    let kind: Kind

    init(_ kind: Kind) { self.kind = kind }
}

/// Pages name a node's context (`Node<HTML.BodyContext>`) for readability; the context is not
/// checked, the escaping is what matters.
public typealias Node<Context> = HTMLNode

extension HTMLNode: ExpressibleByStringInterpolation {
    /// A string literal where a node is expected is text, escaped like `.text`.
    public init(stringLiteral value: String) { self.init(.text(value)) }
}

public extension HTMLNode {
    /// Nothing: renders no text and no attribute.
    static var empty: HTMLNode { HTMLNode(.empty) }

    /// Text, escaped.
    static func text(_ text: String) -> HTMLNode { HTMLNode(.text(text)) }

    /// Several nodes as one, without an element around them.
    static func group(_ nodes: HTMLNode...) -> HTMLNode { HTMLNode(.group(nodes)) }
    static func group(_ nodes: [HTMLNode]) -> HTMLNode { HTMLNode(.group(nodes)) }

    /// An element by name; its attributes are the attribute nodes among `nodes`.
    static func element(named name: String, nodes: [HTMLNode] = []) -> HTMLNode {
        HTMLNode(.element(name: Escaping.name(name), children: nodes, isVoid: false))
    }

    /// An element with no content and no end tag (`<input>`).
    static func voidElement(named name: String, nodes: [HTMLNode] = []) -> HTMLNode {
        HTMLNode(.element(name: Escaping.name(name), children: nodes, isVoid: true))
    }

    /// An attribute. An empty or missing value leaves the attribute out; `attribute(named:)`
    /// without a value writes a boolean attribute (`novalidate`).
    static func attribute(named name: String, value: String?, ignoreIfValueIsEmpty: Bool = true) -> HTMLNode {
        HTMLNode(.attribute(name: Escaping.name(name), value: value ?? "", appends: false,
                            keepsEmpty: !ignoreIfValueIsEmpty))
    }

    static func attribute(named name: String) -> HTMLNode {
        HTMLNode(.attribute(name: Escaping.name(name), value: nil, appends: false, keepsEmpty: false))
    }

    // Control flow, so a page stays one expression.

    static func `if`(_ condition: Bool, _ node: HTMLNode, else otherwise: HTMLNode = .empty) -> HTMLNode {
        condition ? node : otherwise
    }

    static func unwrap<T>(_ optional: T?, _ transform: (T) throws -> HTMLNode,
                          else otherwise: HTMLNode = .empty) rethrows -> HTMLNode {
        try optional.map(transform) ?? otherwise
    }

    static func forEach<S: Sequence>(_ sequence: S, _ transform: (S.Element) throws -> HTMLNode) rethrows -> HTMLNode {
        HTMLNode(.group(try sequence.map(transform)))
    }

    /// The node as HTML text.
    func render() -> String {
        var out = ""
        Renderer.render(self, into: &out)
        return out
    }
}
