import LearnCityCore
import Markup

/// The office's forms on the assessment page: criteria, manual scores, computing the
/// automatic ones, the advanced units (suggested: the top N) and publishing.
extension AssessmentPage.View {
    func forms() -> Node<HTML.BodyContext> {
        let s = context.strings.assessment, m = model, e = m.errors, t = m.typed
        let action = SiteURL.assessment.path
        func hidden(_ name: String, _ value: String) -> Node<HTML.FormContext> { .input(.type(.hidden), .name(name), .value(value)) }
        let sources = CriterionSource.allCases.map { ($0.rawValue, s.sourceNames[$0] ?? $0.rawValue) }
        let manual = m.criteria.filter { !$0.source.isAutomatic }
        return .group(
            .section(.class("card narrow"),
                .h2(.text(s.addCriterion)),
                .form(.method(.post), .action(action), .novalidate(), csrfField(), hidden("action", "criterion"), hidden("year", String(m.year)),
                    FormFields.input(name: "name", label: s.criterionName, value: t["name"] ?? "", error: e["name"]),
                    FormFields.input(name: "weight", label: s.weight, value: t["weight"] ?? "", error: e["weight"], hint: s.weightHint),
                    FormFields.select(name: "source", label: s.source, options: sources, selected: t["source"] ?? "manual", error: e["source"]),
                    .button(.type(.submit), .class("button"), .text(s.add)))),
            .if(!m.criteria.isEmpty, .section(.class("card"),
                .h2(.text(s.scores)),
                .p(.class("muted small"), .text(s.scoresHint)),
                .form(.method(.post), .action(action), .novalidate(), csrfField(), hidden("action", "scores"), hidden("year", String(m.year)),
                    .div(.class("table-wrap"), .table(.class("list"), .id("score-form"),
                        .thead(.tr(.th(.text(s.unit)), .forEach(m.criteria) { c in .th(.text("\(c.name)（0–\(c.weight)）")) })),
                        .tbody(.forEach(m.units.compactMap { unit in m.ranking.first { $0.unit == unit } }) { r in
                            .tr(.td(.text(m.names[r.unit] ?? "—")), .forEach(m.criteria) { c in scoreCell(c, unit: r.unit) })
                        }))),
                    .if(!manual.isEmpty, .button(.type(.submit), .class("button"), .text(s.saveScores)))),
                .form(.method(.post), .action(action), .novalidate(), csrfField(), hidden("action", "compute"), hidden("year", String(m.year)),
                    .p(.class("muted small"), .text(s.computeHint)),
                    .button(.type(.submit), .class("button secondary"), .text(s.compute))))),
            .if(!m.criteria.isEmpty, advancedForm()),
            .if(!m.criteria.isEmpty, .section(.class("card narrow"),
                .form(.method(.post), .action(action), .novalidate(), csrfField(), hidden("action", "publish"), hidden("year", String(m.year)),
                    .p(.class("muted small"), .text(s.publishHint)),
                    .button(.type(.submit), .class("button"), .text(s.publish))))))
    }

    /// A manual criterion's input (with its message next to it); an automatic one's computed score.
    private func scoreCell(_ c: AssessmentPage.Criterion, unit: Int) -> Node<HTML.TableRowContext> {
        let m = model, key = "s\(c.id)_\(unit)"
        let stored = m.scores[c.id]?[unit].map(AssessmentScoring.points)
        guard !c.source.isAutomatic else { return .td(.class("number muted"), .text(stored ?? "—")) }
        let error = m.errors[key]
        return .td(.class(error == nil ? "field" : "field invalid"),
            .input(.type(.text), .name(key), .id(key), .value(m.typed[key] ?? stored ?? ""), .attribute(named: "size", value: "5"),
                   .attribute(named: "aria-label", value: "\(m.names[unit] ?? "") \(c.name)"),
                   .attribute(named: "aria-invalid", value: error == nil ? nil : "true")),
            .unwrap(error) { .p(.class("field-error"), .id("\(key)-error"), .text($0)) })
    }

    private func advancedForm() -> Node<HTML.BodyContext> {
        let s = context.strings.assessment, m = model, e = m.errors
        let suggested = Set(m.top.map { AssessmentScoring.suggested(m.ranking, top: $0) } ?? [])
        return .section(.class("card"),
            .h2(.text(s.selectAdvanced)),
            .form(.method(.get), .action(SiteURL.assessment.path), .class("inline"),
                .input(.type(.hidden), .name("year"), .value(String(m.year))),
                .label(.for("top"), .text(s.suggestTop + " ")),
                .input(.type(.number), .name("top"), .id("top"), .value(m.top.map(String.init) ?? ""), .attribute(named: "min", value: "1")),
                .button(.type(.submit), .class("button ghost"), .text(s.suggest))),
            .form(.method(.post), .action(SiteURL.assessment.path), .novalidate(), csrfField(),
                .input(.type(.hidden), .name("action"), .value("advanced")), .input(.type(.hidden), .name("year"), .value(String(m.year))),
                .unwrap(e["units"]) { .p(.class("field-error"), .text($0)) },
                .div(.class("table-wrap"), .table(.class("list"), .id("advanced-form"),
                    .thead(.tr(.th(.text(s.rank)), .th(.text(s.unit)), .th(.class("number"), .text(s.total)), .th(.text(s.reason)))),
                    .tbody(.forEach(m.ranking) { r in
                        let checked = m.advanced[r.unit] != nil || suggested.contains(r.unit)
                        let reason = m.advanced[r.unit] ?? (suggested.contains(r.unit) ? s.suggestedReason(m.year, r.rank) : "")
                        return .tr(.td(.text(String(r.rank))),
                            .td(.label(.class("check"), .input(.type(.checkbox), .name("units[]"), .value(String(r.unit)),
                                                               .attribute(named: "checked", value: checked ? "checked" : nil)),
                                       .text(" " + (m.names[r.unit] ?? "—")))),
                            .td(.class("number"), .text(AssessmentScoring.points(r.totalTenths))),
                            .td(.class(e["reason_\(r.unit)"] == nil ? "field" : "field invalid"),
                                .input(.type(.text), .name("reason_\(r.unit)"), .value(reason), .attribute(named: "aria-label", value: s.reason)),
                                .unwrap(e["reason_\(r.unit)"]) { .p(.class("field-error"), .text($0)) }))
                    }))),
                .button(.type(.submit), .class("button"), .text(s.saveAdvanced))))
    }
}
