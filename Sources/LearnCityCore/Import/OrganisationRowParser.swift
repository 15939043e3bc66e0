/// Turns the rows of an organisations file into candidates, or conflicts naming row, column and
/// problem. Parents are named by code or name and may be rows of the same file; resolving them
/// needs the tree, so it happens in the importer.
public struct OrganisationRowParser: Sendable {
    public static let columns: [ColumnSpec] = [
        ColumnSpec("name", ["名称", "机构名称", "单位名称", "name"], required: true),
        ColumnSpec("kind", ["类型", "机构类型", "kind", "type"], required: true),
        ColumnSpec("code", ["编码", "机构编码", "机构代码", "代码", "code"]),
        ColumnSpec("name_en", ["英文名称", "name_en", "english_name"]),
        ColumnSpec("parent", ["上级", "上级机构", "上级单位", "parent"]),
        ColumnSpec("region", ["区县", "所在区县", "region", "county"]),
        ColumnSpec("demonstration", ["示范", "是否示范", "示范中心", "demonstration"]),
        ColumnSpec("director", ["负责人", "中心主任", "director", "head"]),
    ]

    public struct Candidate: Sendable, Equatable {
        public var line: Int
        /// The code rows are matched on; when the file gives none, one is made from the name.
        public var code: String
        public var codeGiven: Bool
        public var nameZh: String
        public var nameEn: String?
        public var kind: OrganisationKind
        /// The parent as written (code or name), if any.
        public var parent: String?
        public var region: RegionCode?
        public var demonstration: Bool?
        public var director: String?
        /// The row's sheet, when the file's rows come from more than one.
        public var sheet: String? = nil
    }

    public var regions: RegionLookup

    public init(regions: RegionLookup) { self.regions = regions }

    public func parse(_ row: Sheet.Row, header: HeaderMap) -> Result<Candidate, RowConflicts> {
        var conflicts: [ImportConflict] = []
        func conflict(_ key: String, _ code: ImportConflict.Code, _ message: String) {
            let column = Self.columns.first { $0.key == key }?.displayName ?? key
            conflicts.append(ImportConflict(row: row.line, column: column, code: code, message: message, sheet: row.sheet))
        }
        let name = header.value("name", in: row)
        if name.isEmpty { conflict("name", .missingValue, "名称为空 / name is empty") }
        if name.count > 200 { conflict("name", .invalidValue, "名称过长 / the name is too long") }
        let kindText = header.value("kind", in: row)
        let kind = OrganisationKind.parse(kindText)
        if kind == nil {
            conflict("kind", kindText.isEmpty ? .missingValue : .invalidValue, "未知机构类型：\(kindText) / unknown kind of organisation")
        }
        let code = header.value("code", in: row)
        if code.count > 40 { conflict("code", .invalidValue, "编码过长（最多40字符）/ the code is longer than 40 characters") }
        var region: RegionCode?
        let regionText = header.value("region", in: row)
        if !regionText.isEmpty {
            region = regions.find(regionText)
            if region == nil { conflict("region", .unknownRegion, "未知区县：\(regionText) / unknown county") }
        }
        var demonstration: Bool?
        let demoText = header.value("demonstration", in: row)
        if !demoText.isEmpty {
            demonstration = Self.yesNo(demoText)
            if demonstration == nil { conflict("demonstration", .invalidValue, "示范应为是或否 / must be 是 or 否") }
        }
        guard conflicts.isEmpty, let kind else { return .failure(RowConflicts(conflicts: conflicts)) }
        func optional(_ key: String) -> String? {
            let text = header.value(key, in: row)
            return text.isEmpty ? nil : text
        }
        return .success(Candidate(line: row.line, code: code.isEmpty ? "import:" + name : code, codeGiven: !code.isEmpty,
                                  nameZh: name, nameEn: optional("name_en"), kind: kind, parent: optional("parent"),
                                  region: region, demonstration: demonstration, director: optional("director"),
                                  sheet: row.sheet))
    }

    static func yesNo(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "是", "示范", "yes", "y", "true", "1", "√", "✓": true
        case "否", "不是", "no", "n", "false", "0": false
        default: nil
        }
    }
}

extension OrganisationKind {
    /// The Chinese name offices write (the UI's names come from its string tables).
    public var nameZh: String {
        switch self {
        case .leadingGroup: "领导小组"
        case .leadingGroupOffice: "领导小组办公室"
        case .countyLeadership: "县级领导机构"
        case .university: "继续教育大学"
        case .college: "继续教育学院"
        case .communityCentre: "社区继续教育中心"
        case .villageCentre: "村级继续教育中心"
        case .enterpriseCentre: "企业继续教育中心"
        case .memberUnit: "成员单位"
        case .trainingProvider: "培训机构"
        case .school: "学校"
        case .correspondenceStation: "函授站点"
        case .socialOrganisation: "社会组织"
        case .enterprise: "企业"
        }
    }

    /// A kind from a cell: the code (`community_centre`), the Chinese name, or a common
    /// shortening (社区中心, 村级中心, 高校).
    public static func parse(_ text: String) -> OrganisationKind? {
        if let kind = OrganisationKind(rawValue: text.lowercased()) { return kind }
        if let kind = allCases.first(where: { $0.nameZh == text }) { return kind }
        switch text {
        case "社区中心", "社区学习中心", "社区继续教育学习中心": return .communityCentre
        case "村级中心", "村中心", "村级学习中心": return .villageCentre
        case "企业中心", "企业学习中心": return .enterpriseCentre
        case "学院", "分院", "县级学院": return .college
        case "大学": return .university
        case "高校", "中职学校", "职业学校": return .school
        case "函授站": return .correspondenceStation
        case "培训学校", "培训中心": return .trainingProvider
        default: return nil
        }
    }
}
