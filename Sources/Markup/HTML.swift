/// A whole HTML document: `HTML(.attribute(named: "lang", …), .head(…), .body(…)).render()`.
public struct HTML: Sendable {
    /// Names for the places a node is meant for; they document, they do not constrain.
    public enum BodyContext {}
    public enum HeadContext {}
    public enum FormContext {}
    public enum TableContext {}
    public enum TableRowContext {}
    public enum ListContext {}
    public enum DocumentContext {}

    private let root: HTMLNode

    public init(_ nodes: HTMLNode...) {
        root = .element(named: "html", nodes: nodes)
    }

    public func render() -> String {
        "<!DOCTYPE html>" + root.render()
    }
}
