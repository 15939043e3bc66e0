import Fluent
import LearnCityCore

/// An administrative division (GB/T 2260), keyed by its code. Scope queries select a subtree
/// by code prefix (`RegionCode.subtreePattern`), so no path column is needed.
final class Region: Model, @unchecked Sendable {
    static let schema = "regions"

    @ID(custom: "code", generatedBy: .user) var id: String?
    @Field(key: "name_zh") var nameZh: String
    @Field(key: "name_en") var nameEn: String
    @OptionalField(key: "parent_code") var parentCode: String?
    @Field(key: "level") var level: Int
    /// A code the city gave itself because no national one exists.
    @Field(key: "local_code") var isLocalCode: Bool

    init() {}

    init(code: RegionCode, nameZh: String, nameEn: String, isLocalCode: Bool = false) {
        id = code.rawValue
        self.nameZh = nameZh
        self.nameEn = nameEn
        parentCode = code.parent?.rawValue
        level = code.level.rawValue
        self.isLocalCode = isLocalCode
    }

    var code: RegionCode? { id.flatMap(RegionCode.init) }
    func name(_ language: UILanguage) -> String { language == .zh ? nameZh : nameEn }
}
