/// The result of an import, in the shape of design.md §4 (DHIS2-style): every data row lands in
/// exactly one bucket, `rows = imported + updated + ignored + rows with conflicts`.
public struct ImportSummary: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable {
        case ok        // every row imported, updated or ignored
        case warning   // some rows had conflicts; the others were written (or would be)
        case error     // nothing written: strict mode found conflicts, or the file was refused
    }

    public var status: Status
    public var dryRun: Bool
    public var rows: Int
    public var imported: Int
    public var updated: Int
    public var ignored: Int
    public var conflicts: [ImportConflict]
    /// Headers the import did not use, named once.
    public var unknownColumns: [String]

    public init(dryRun: Bool) {
        status = .ok
        self.dryRun = dryRun
        rows = 0
        imported = 0
        updated = 0
        ignored = 0
        conflicts = []
        unknownColumns = []
    }

    /// Rows with at least one conflict (a row with two bad cells counts once).
    public var conflictRows: Int { Set(conflicts.compactMap(\.row)).count }
    public var isBalanced: Bool { rows == imported + updated + ignored + conflictRows }
}

/// One problem in one cell (or with the file, when `row` is nil).
public struct ImportConflict: Codable, Sendable, Equatable {
    public var row: Int?
    public var column: String?
    public var code: Code
    public var message: String

    public init(row: Int?, column: String?, code: Code, message: String) {
        self.row = row
        self.column = column
        self.code = code
        self.message = message
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
    }
}
