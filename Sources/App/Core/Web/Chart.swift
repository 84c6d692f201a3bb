import Foundation

/// Charts drawn on the server as SVG: no outside script, and they print. Shapes get explicit closing tags: inline
/// SVG in HTML needs them (an unclosed `<rect>` would swallow what follows).
enum Chart {
    /// Paired bars per label (such as new cases and losses per month), with the values written on the bars.
    static func bars(_ data: [(label: String, first: Int, second: Int)], first: String, second: String) -> Node {
        let width = max(320, data.count * 56 + 40)
        let height = 220
        let top = max(1, data.map { max($0.first, $0.second) }.max() ?? 1)
        let plot = Double(height - 60)
        func bar(_ x: Int, _ value: Int, _ colour: String) -> [Node] {
            let h = Int((Double(value) / Double(top) * plot).rounded())
            let y = height - 30 - h
            return [
                element(
                    "rect",
                    [
                        .attr("x", "\(x)"), .attr("y", "\(y)"), .attr("width", "20"), .attr("height", "\(h)"),
                        .attr("fill", colour),
                    ]
                ) {},
                element(
                    "text",
                    [
                        .attr("x", "\(x + 10)"), .attr("y", "\(y - 4)"), .attr("text-anchor", "middle"),
                        .attr("font-size", "11"),
                    ]
                ) { "\(value)" },
            ]
        }
        return element(
            "svg",
            [
                .attr("viewBox", "0 0 \(width) \(height)"), .attr("width", "\(width)"), .attr("height", "\(height)"),
                .attr("role", "img"), .class("chart"),
                .attr("aria-label", "\(first)与\(second)"), .attr("xmlns", "http://www.w3.org/2000/svg"),
            ]
        ) {
            element(
                "line",
                [
                    .attr("x1", "20"), .attr("y1", "\(height - 30)"), .attr("x2", "\(width - 10)"),
                    .attr("y2", "\(height - 30)"), .attr("stroke", "#9aa5b1"),
                ]
            ) {}
            for (index, entry) in data.enumerated() {
                let x = 30 + index * 56
                bar(x, entry.first, "#1d4f91")
                bar(x + 22, entry.second, "#c53030")
                element(
                    "text",
                    [
                        .attr("x", "\(x + 21)"), .attr("y", "\(height - 12)"), .attr("text-anchor", "middle"),
                        .attr("font-size", "11"),
                    ]
                ) {
                    entry.label.replacingOccurrences(of: "年", with: "/").replacingOccurrences(of: "月", with: "")
                }
            }
            element(
                "rect",
                [
                    .attr("x", "20"), .attr("y", "8"), .attr("width", "12"), .attr("height", "12"),
                    .attr("fill", "#1d4f91"),
                ]
            ) {}
            element("text", [.attr("x", "36"), .attr("y", "18"), .attr("font-size", "12")]) { first }
            element(
                "rect",
                [
                    .attr("x", "90"), .attr("y", "8"), .attr("width", "12"), .attr("height", "12"),
                    .attr("fill", "#c53030"),
                ]
            ) {}
            element("text", [.attr("x", "106"), .attr("y", "18"), .attr("font-size", "12")]) { second }
        }
    }
}
