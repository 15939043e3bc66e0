import Fluent
import Foundation
import LearnCityCore

/// A node of the one organisation tree (design.md §3), stored with a materialised path of
/// ids (`/1/12/40/`) and its depth, so "this subtree" is one indexed `LIKE 'path%'`.
final class Organisation: Model, @unchecked Sendable {
    static let schema = "organisations"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    /// A stable code from the data that created it (the demo file, an import).
    @Field(key: "code") var code: String
    @OptionalField(key: "parent_id") var parentID: Int?
    @Field(key: "path") var path: String
    @Field(key: "depth") var depth: Int
    @Enum(key: "kind") var kind: OrganisationKind
    @Field(key: "name_zh") var nameZh: String
    @Field(key: "name_en") var nameEn: String
    @Field(key: "region_code") var regionCode: String
    @Field(key: "demonstration") var isDemonstration: Bool
    @OptionalField(key: "based_on") var basedOn: String?
    @OptionalField(key: "closed_at") var closedAt: Date?
    /// The centre director (中心主任) or head, as a name.
    @OptionalField(key: "director") var director: String?
    /// The import that created this organisation, and the last one that wrote it (for undo).
    @OptionalField(key: "created_import_id") var createdImportID: Int?
    @OptionalField(key: "import_id") var importID: Int?

    init() {}

    init(code: String, kind: OrganisationKind, nameZh: String, nameEn: String, regionCode: String,
         isDemonstration: Bool = false, basedOn: String? = nil) {
        self.code = code
        self.kind = kind
        self.nameZh = nameZh
        self.nameEn = nameEn
        self.regionCode = regionCode
        self.isDemonstration = isDemonstration
        self.basedOn = basedOn
        path = "/"
        depth = 0
    }

    func name(_ language: UILanguage) -> String { language == .zh ? nameZh : nameEn }
}
