import Foundation
import Markup

/// A trend line as inline SVG (points joined, each labelled), with `<title>` and a `<desc>`
/// that says every value.
enum LineChart {
    static func svg(_ points: [(label: String, value: Double, text: String)], title: String) -> Node<HTML.BodyContext> {
        let width = 400.0, height = 140.0, left = 10.0, right = 10.0, top = 18.0, bottom = 22.0
        let top_ = points.map(\.value).max() ?? 0
        let step = points.count > 1 ? (width - left - right) / Double(points.count - 1) : 0
        func x(_ index: Int) -> Double { left + Double(index) * step }
        func y(_ value: Double) -> Double { top_ > 0 ? top + (height - top - bottom) * (1 - value / top_) : height - bottom }
        let path = points.enumerated().map { index, point in "\(index == 0 ? "M" : "L")\(Int(x(index))),\(Int(y(point.value)))" }.joined(separator: " ")
        var nodes: [Node<HTML.BodyContext>] = [
            .attribute(named: "class", value: "trend"),
            .attribute(named: "viewBox", value: "0 0 \(Int(width)) \(Int(height))"),
            .attribute(named: "role", value: "img"),
            .element(named: "title", nodes: [.text(title)]),
            .element(named: "desc", nodes: [.text(points.map { "\($0.label)：\($0.text)" }.joined(separator: "；"))]),
            .element(named: "path", nodes: [.attribute(named: "d", value: path), .attribute(named: "class", value: "line")]),
        ]
        for (index, point) in points.enumerated() {
            nodes.append(.element(named: "circle", nodes: [.attribute(named: "cx", value: String(Int(x(index)))),
                                                           .attribute(named: "cy", value: String(Int(y(point.value)))), .attribute(named: "r", value: "3")]))
            nodes.append(.element(named: "text", nodes: [.attribute(named: "x", value: String(Int(x(index)))), .attribute(named: "y", value: String(Int(y(point.value)) - 6)),
                                                         .attribute(named: "text-anchor", value: index == 0 ? "start" : index == points.count - 1 ? "end" : "middle"),
                                                         .text(point.text)]))
            nodes.append(.element(named: "text", nodes: [.attribute(named: "x", value: String(Int(x(index)))), .attribute(named: "y", value: String(Int(height) - 6)),
                                                         .attribute(named: "text-anchor", value: index == 0 ? "start" : index == points.count - 1 ? "end" : "middle"),
                                                         .attribute(named: "class", value: "label"), .text(point.label)]))
        }
        return .element(named: "svg", nodes: nodes)
    }
}
