import Fluent
import LearnCityCore

/// An industry section of GB/T 4754-2017 (A–T): reference data, loaded with or without the demo.
final class Industry: Model, @unchecked Sendable {
    static let schema = "industries"

    @ID(custom: "code", generatedBy: .user) var id: String?
    @Field(key: "name_zh") var nameZh: String
    @Field(key: "name_en") var nameEn: String

    init() {}
    init(code: String, nameZh: String, nameEn: String) {
        id = code
        self.nameZh = nameZh
        self.nameEn = nameEn
    }

    func name(_ language: UILanguage) -> String { language == .zh ? nameZh : nameEn }
}

struct CreateIndustries: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Industry.schema)
            .field("code", .string, .identifier(auto: false))
            .field("name_zh", .string, .required)
            .field("name_en", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Industry.schema).delete()
    }
}
