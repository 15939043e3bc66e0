import Fluent
import Foundation
import LearnCityCore

/// Reference data every installation needs, demo or not: province codes (GB/T 2260) and
/// industry sections (GB/T 4754). Record kinds are the `RecordKind` enum.
enum ReferenceData {
    private struct File: Decodable {
        struct Entry: Decodable { var code: String; var nameZh: String; var nameEn: String }
        var regions: [Entry]
        var industries: [Entry]
    }

    /// Inserts what is missing; cheap when everything is there.
    static func ensureLoaded(on database: any Database) async throws {
        let file = try JSONDecoder().decode(File.self, from: BundledResource.data("reference/reference.json"))
        let haveIndustries = try await Industry.query(on: database).count()
        let haveProvinces = try await Region.query(on: database).filter(\.$level == 1).count()
        guard haveIndustries < file.industries.count || haveProvinces < file.regions.count else { return }
        try await database.transaction { db in
            for entry in file.regions {
                guard let code = RegionCode(entry.code), try await Region.find(entry.code, on: db) == nil else { continue }
                try await Region(code: code, nameZh: entry.nameZh, nameEn: entry.nameEn).create(on: db)
            }
            for entry in file.industries where try await Industry.find(entry.code, on: db) == nil {
                try await Industry(code: entry.code, nameZh: entry.nameZh, nameEn: entry.nameEn).create(on: db)
            }
        }
    }
}
