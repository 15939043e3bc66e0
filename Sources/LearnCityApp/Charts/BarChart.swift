import Foundation
import Markup

/// Horizontal bars as inline SVG, one per row, with a `<title>` and a `<desc>` that says every
/// value, so screen readers and printouts have the numbers too. Scales to its container.
enum BarChart {
    static func svg(_ rows: [(label: String, value: Double, text: String)], title: String) -> Node<HTML.BodyContext> {
        let labelWidth = 110.0, barWidth = 220.0, valueWidth = 70.0, rowHeight = 22.0
        let height = max(rowHeight, Double(rows.count) * rowHeight)
        let top = rows.map(\.value).max() ?? 0
        var nodes: [Node<HTML.BodyContext>] = [
            .attribute(named: "class", value: "bars"),
            .attribute(named: "viewBox", value: "0 0 \(Int(labelWidth + barWidth + valueWidth)) \(Int(height))"),
            .attribute(named: "role", value: "img"),
            .element(named: "title", nodes: [.text(title)]),
            .element(named: "desc", nodes: [.text(rows.map { "\($0.label)：\($0.text)" }.joined(separator: "；"))]),
        ]
        for (index, row) in rows.enumerated() {
            let y = Double(index) * rowHeight
            let width = top > 0 ? max(row.value > 0 ? 1 : 0, row.value / top * barWidth) : 0
            nodes.append(.element(named: "text", nodes: [
                .attribute(named: "x", value: "0"), .attribute(named: "y", value: number(y + 15)), .attribute(named: "class", value: "label"),
                .text(String(row.label.prefix(9)))]))
            nodes.append(.element(named: "rect", nodes: [
                .attribute(named: "x", value: number(labelWidth)), .attribute(named: "y", value: number(y + 4)),
                .attribute(named: "width", value: number(width), ignoreIfValueIsEmpty: false),
                .attribute(named: "height", value: number(rowHeight - 8)), .attribute(named: "class", value: "bar")]))
            nodes.append(.element(named: "text", nodes: [
                .attribute(named: "x", value: number(labelWidth + width + 4)), .attribute(named: "y", value: number(y + 15)),
                .attribute(named: "class", value: "value"), .text(row.text)]))
        }
        return .element(named: "svg", nodes: nodes)
    }

    private static func number(_ value: Double) -> String { String(Int(value.rounded())) }
}
