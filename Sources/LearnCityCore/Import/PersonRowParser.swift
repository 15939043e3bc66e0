/// Turns the rows of a people file into validated candidates, or conflicts that name the row,
/// the column and what is wrong (in Chinese and English, as the import summary shows them).
public struct PersonRowParser: Sendable {
    public static let columns: [ColumnSpec] = [
        ColumnSpec("name", ["姓名", "名字", "name"], required: true),
        ColumnSpec("resident_id", ["身份证号", "身份证号码", "公民身份号码", "身份证", "resident_id", "id_number"], required: true),
        ColumnSpec("gender", ["性别", "gender", "sex"]),
        ColumnSpec("phone", ["手机号", "手机号码", "手机", "联系电话", "phone", "mobile"]),
        ColumnSpec("region", ["区县", "县区", "区县市", "所在区县", "region", "county"]),
        ColumnSpec("urban_rural", ["城乡", "城乡类别", "urban_rural"]),
        ColumnSpec("employed", ["就业状态", "是否在职", "在职", "employed"]),
        ColumnSpec("occupation", ["职业类别", "职业", "occupation"]),
        ColumnSpec("industry", ["行业", "所属行业", "industry"]),
        ColumnSpec("workplace", ["工作单位", "单位", "workplace"]),
    ]

    /// A row that passed every check.
    public struct Candidate: Sendable, Equatable {
        public var line: Int
        public var name: String
        public var residentID: ResidentID
        public var phone: MobileNumber?
        public var region: RegionCode
        public var urbanRural: String?
        public var employed: Bool?
        public var occupation: String?
        public var industry: String?
        public var workplace: String?
        /// The row's sheet, when the file's rows come from more than one (not part of the content).
        public var sheet: String? = nil

        /// The content that decides "identical" vs "updated", in a fixed order.
        public var canonical: String {
            [name, residentID.value, phone?.value ?? "", region.rawValue, urbanRural ?? "",
             employed.map { $0 ? "1" : "0" } ?? "", occupation ?? "", industry ?? "", workplace ?? ""].joined(separator: "\u{1F}")
        }
    }

    /// Region names and codes the city knows, and old codes that now have another.
    public var regions: RegionLookup
    /// Industry sections by letter and by name.
    public var industries: [String: String]

    public init(regions: RegionLookup, industries: [String: String]) {
        self.regions = regions
        self.industries = industries
    }

    public func parse(_ row: Sheet.Row, header: HeaderMap) -> Result<Candidate, RowConflicts> {
        var conflicts: [ImportConflict] = []
        func conflict(_ key: String, _ code: ImportConflict.Code, _ message: String) {
            let column = header.columns[key] != nil ? Self.columns.first { $0.key == key }?.displayName : nil
            conflicts.append(ImportConflict(row: row.line, column: column ?? key, code: code, message: message, sheet: row.sheet))
        }
        let name = header.value("name", in: row)
        if name.isEmpty { conflict("name", .missingValue, "姓名为空 / name is empty") }
        var id: ResidentID?
        do { id = try ResidentID(header.value("resident_id", in: row)) } catch {
            conflict("resident_id", .invalidResidentID, ImportMessages.residentID(error))
        }
        let genderText = header.value("gender", in: row)
        if let id, !genderText.isEmpty {
            switch Self.gender(genderText) {
            case nil: conflict("gender", .invalidValue, "性别应为男或女 / gender must be 男 or 女")
            case let gender? where gender != id.gender:
                conflict("gender", .genderMismatch, "性别与身份证号不符 / gender does not match the resident ID")
            default: break
            }
        }
        var phone: MobileNumber?
        let phoneText = header.value("phone", in: row)
        if !phoneText.isEmpty {
            phone = MobileNumber(phoneText)
            if phone == nil { conflict("phone", .invalidPhone, "不是手机号码 / not a mainland mobile number") }
        }
        var region: RegionCode?
        let regionText = header.value("region", in: row)
        if !regionText.isEmpty {
            region = regions.find(regionText)
            if region == nil { conflict("region", .unknownRegion, "未知区县：\(regionText) / unknown county") }
        } else if let id {
            // Nothing else known: the area code the ID was issued under, mapped to today's code.
            region = regions.current(id.areaCode)
        }
        let urbanRural = optionalChoice(header.value("urban_rural", in: row), Self.urbanRural, "urban_rural",
                                        "城乡应为城镇或农村 / must be 城镇 or 农村", conflict)
        let employed = optionalChoice(header.value("employed", in: row), Self.employed, "employed",
                                      "就业状态应为在职/是/否 / must be 在职, 是 or 否", conflict)
        let industryText = header.value("industry", in: row)
        var industry: String?
        if !industryText.isEmpty {
            industry = industries[industryText.uppercased()] ?? industries[industryText]
            if industry == nil { conflict("industry", .invalidValue, "未知行业：\(industryText) / unknown industry section") }
        }
        guard conflicts.isEmpty, let id, let region else {
            if conflicts.isEmpty { conflict("region", .unknownRegion, "无法确定区县 / the county cannot be determined") }
            return .failure(RowConflicts(conflicts: conflicts))
        }
        let occupation = header.value("occupation", in: row), workplace = header.value("workplace", in: row)
        return .success(Candidate(line: row.line, name: name, residentID: id, phone: phone, region: region,
                                  urbanRural: urbanRural, employed: employed,
                                  occupation: occupation.isEmpty ? nil : occupation, industry: industry,
                                  workplace: workplace.isEmpty ? nil : workplace, sheet: row.sheet))
    }

