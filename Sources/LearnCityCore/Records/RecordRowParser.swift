/// Turns the rows of a learning-records file (design.md §4) into candidates, or conflicts
/// naming row, column and problem. People, providers and courses are resolved by the importer,
/// which knows the database.
public struct RecordRowParser: Sendable {
    public static let columns: [ColumnSpec] = [
        ColumnSpec("resident_id", ["身份证号", "身份证号码", "公民身份号码", "身份证", "resident_id", "id_number"], required: true),
        ColumnSpec("name", ["姓名", "名字", "name"]),
        ColumnSpec("kind", ["类型", "记录类型", "教育类型", "kind", "type"], required: true),
        ColumnSpec("date", ["日期", "结业日期", "发证日期", "入学日期", "完成日期", "date"], required: true),
        ColumnSpec("hours", ["学时", "课时", "hours"]),
        ColumnSpec("provider", ["举办单位", "培训机构", "主办单位", "承办单位", "provider"]),
        ColumnSpec("course", ["课程", "课程名称", "培训项目", "course"]),
        ColumnSpec("status", ["状态", "status"]),
        ColumnSpec("certificate_no", ["证书编号", "certificate_no", "certificate"]),
        // Only a column that says it holds record ids: 编号 and 序号 are how offices number the
        // rows of every file 1, 2, 3 …, and taken as keys they made one file's row 1 overwrite
        // another's.
        ColumnSpec("source_id", ["记录编号", "记录ID", "记录id", "source_id", "record_id", "record id"]),
        ColumnSpec("qualification", ["资格名称", "证书名称", "qualification"]),
        ColumnSpec("level", ["等级", "层次", "level"]),
        ColumnSpec("issuer", ["发证机构", "发证单位", "issuer", "issuing_body"]),
        ColumnSpec("institution", ["院校", "学校", "institution"]),
        ColumnSpec("programme", ["专业", "programme", "program"]),
        ColumnSpec("study_mode", ["学习形式", "学习方式", "study_mode"]),
        ColumnSpec("graduation_date", ["毕业日期", "graduation_date"]),
    ]

    /// Certification and degree details kept with the record, by column key.
    public static let detailKeys = ["qualification", "level", "issuer", "institution", "programme", "study_mode", "graduation_date"]

    public struct Candidate: Sendable, Equatable {
        public var line: Int
        public var residentID: ResidentID
        public var name: String?
        public var kind: RecordKind
        public var date: LocalDate
        public var hours: Double
        public var status: RecordStatus
        public var provider: String?
        public var course: String?
        public var sourceID: String?
        public var certificateNo: String?
        public var details: [String: String]
        /// The row's sheet, when the file's rows come from more than one (not part of the content).
        public var sheet: String? = nil

        /// The content that decides "identical" vs "updated", in a fixed order.
        public var canonical: String {
            var parts = [residentID.value, kind.rawValue, date.iso, String(hours), status.rawValue, provider ?? "", course ?? "",
                         certificateNo ?? ""]
            for key in RecordRowParser.detailKeys { parts.append(details[key] ?? "") }
            return parts.joined(separator: "\u{1F}")
        }
    }

    public init() {}

    public func parse(_ row: Sheet.Row, header: HeaderMap) -> Result<Candidate, RowConflicts> {
        var conflicts: [ImportConflict] = []
        func conflict(_ key: String, _ code: ImportConflict.Code, _ message: String) {
            let column = Self.columns.first { $0.key == key }?.displayName ?? key
            conflicts.append(ImportConflict(row: row.line, column: column, code: code, message: message, sheet: row.sheet))
        }
        func optional(_ key: String) -> String? {
            let text = header.value(key, in: row)
            return text.isEmpty ? nil : String(text.prefix(200))
        }
        var id: ResidentID?
        do { id = try ResidentID(header.value("resident_id", in: row)) } catch {
            conflict("resident_id", .invalidResidentID, ImportMessages.residentID(error))
        }
        let kindText = header.value("kind", in: row)
        let kind = RecordKind.parse(kindText)
        if kind == nil {
            conflict("kind", kindText.isEmpty ? .missingValue : .invalidValue,
                     "未知类型：\(kindText)（应为社区教育、职业培训、资格认证或学历教育）/ unknown kind")
        }
        let date = Self.date(header.cell("date", in: row))
        if date == nil {
            let text = header.value("date", in: row)
            conflict("date", text.isEmpty ? .missingValue : .invalidDate, "日期无效：\(text) / not a date")
        }
        var hours = 0.0
        let hoursText = header.value("hours", in: row)
        if !hoursText.isEmpty {
            if let value = Double(hoursText), value.isFinite, (0...1000).contains(value) { hours = value } else {
                conflict("hours", .invalidValue, "学时应为 0–1000 的数字：\(hoursText) / hours must be a number from 0 to 1000")
            }
        }
        var status = kind?.defaultStatus
        let statusText = header.value("status", in: row)
        if !statusText.isEmpty, let kind {
            if let parsed = RecordStatus.parse(statusText), kind.statuses.contains(parsed) { status = parsed } else {
                conflict("status", .invalidValue, "状态“\(statusText)”不适用于\(kind.nameZh) / this status does not apply to this kind")
            }
        }
        var details: [String: String] = [:]
        for key in Self.detailKeys { if let value = optional(key) { details[key] = value } }
        if let text = details["graduation_date"] {
            if let graduation = Self.date(header.cell("graduation_date", in: row)) { details["graduation_date"] = graduation.iso } else {
                conflict("graduation_date", .invalidDate, "毕业日期无效：\(text) / not a date")
            }
        }
        guard conflicts.isEmpty, let id, let kind, let date, let status else { return .failure(RowConflicts(conflicts: conflicts)) }
        return .success(Candidate(line: row.line, residentID: id, name: optional("name"), kind: kind, date: date, hours: hours,
                                  status: status, provider: optional("provider"), course: optional("course"),
                                  sourceID: optional("source_id"), certificateNo: optional("certificate_no"), details: details,
                                  sheet: row.sheet))
    }

    /// True when a file's record ids are 1, 2, 3 … n (in any order, at least two): the numbers
    /// of its rows, which the next file starts again, rather than ids of records.
    public static func looksLikeRowNumbers(_ ids: [String]) -> Bool {
        guard ids.count >= 2 else { return false }
        var numbers = Set<Int>()
        for id in ids {
            guard let number = Int(id), number >= 1, number <= ids.count, numbers.insert(number).inserted else { return false }
        }
        return true
    }

    /// An Excel date cell's date, or a date written as text.
    static func date(_ cell: Sheet.Cell?) -> LocalDate? {
        guard let cell else { return nil }
        if let date = cell.date { return date }
        return LocalDate.parse(CellText.normalise(cell.text))
    }
}
