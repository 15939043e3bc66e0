import LearnCityCore

/// Strings of the import pages.
struct ImportStrings: Sendable {
    let title, intro, file, strict, strictHint, dryRunButton, chooseFile, uploadExpired: String
    let dryRunTitle, confirmButton, cancel, previewTitle, conflictsTitle, noConflicts, historyTitle, noHistory: String
    let rows, imported, updated, ignored, conflictRows, unknownColumns, row, column, code, message: String
    /// History entries made by `learncity import` and by an API upload that named no file.
    let commandLine, apiUpload: String
    let runningTitle, finishedTitle, failedTitle, undo, undone, alreadyUndone, status: String
    let touchedSince: @Sendable (_ count: Int) -> String
    let progress: @Sendable (_ done: Int, _ total: Int) -> String
    let strictRefused: String
    let urbanRural, employed, workplace, urban, rural, yes, no: String
    let kind: String
    let kindNames: [ImportKind: String]
    /// A file refused because it holds more than an import reads, naming the limit.
    let tooLarge: @Sendable (Sheet.Limit) -> String
    /// Under the listed conflicts when more were found; the link downloads all of them.
    let moreConflicts: @Sendable (_ listed: Int, _ total: Int) -> String
    let downloadConflicts: String
    /// The sheets of a workbook read and passed over; what updates change; file-wide warnings.
    let sheetsRead, sheetsIgnored, changesTitle, field, before, after, warningsTitle: String
    /// The dry run's checkbox: rows whose name differs from the registered one are imported anyway.
    let acceptNameMismatch: String
    /// How a row is named when the rows come from several sheets.
    let sheetRow: @Sendable (_ sheet: String, _ row: Int) -> String

    func kindName(_ kind: ImportKind) -> String { kindNames[kind] ?? kind.rawValue }
}

extension ImportStrings {
    static let zh = ImportStrings(
        title: "批量导入", intro: "上传 CSV（UTF-8 或 GBK/GB18030）或 XLSX 表格，表头可为中文或英文、列的顺序不限。先试运行，确认无误后再导入。",
        file: "表格文件", strict: "严格模式", strictHint: "有任何一行出错就整批不写入", dryRunButton: "试运行",
        chooseFile: "请选择要上传的文件。", uploadExpired: "上传的文件已过期，请重新上传。",
        dryRunTitle: "试运行结果（尚未写入）", confirmButton: "确认导入", cancel: "取消", previewTitle: "前几行将这样保存",
        conflictsTitle: "问题", noConflicts: "没有发现问题。", historyTitle: "导入记录", noHistory: "还没有导入记录。",
        rows: "数据行", imported: "新增", updated: "更新", ignored: "忽略", conflictRows: "有问题的行",
        unknownColumns: "未使用的列", row: "行", column: "列", code: "代码", message: "说明",
        commandLine: "命令行", apiUpload: "接口上传（未命名文件）",
        runningTitle: "正在导入…", finishedTitle: "导入完成", failedTitle: "导入未完成", undo: "撤销", undone: "已撤销这次导入。",
        alreadyUndone: "这次导入已经撤销过。", status: "状态",
        touchedSince: { count in "有 \(count) 条记录在导入后被修改过，不能整体撤销。" },
        progress: { done, total in "已处理 \(done) / \(total)" },
        strictRefused: "严格模式：发现问题，整批未写入。",
        urbanRural: "城乡", employed: "就业", workplace: "工作单位", urban: "城镇", rural: "农村", yes: "在职", no: "否",
        kind: "导入内容", kindNames: [.people: "人员", .orgs: "机构", .records: "学习记录"],
        tooLarge: { limit in
            switch limit {
            case .rows(let n): "文件超过 \(NumberFormat.integer(n)) 行，不能导入；请拆分后分批导入。"
            case .cellsPerRow(let n): "文件有一行超过 \(NumberFormat.integer(n)) 列，不能导入。"
            case .cellCharacters(let n): "文件有一个单元格超过 \(NumberFormat.integer(n)) 个字符，不能导入。"
            case .unpackedBytes(let n): "XLSX 文件解压后超过 \(NumberText.bytes(n))，不能导入。"
            }
        },
        moreConflicts: { listed, total in "共发现 \(total) 个问题，这里只列出前 \(listed) 个。" },
        downloadConflicts: "下载全部问题（CSV）",
        sheetsRead: "读取的工作表", sheetsIgnored: "未读取的工作表", changesTitle: "将更新的内容", field: "项目", before: "原为", after: "改为",
        warningsTitle: "请注意", acceptNameMismatch: "姓名与登记姓名不同的行，我已核对，仍然导入",
        sheetRow: { sheet, row in "\(sheet) 第 \(row) 行" })

    static let en = ImportStrings(
        title: "Bulk import", intro: "Upload a CSV (UTF-8 or GBK/GB18030) or XLSX file; headers in Chinese or English, in any order. A dry run comes first; then confirm.",
        file: "Spreadsheet", strict: "Strict", strictHint: "write nothing if any row is bad", dryRunButton: "Dry run",
        chooseFile: "Choose a file to upload.", uploadExpired: "The upload has expired; please upload it again.",
        dryRunTitle: "Dry run (nothing written yet)", confirmButton: "Import", cancel: "Cancel", previewTitle: "The first rows will be stored like this",
        conflictsTitle: "Problems", noConflicts: "No problems found.", historyTitle: "Import history", noHistory: "No imports yet.",
        rows: "Rows", imported: "New", updated: "Updated", ignored: "Ignored", conflictRows: "Rows with problems",
        unknownColumns: "Columns not used", row: "Row", column: "Column", code: "Code", message: "Message",
        commandLine: "command line", apiUpload: "API upload (no file name)",
        runningTitle: "Importing…", finishedTitle: "Import finished", failedTitle: "Import not finished", undo: "Undo",
        undone: "The import has been undone.", alreadyUndone: "This import was already undone.", status: "Status",
        touchedSince: { count in "\(count) rows were changed after the import; it cannot be undone as a whole." },
        progress: { done, total in "\(done) of \(total) done" },
        strictRefused: "Strict mode: problems found, nothing was written.",
        urbanRural: "Urban/rural", employed: "Employed", workplace: "Workplace", urban: "urban", rural: "rural", yes: "yes", no: "no",
        kind: "What the file holds", kindNames: [.people: "People", .orgs: "Organisations", .records: "Learning records"],
        tooLarge: { limit in
            switch limit {
            case .rows(let n): "The file has more than \(NumberFormat.integer(n)) rows; split it and import the parts."
            case .cellsPerRow(let n): "A row of the file has more than \(NumberFormat.integer(n)) columns; it cannot be imported."
            case .cellCharacters(let n): "A cell of the file has more than \(NumberFormat.integer(n)) characters; it cannot be imported."
            case .unpackedBytes(let n): "The XLSX file unpacks to more than \(NumberText.bytes(n)); it cannot be imported."
            }
        },
        moreConflicts: { listed, total in "\(total) problems found; the first \(listed) are listed here." },
        downloadConflicts: "Download every problem (CSV)",
        sheetsRead: "Sheets read", sheetsIgnored: "Sheets not read", changesTitle: "What the updates change", field: "Field",
        before: "Before", after: "After", warningsTitle: "Please check",
        acceptNameMismatch: "I have checked the rows whose name differs from the registered name: import them anyway",
        sheetRow: { sheet, row in "\(sheet), row \(row)" })
}
