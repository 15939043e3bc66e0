/// The result of an import, in the shape of design.md §4 (DHIS2-style): every data row lands in
/// exactly one bucket, `rows = imported + updated + ignored + rows with conflicts`.
public struct ImportSummary: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable {
        case ok        // every row imported, updated or ignored
        case warning   // some rows had conflicts; the others were written (or would be)
        case error     // nothing written: strict mode found conflicts, or the file was refused
    }

    /// How many conflicts a summary lists. Every conflict is counted, but a file of a million bad
    /// rows listed them all in a 510 MB answer; the browser import offers the full list as a file.
    public static let listedConflicts = 1_000

    public var status: Status
    public var dryRun: Bool
    public var rows: Int
    public var imported: Int
    public var updated: Int
    public var ignored: Int
    /// The first `listedConflicts` conflicts found (in row order once settled); add with `add`.
    public private(set) var conflicts: [ImportConflict]
    /// Every conflict found, listed or not.
    public private(set) var conflictsTotal: Int
    /// Rows with at least one conflict (a row with two bad cells counts once), listed or not.
    public private(set) var conflictRows: Int
    /// Headers the import did not use, named once.
    public var unknownColumns: [String]
    /// The sheets of a workbook that were read, in order (empty for CSV).
    public var sheetsRead: [String] = []
    /// The sheets that were not, each with why (a workbook's other sheets are never dropped unseen).
    public var sheetsIgnored: [SheetNote] = []
    /// What looks wrong with the file as a whole without making any row a conflict.
    public var warnings: [ImportWarning] = []
    /// For the first `listedChanges` updated rows, what the update changes (before → after).
    public private(set) var changes: [RowChange] = []
    /// Receives every conflict as it is added, listed or not. Not stored.
    public var sink: ConflictSink?
    /// The rows counted in `conflictRows` (only while the summary is being built). Rows of two
    /// sheets share numbers, so a row is its sheet and its number.
    private var rowsWithConflicts: Set<RowRef> = []
    private struct RowRef: Hashable { var sheet: String?; var row: Int }

    public static let listedChanges = 100

    public init(dryRun: Bool) {
        status = .ok
        self.dryRun = dryRun
        rows = 0
        imported = 0
        updated = 0
        ignored = 0
        conflicts = []
        conflictsTotal = 0
        conflictRows = 0
        unknownColumns = []
    }

    /// Conflicts found but not listed.
    public var conflictsTruncated: Int { conflictsTotal - conflicts.count }
    public var isBalanced: Bool { rows == imported + updated + ignored + conflictRows }

    public mutating func add(_ conflict: ImportConflict) {
        conflictsTotal += 1
        if let row = conflict.row, rowsWithConflicts.insert(RowRef(sheet: conflict.sheet, row: row)).inserted { conflictRows += 1 }
        if conflicts.count < Self.listedConflicts { conflicts.append(conflict) }
        sink?.write(conflict)
    }

    public mutating func add(contentsOf conflicts: [ImportConflict]) {
        for conflict in conflicts { add(conflict) }
    }

    /// Notes what an update of `row` changes, while fewer than `listedChanges` are noted.
    public mutating func addChange(_ change: RowChange) {
        if changes.count < Self.listedChanges { changes.append(change) }
    }

    /// Lists the conflicts in sheet and row order (the file-wide ones, without a row, first).
    public mutating func sortConflicts() {
        let order = Dictionary(sheetsRead.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        func key(_ c: ImportConflict) -> (Int, Int, String) { (c.sheet.flatMap { order[$0] } ?? -1, c.row ?? 0, c.column ?? "") }
        conflicts.sort { key($0) < key($1) }
        changes.sort { (order[$0.sheet ?? ""] ?? -1, $0.row) < (order[$1.sheet ?? ""] ?? -1, $1.row) }
    }

    // The contract of design.md §4, with `conflictsTotal`, `conflictsTruncated` and
    // `conflictRows` added; summaries stored before they existed are read from their list.
    private enum CodingKeys: String, CodingKey {
        case status, dryRun, rows, imported, updated, ignored, conflicts, conflictsTotal, conflictsTruncated, conflictRows
        case unknownColumns, sheetsRead, sheetsIgnored, warnings, changes
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        status = try c.decode(Status.self, forKey: .status)
        dryRun = try c.decode(Bool.self, forKey: .dryRun)
        rows = try c.decode(Int.self, forKey: .rows)
        imported = try c.decode(Int.self, forKey: .imported)
        updated = try c.decode(Int.self, forKey: .updated)
        ignored = try c.decode(Int.self, forKey: .ignored)
        conflicts = try c.decode([ImportConflict].self, forKey: .conflicts)
        unknownColumns = try c.decodeIfPresent([String].self, forKey: .unknownColumns) ?? []
        conflictsTotal = try c.decodeIfPresent(Int.self, forKey: .conflictsTotal) ?? conflicts.count
        conflictRows = try c.decodeIfPresent(Int.self, forKey: .conflictRows)
            ?? Set(conflicts.compactMap { c in c.row.map { RowRef(sheet: c.sheet, row: $0) } }).count
        sheetsRead = try c.decodeIfPresent([String].self, forKey: .sheetsRead) ?? []
        sheetsIgnored = try c.decodeIfPresent([SheetNote].self, forKey: .sheetsIgnored) ?? []
        warnings = try c.decodeIfPresent([ImportWarning].self, forKey: .warnings) ?? []
        changes = try c.decodeIfPresent([RowChange].self, forKey: .changes) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(status, forKey: .status)
        try c.encode(dryRun, forKey: .dryRun)
        try c.encode(rows, forKey: .rows)
        try c.encode(imported, forKey: .imported)
        try c.encode(updated, forKey: .updated)
        try c.encode(ignored, forKey: .ignored)
        try c.encode(conflicts, forKey: .conflicts)
        try c.encode(conflictsTotal, forKey: .conflictsTotal)
        try c.encode(conflictsTruncated, forKey: .conflictsTruncated)
        try c.encode(conflictRows, forKey: .conflictRows)
        try c.encode(unknownColumns, forKey: .unknownColumns)
        try c.encode(sheetsRead, forKey: .sheetsRead)
        try c.encode(sheetsIgnored, forKey: .sheetsIgnored)
        try c.encode(warnings, forKey: .warnings)
        try c.encode(changes, forKey: .changes)
    }

    public static func == (a: ImportSummary, b: ImportSummary) -> Bool {
        (a.status, a.dryRun, a.rows, a.imported, a.updated, a.ignored) == (b.status, b.dryRun, b.rows, b.imported, b.updated, b.ignored)
            && a.conflicts == b.conflicts && a.conflictsTotal == b.conflictsTotal && a.conflictRows == b.conflictRows
            && a.unknownColumns == b.unknownColumns && a.sheetsRead == b.sheetsRead && a.sheetsIgnored == b.sheetsIgnored
            && a.warnings == b.warnings && a.changes == b.changes
    }
}

