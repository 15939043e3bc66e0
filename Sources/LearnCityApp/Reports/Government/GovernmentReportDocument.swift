import LearnCityCore
import Markup

/// The report as an official document to print in the shared GB/T 9704 frame
/// (`OfficialDocument`): the number with the signer, the text, the appendix tables.
enum GovernmentReportDocument {
    private static let appendix = OfficialDocument.appendix

    static func html(_ report: GovernmentReport, signer: String?, content: GovernmentReportContent?, dataAsOf: String, issuedOn: LocalDate) -> String {
        OfficialDocument.html(
            title: report.title, issuer: content?.office ?? "",
            numberLine: .init(number: report.number ?? "（未签发）", signer: signer), date: issuedOn,
            content: .group(
                .div(.class("body"), .text(report.body)),
                .unwrap(content) { c in .group(
                    appendix("附表一　主要指标完成情况", ["指标", "完成", "年度目标"], .forEach(c.indicators) {
                        .tr(.td(.text("\($0.code) \($0.name)")), .td(.class("n"), .text($0.valueText)),
                            .td(.class("n"), .text($0.targetText)))
                    }),
                    appendix("附表二　成员单位报送情况", ["报表", "应报", "已报", "按时", "未报单位"], .forEach(c.forms) { f in
                        .tr(.td(.text(f.title)), .td(.class("n"), .text(String(f.expected))),
                            .td(.class("n"), .text(String(f.submitted))), .td(.class("n"), .text(String(f.onTime))),
                            .td(.text(f.missing.joined(separator: "、"))))
                    }),
                    .if(c.forms.contains { !$0.totals.isEmpty },
                        appendix("附表三　成员单位报送数据汇总（已审核）", ["报表", "项目", "合计"], .forEach(c.forms) { f in
                            .forEach(f.totals) { t in
                                .tr(.td(.text(f.title)), .td(.text(t.label)),
                                    .td(.class("n"), .text(ReportSheet.number(t.value))))
                            }
                        })),
                    .p(.class("asof"), .text("工作要点共 \(c.plan.total) 项，已完成 \(c.plan.done) 项，逾期 \(c.plan.late) 项。")),
                    .unwrap(c.funds) { f in .p(.class("asof"), .text("本年度培训经费预算 \(NumberText.yuan(fen: f.budget)) 元，已下拨 \(NumberText.yuan(fen: f.allocated)) 元，已拨付 \(NumberText.yuan(fen: f.disbursed)) 元。")) },
                    .unwrap(c.projects) { p in .p(.class("asof"), .text("社区教育和职业培训项目 \(p.total) 个，实施中 \(p.active) 个，已完成 \(p.done) 个。")) })
                },
                .p(.class("asof"), .text("数据截至：\(dataAsOf)"))))
    }
}
