import LearnCityCore
import Plot

/// The report as an official document to print, after GB/T 9704 (党政机关公文格式): A4, the
/// issuing office's name in red as the header (版头), the document number with the signer on
/// one line (上行文), a red rule, the title, the text, the tables, the issuing office and date,
/// and page numbers “— 1 —” at the foot of each page.
enum GovernmentReportDocument {
    static let css = """
    @page { size: A4; margin: 37mm 26mm 35mm 28mm; @bottom-center { content: "— " counter(page) " —"; font-family: serif; font-size: 14pt; } }
    body { font-family: "FangSong", "STFangsong", "Noto Serif CJK SC", serif; font-size: 16pt; line-height: 1.75; color: #000; margin: 0; }
    .issuer { color: #c00; text-align: center; font-family: "Noto Serif CJK SC", serif; font-weight: 900; font-size: 30pt; letter-spacing: 2pt; margin: 0 0 12mm; }
    .number { display: flex; justify-content: space-between; font-size: 16pt; margin: 0 0 2mm; }
    .rule { border: 0; border-top: 2px solid #c00; margin: 0 0 10mm; }
    h1 { text-align: center; font-family: "Noto Serif CJK SC", serif; font-size: 22pt; font-weight: 700; margin: 0 0 8mm; }
    .body { white-space: pre-wrap; text-indent: 0; margin: 0 0 6mm; }
    h2 { font-family: "Noto Sans CJK SC", sans-serif; font-size: 16pt; font-weight: 700; margin: 6mm 0 2mm; }
    table { width: 100%; border-collapse: collapse; font-size: 12pt; line-height: 1.4; }
    th, td { border: 1px solid #000; padding: 2mm; text-align: left; }
    td.n { text-align: right; }
    .asof { font-size: 12pt; }
    .sign { text-align: right; margin-top: 12mm; }
    @media screen { body { max-width: 210mm; margin: 10mm auto; padding: 20mm; box-shadow: 0 0 6px #999; } }
    """

    static func html(_ report: GovernmentReport, content: GovernmentReportContent?, dataAsOf: String, issuedOn: LocalDate) -> String {
        let date = "\(issuedOn.year)年\(issuedOn.month)月\(issuedOn.day)日"
        let office = content?.office ?? ""
        return HTML(
            .attribute(named: "lang", value: "zh-Hans"),
            .head(.meta(.charset(.utf8)), .title(report.title), .element(named: "style", text: css)),
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
                    .p(.class("asof"), .text("工作要点共 \(c.plan.total) 项，已完成 \(c.plan.done) 项，逾期 \(c.plan.late) 项。")))
                },
                .p(.class("asof"), .text("数据截至：\(dataAsOf)")),
                .div(.class("sign"), .p(.text(office)), .p(.text(date))))
        ).render()
    }
}