/// A sheet of a workbook that an import passed over, and why.
public struct SheetNote: Codable, Sendable, Equatable {
    public var name: String
    public var reason: String
    public init(name: String, reason: String) {
        self.name = name
        self.reason = reason
    }
}

/// Something about the file as a whole that the user should look at before importing.
public struct ImportWarning: Codable, Sendable, Equatable {
    public enum Code: String, Codable, Sendable, CaseIterable {
        /// The record-id column holds 1, 2, 3 … n: the rows' numbers, which every file restarts,
        /// not ids that name the same record in the next file.
        case rowNumbersAsRecordID = "row_numbers_as_record_id"
    }
    public var code: Code
    public var message: String
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }
}

/// What an update would change (or changed) in the record a row names: each field before and after.
public struct RowChange: Codable, Sendable, Equatable {
    public struct Field: Codable, Sendable, Equatable {
        public var field: String
        public var before: String
        public var after: String
        public init(field: String, before: String, after: String) {
            (self.field, self.before, self.after) = (field, before, after)
        }
    }
    public var sheet: String?
    public var row: Int
    public var fields: [Field]
    public init(sheet: String?, row: Int, fields: [Field]) {
        (self.sheet, self.row, self.fields) = (sheet, row, fields)
    }
}

/// Where every conflict of a run goes besides the summary's capped list (the browser import
/// writes them to a file to download).
public struct ConflictSink: Sendable {
    public let write: @Sendable (ImportConflict) -> Void
    public init(_ write: @escaping @Sendable (ImportConflict) -> Void) { self.write = write }
}

/// One problem in one cell (or with the file, when `row` is nil).
public struct ImportConflict: Codable, Sendable, Equatable {
    public var row: Int?
    public var column: String?
    public var code: Code
    public var message: String
    /// The row's sheet, when a workbook's rows come from more than one.
    public var sheet: String?

    public init(row: Int?, column: String?, code: Code, message: String, sheet: String? = nil) {
        self.row = row
        self.column = column
        self.code = code
        self.message = message
        self.sheet = sheet
    }

    /// Stable codes that scripts match on.
    public enum Code: String, Codable, Sendable, CaseIterable {
        case missingValue = "missing_value"
        case invalidResidentID = "invalid_resident_id"
        case genderMismatch = "gender_mismatch"
        case invalidPhone = "invalid_phone"
        case invalidDate = "invalid_date"
        case invalidValue = "invalid_value"
        case unknownRegion = "unknown_region"
        case regionOutOfScope = "region_out_of_scope"
        case duplicateInFile = "duplicate_in_file"
        case unknownParent = "unknown_parent"
        case changedByUser = "changed_by_user"
        case missingColumn = "missing_column"
        case notASpreadsheet = "not_a_spreadsheet"
        case emptyFile = "empty_file"
        /// The file holds more rows, columns or text than an import reads (`Sheet.Limits`).
        case fileTooLarge = "file_too_large"
        /// The row names a person outside the importing account's area: only their own county
        /// records them (design.md §5), and the answer is the same whether they exist or not.
        case personOutOfScope = "person_out_of_scope"
        /// The row's record id names a stored record of another person or kind: an id reused
        /// (row numbers that restart in every file), never a reason to rewrite that record.
        case keyReused = "key_reused"
        /// The row's name is not the name registered for its resident ID (and the user did not
        /// confirm it): a wrong ID would give someone else the record.
        case nameMismatch = "name_mismatch"
    }
}