    private func optionalChoice<T>(_ text: String, _ parse: (String) -> T?, _ key: String, _ message: String,
                                   _ conflict: (String, ImportConflict.Code, String) -> Void) -> T? {
        guard !text.isEmpty else { return nil }
        guard let value = parse(text) else { conflict(key, .invalidValue, message); return nil }
        return value
    }

    static func gender(_ text: String) -> ResidentID.Gender? {
        switch text.lowercased() {
        case "男", "m", "male": .male
        case "女", "f", "female": .female
        default: nil
        }
    }

    static func urbanRural(_ text: String) -> String? {
        switch text.lowercased() {
        case "城镇", "城市", "城", "urban": "urban"
        case "农村", "乡村", "农", "rural": "rural"
        default: nil
        }
    }

    static func employed(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "在职", "是", "就业", "在岗", "yes", "y", "true", "1", "employed": true
        case "否", "无业", "失业", "未就业", "离退休", "退休", "no", "n", "false", "0": false
        default: nil
        }
    }
}

/// Region names and codes for imports: `511722`, `宣汉县`, `宣汉`, and old codes such as
/// 达县 `511721`, which became 达川区 `511703` in 2013.
public struct RegionLookup: Sendable {
    private var byKey: [String: RegionCode] = [:]
    private var renamed: [RegionCode: RegionCode] = [:]

    public init(regions: [(code: RegionCode, nameZh: String, nameEn: String)], renamed: [RegionCode: RegionCode] = [:]) {
        for region in regions {
            byKey[region.code.rawValue] = region.code
            byKey[region.nameZh] = region.code
            byKey[region.nameEn.lowercased()] = region.code
            for suffix in ["县", "区", "市"] where region.nameZh.hasSuffix(suffix) && region.nameZh.count > 2 {
                byKey[String(region.nameZh.dropLast())] = region.code
            }
        }
        self.renamed = renamed
        for (old, new) in renamed { byKey[old.rawValue] = new }
    }

    public func find(_ text: String) -> RegionCode? { byKey[text] ?? byKey[text.lowercased()] }

    /// Today's code for a code (the same, unless it was renamed).
    public func current(_ code: RegionCode) -> RegionCode? {
        if let new = renamed[code] { return new }
        return byKey[code.rawValue]
    }
}

/// Import messages in Chinese and English, as the summary carries them.
public enum ImportMessages {
    public static func residentID(_ problem: ResidentID.Problem) -> String {
        switch problem {
        case .wrongLength(let count): "身份证号应为18位，实为\(count)位 / 18 characters expected, \(count) given"
        case .invalidCharacters: "身份证号含无效字符 / the resident ID contains invalid characters"
        case .invalidRegion: "身份证号地区码无效 / the area code is not valid"
        case .invalidBirthDate: "身份证号出生日期无效 / the birth date is not a date"
        case .wrongCheckDigit: "校验位错误 / check digit is wrong"
        }
    }
}

/// The conflicts of one row.
public struct RowConflicts: Error, Sendable, Equatable {
    public var conflicts: [ImportConflict]
    public init(conflicts: [ImportConflict]) { self.conflicts = conflicts }
}
