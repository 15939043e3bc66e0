/// Writes nodes as HTML: an element's attribute nodes (also inside groups and control flow)
/// go into its start tag in the order they first appear; a later value replaces an earlier one,
/// except `class`, whose values are joined with spaces.
enum Renderer {
    static func render(_ node: HTMLNode, into out: inout String) {
        switch node.kind {
        case .empty, .attribute:
            return  // an attribute outside an element has nowhere to go
        case .text(let text):
            Escaping.text(text, into: &out)
        case .group(let nodes):
            for child in nodes { render(child, into: &out) }
        case .element(let name, let children, let isVoid):
            out += "<" + name
            for (attribute, value) in attributes(of: children) {
                out += " " + attribute
                if let value {
                    out += "=\""
                    Escaping.attribute(value, into: &out)
                    out += "\""
                }
            }
            out += ">"
            guard !isVoid else { return }
            for child in children { render(child, into: &out) }
            out += "</" + name + ">"
        }
    }

    private static func attributes(of children: [HTMLNode]) -> [(String, String?)] {
        var list: [(String, String?)] = []
        func collect(_ nodes: [HTMLNode]) {
            for node in nodes {
                switch node.kind {
                case .group(let inner):
                    collect(inner)
                case .attribute(let name, let value, let appends, let keepsEmpty):
                    // An empty value means "no attribute" (an optional left unset).
                    if let value, value.isEmpty, !keepsEmpty { continue }
                    if let index = list.firstIndex(where: { $0.0 == name }) {
                        if (appends || name == "class"), let old = list[index].1, let value {
                            list[index].1 = old + " " + value
                        } else {
                            list[index].1 = value
                        }
                    } else {
                        list.append((name, value))
                    }
                default:
                    continue
                }
            }
        }
        collect(children)
        return list
    }
}
