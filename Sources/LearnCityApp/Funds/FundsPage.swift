import Foundation
import LearnCityCore
import Markup

enum FundsPage {
    struct Model: Sendable {
        /// (id, year, name, kind, funding unit, balance)
        var sources: [(Int, Int, String, FundSourceKind, String, FundBalance)]
        /// (id, source, recipient, date, purpose, amount, disbursed)
        var allocations: [(Int, String, String, String, String, Int, Int)]
        var recipients: [(String, FundBalance)]
        var units: [(String, String)]
        var recipientOptions: [(String, String)]
        var today: LocalDate
        var form: FundsController.Form
        var errors: [String: String]
        var notice: String?
    }

    static func recipientLabel(_ allocation: FundAllocation, _ strings: Strings) -> String {
        strings.labelled(strings.funds.recipientKinds[allocation.recipientKind] ?? "", allocation.recipientName)
    }

    static func percent(_ share: Double) -> String { String(Int((share * 100).rounded())) + "%" }

    /// Allocated of budget as a bar; the text says allocated and disbursed, for readers and print.
    static func bar(_ b: FundBalance, _ s: FundStrings) -> Node<HTML.BodyContext> {
        .group(
            .element(named: "progress", nodes: [.attribute(named: "max", value: String(max(b.budget, 1))),
                                                .attribute(named: "value", value: String(min(b.allocated, max(b.budget, 1)))),
                                                .text(percent(b.allocatedShare))]),
            .span(.class("muted small"), .text("\(s.allocated) \(percent(b.allocatedShare)) · \(s.disbursed) \(percent(b.disbursedShare))")))
    }

    struct View: PageView {
        var model: Model
        var context: PageContext
        var pageTitle: String { context.strings.funds.title }

        func content() -> Node<HTML.BodyContext> {
            let s = context.strings.funds
            // The half-year of the latest allocation (the demo city's are in 2014), else the current one.
            let latest = model.allocations.compactMap { LocalDate.parse($0.3) }.max() ?? model.today
            let half = ReportPeriod.containing(latest, kind: .halfYear).description
            return .group(
                .section(.class("card"),
                    .h1(.text(s.title)),
                    .p(.class("muted"), .text(s.intro)),
                    .p(.class("toolbar"), .a(.href(SiteURL.fundsReport.path + "?half=" + half), .text(s.report(half)))),
                    .unwrap(model.notice) { .p(.class("notice"), .attribute(named: "role", value: "status"), .text($0)) },
                    .h2(.text(s.sources)),
                    model.sources.isEmpty ? .p(.class("empty"), .text(s.noSources)) : .div(.class("table-wrap"), .table(.class("list"), .id("fund-sources"),
                        .thead(.tr(.th(.text(s.year)), .th(.text(s.name)), .th(.text(s.kind)), .th(.text(s.unit)), .th(.class("number"), .text(s.budget)),
                                   .th(.class("number"), .text(s.allocated)), .th(.class("number"), .text(s.disbursed)),
                                   .th(.class("number"), .text(s.unallocated)), .th(.text("")))),
                        .tbody(.forEach(model.sources) { _, year, name, kind, unit, b in
                            .tr(.td(.text(String(year))), .td(.text(name)), .td(.text(s.kindNames[kind] ?? kind.rawValue)), .td(.class("small"), .text(unit)),
                                .td(.class("number"), .text(NumberText.yuan(fen: b.budget))), .td(.class("number"), .text(NumberText.yuan(fen: b.allocated))),
                                .td(.class("number"), .text(NumberText.yuan(fen: b.disbursed))), .td(.class("number"), .text(NumberText.yuan(fen: b.unallocated))),
                                .td(FundsPage.bar(b, s)))
                        })))),
                .section(.class("card"),
                    .h2(.text(s.allocations)),
                    model.allocations.isEmpty ? .p(.class("empty"), .text(s.noAllocations)) : .div(.class("table-wrap"), .table(.class("list"), .id("fund-allocations"),
                        .thead(.tr(.th(.text(s.date)), .th(.text(s.source)), .th(.text(s.recipient)), .th(.text(s.purpose)),
                                   .th(.class("number"), .text(s.amount)), .th(.class("number"), .text(s.disbursed)), .th(.class("number"), .text(s.balance)))),
                        .tbody(.forEach(model.allocations) { _, source, recipient, date, purpose, amount, paid in
                            .tr(.td(.text(date)), .td(.text(source)), .td(.text(recipient)), .td(.class("small"), .text(purpose)),
                                .td(.class("number"), .text(NumberText.yuan(fen: amount))), .td(.class("number"), .text(NumberText.yuan(fen: paid))),
                                .td(.class("number"), .text(NumberText.yuan(fen: amount - paid))))
                        }))),
                    .if(!model.recipients.isEmpty, .group(
                        .h3(.text(s.byRecipient)),
                        .div(.class("table-wrap"), .table(.class("list"), .id("fund-recipients"),
                            .thead(.tr(.th(.text(s.recipient)), .th(.class("number"), .text(s.allocated)), .th(.class("number"), .text(s.disbursed)),
                                       .th(.class("number"), .text(s.balance)))),
                            .tbody(.forEach(model.recipients) { name, b in
                                .tr(.td(.text(name)), .td(.class("number"), .text(NumberText.yuan(fen: b.allocated))),
                                    .td(.class("number"), .text(NumberText.yuan(fen: b.disbursed))), .td(.class("number"), .text(NumberText.yuan(fen: b.undisbursed))))
                            })))))),
                .div(.class("breakdowns"), allocationForm(), disbursementForm(), sourceForm()))
        }

