import Foundation
import Markup

/// A horizontal progress bar as inline SVG: the share reached, and a tick for where the year
/// stands, with a `<title>` and `<desc>` for screen readers and printouts.
enum ProgressBar {
    static func svg(share: Double, yearElapsed: Double, title: String, description: String, onTrack: Bool) -> Node<HTML.BodyContext> {
        let width = 240.0, height = 14.0
        let filled = max(0, min(share, 1)) * width
        let tick = max(0, min(yearElapsed, 1)) * width
        return .element(named: "svg", nodes: [
            .attribute(named: "class", value: "progress"),
            .attribute(named: "viewBox", value: "0 0 \(Int(width)) \(Int(height) + 6)"),
            .attribute(named: "role", value: "img"),
            .attribute(named: "preserveAspectRatio", value: "none"),
            .element(named: "title", nodes: [.text(title)]),
            .element(named: "desc", nodes: [.text(description)]),
            rect(x: 0, width: width, height: height, cssClass: "track"),
            rect(x: 0, width: filled, height: height, cssClass: onTrack ? "fill ok" : "fill late"),
            .element(named: "line", nodes: [
                .attribute(named: "class", value: "tick"),
                .attribute(named: "x1", value: format(tick)), .attribute(named: "x2", value: format(tick)),
                .attribute(named: "y1", value: "0"), .attribute(named: "y2", value: format(height + 6)),
            ]),
        ])
    }

    private static func rect(x: Double, width: Double, height: Double, cssClass: String) -> Node<HTML.BodyContext> {
        .element(named: "rect", nodes: [
            .attribute(named: "class", value: cssClass),
            .attribute(named: "x", value: format(x)), .attribute(named: "y", value: "0"),
            .attribute(named: "width", value: format(width), ignoreIfValueIsEmpty: false),
            .attribute(named: "height", value: format(height)), .attribute(named: "rx", value: "3"),
        ])
    }

    private static func format(_ value: Double) -> String { String(format: "%.1f", value) }
}
