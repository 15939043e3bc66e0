import LearnCityCore
import Markup

/// The report as an official document to print, after GB/T 9704 (党政机关公文格式): A4, the
/// issuing office's name in red as the header (版头), the document number with the signer on
/// one line (上行文), a red rule, the title, the text, the tables, the issuing office and date,
/// and page numbers “— 1 —” at the foot of each page (Resources/public/document.css).
enum GovernmentReportDocument {
    static func html(_ report: GovernmentReport, content: GovernmentReportContent?, dataAsOf: String, issuedOn: LocalDate) -> String {
        let date = "\(issuedOn.year)年\(issuedOn.month)月\(issuedOn.day)日"
        let office = content?.office ?? ""
        return HTML(
            .attribute(named: "lang", value: "zh-Hans"),
            .head(.meta(.charset(.utf8)), .title(report.title), .link(.rel(.stylesheet), .href(SiteURL.asset("document.css").path))),
            .body(
                .p(.class("issuer"), .text(office)),
                .div(.class("number"), .span(.text(report.number ?? "（未签发）")), .span(.text("签发人：" + (report.issuedBy ?? "")))),
                .hr(.class("rule")),
                .h1(.text(report.title)),
                .div(.class("body"), .text(report.body)),
                .unwrap(content) { c in .group(
                    .h2(.text("附表一　主要指标完成情况")),
                    .table(.tr(.th(.text("指标")), .th(.text("完成")), .th(.text("年度目标"))),
                           .forEach(c.indicators) { .tr(.td(.text("\($0.code) \($0.name)")), .td(.class("n"), .text($0.valueText)), .td(.class("n"), .text($0.targetText))) }),
                    .h2(.text("附表二　成员单位报送情况")),
                    .table(.tr(.th(.text("报表")), .th(.text("应报")), .th(.text("已报")), .th(.text("按时")), .th(.text("未报单位"))),
                           .forEach(c.forms) { f in .tr(.td(.text(f.title)), .td(.class("n"), .text(String(f.expected))), .td(.class("n"), .text(String(f.submitted))),
                                                       .td(.class("n"), .text(String(f.onTime))), .td(.text(f.missing.joined(separator: "、")))) }),
                    .if(c.forms.contains { !$0.totals.isEmpty }, .group(
                        .h2(.text("附表三　成员单位报送数据汇总（已审核）")),
                        .table(.tr(.th(.text("报表")), .th(.text("项目")), .th(.text("合计"))),
                               .forEach(c.forms) { f in .forEach(f.totals) { t in
                                   .tr(.td(.text(f.title)), .td(.text(t.label)), .td(.class("n"), .text(ReportSheet.number(t.value))))
                               } }))),
                    .p(.class("asof"), .text("工作要点共 \(c.plan.total) 项，已完成 \(c.plan.done) 项，逾期 \(c.plan.late) 项。")),
                    .unwrap(c.funds) { f in .p(.class("asof"), .text("本年度培训经费预算 \(NumberText.yuan(fen: f.budget)) 元，已下拨 \(NumberText.yuan(fen: f.allocated)) 元，已拨付 \(NumberText.yuan(fen: f.disbursed)) 元。")) },
                    .unwrap(c.projects) { p in .p(.class("asof"), .text("社区教育和职业培训项目 \(p.total) 个，实施中 \(p.active) 个，已完成 \(p.done) 个。")) })
                },
                .p(.class("asof"), .text("数据截至：\(dataAsOf)")),
                .div(.class("sign"), .p(.text(office)), .p(.text(date))))
        ).render()
    }
}
