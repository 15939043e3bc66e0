import Fluent

/// A key/value fact about this installation (which demo was loaded, and when).
final class AppSetting: Model, @unchecked Sendable {
    static let schema = "app_settings"

    @ID(custom: "key", generatedBy: .user) var id: String?
    @Field(key: "value") var value: String

    init() {}
    init(key: String, value: String) {
        id = key
        self.value = value
    }

    static func get(_ key: String, on database: any Database) async throws -> String? {
        try await AppSetting.find(key, on: database)?.value
    }

    static func set(_ key: String, _ value: String, on database: any Database) async throws {
        if let existing = try await AppSetting.find(key, on: database) {
            existing.value = value
            try await existing.update(on: database)
        } else {
            try await AppSetting(key: key, value: value).create(on: database)
        }
    }
}

struct CreateAppSettings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AppSetting.schema)
            .field("key", .string, .identifier(auto: false))
            .field("value", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AppSetting.schema).delete()
    }
}