        private func sourceForm() -> Node<HTML.BodyContext> {
            let s = context.strings.funds, f = model.form, e = model.errors
            let kinds = FundSourceKind.allCases.map { ($0.rawValue, s.kindNames[$0] ?? $0.rawValue) }
            return .section(.class("card"),
                .h2(.text(s.addSource)),
                .form(.method(.post), .action(SiteURL.fundSources.path), .novalidate(), csrfField(),
                    FormFields.input(name: "year", label: s.year, value: f.year ?? String(model.today.year), error: e["year"]),
                    FormFields.input(name: "name", label: s.name, value: f.name ?? "", error: e["name"]),
                    FormFields.select(name: "kind", label: s.kind, options: [("", "—")] + kinds, selected: f.kind, error: e["kind"]),
                    FormFields.select(name: "unit", label: s.unit, options: [("", "—")] + model.units, selected: f.unit, error: nil),
                    FormFields.input(name: "budget", label: s.budget + "（元）", value: f.budget ?? "", error: e["budget"], hint: s.amountHint),
                    .button(.type(.submit), .class("button"), .text(s.addSource))))
        }

        private func allocationForm() -> Node<HTML.BodyContext> {
            let s = context.strings.funds, f = model.form, e = model.errors
            let sources = model.sources.map { id, year, name, _, _, b in (String(id), "\(year) \(name)（\(s.unallocated) \(NumberText.yuan(fen: b.unallocated))）") }
            return .section(.class("card"),
                .h2(.text(s.addAllocation)),
                .form(.method(.post), .action(SiteURL.fundAllocations.path), .novalidate(), csrfField(),
                    FormFields.select(name: "source", label: s.source, options: [("", "—")] + sources, selected: f.source, error: e["source"]),
                    FormFields.select(name: "recipient", label: s.recipient, options: [("", "—")] + model.recipientOptions, selected: f.recipient, error: e["recipient"]),
                    FormFields.input(name: "recipient_name", label: s.recipientName, value: f.recipientName ?? "", error: e["recipient_name"], hint: s.recipientNameHint),
                    FormFields.input(name: "allocated_on", label: s.date, type: .date, value: f.allocatedOn ?? model.today.iso, error: e["allocated_on"]),
                    FormFields.input(name: "amount", label: s.amount, value: f.amount ?? "", error: e["amount"], hint: s.amountHint),
                    FormFields.input(name: "purpose", label: s.purpose, value: f.purpose ?? "", error: nil),
                    .button(.type(.submit), .class("button"), .text(s.addAllocation))))
        }

        private func disbursementForm() -> Node<HTML.BodyContext> {
            let s = context.strings.funds, f = model.form, e = model.errors
            let allocations = model.allocations.map { id, _, recipient, date, _, amount, paid in
                (String(id), "\(date) \(recipient)（\(s.balance) \(NumberText.yuan(fen: amount - paid))）")
            }
            return .section(.class("card"),
                .h2(.text(s.addDisbursement)),
                .form(.method(.post), .action(SiteURL.fundDisbursements.path), .novalidate(), csrfField(),
                    FormFields.select(name: "allocation", label: s.allocation, options: [("", "—")] + allocations, selected: f.allocation, error: e["allocation"]),
                    FormFields.input(name: "paid_on", label: s.date, type: .date, value: f.paidOn ?? model.today.iso, error: e["paid_on"]),
                    FormFields.input(name: "pay_amount", label: s.amount, value: f.payAmount ?? "", error: e["pay_amount"], hint: s.amountHint),
                    FormFields.input(name: "note", label: s.note, value: f.note ?? "", error: nil),
                    .button(.type(.submit), .class("button"), .text(s.addDisbursement))))
        }
    }
}
