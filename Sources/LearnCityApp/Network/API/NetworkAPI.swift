import LearnCityCore
import Vapor

/// The public description of the network: regions and open organisations.
enum NetworkAPI {
    struct RegionDTO: Content, APISchema {
        var code: String
        var name: String
        var nameEn: String
        var parent: String?
        var level: Int
        var localCode: Bool

        static let schemaName = "Region"
        static var schema: JSONValue {
            Schema.object([
                ("code", Schema.string("GB/T 2260 code, or a local code where none exists")),
                ("name", Schema.string()), ("nameEn", Schema.string()),
                ("parent", Schema.string()), ("level", Schema.integer), ("localCode", Schema.boolean),
            ], required: ["code", "name", "nameEn", "level", "localCode"])
        }
    }

    struct OrganisationDTO: Content, APISchema {
        var id: Int
        var code: String
        var kind: String
        var name: String
        var nameEn: String
        var region: String
        var parentId: Int?
        var depth: Int
        var demonstration: Bool

        init(_ org: Organisation) {
            (id, code, kind, name, nameEn) = (org.id ?? 0, org.code, org.kind.rawValue, org.nameZh, org.nameEn)
            (region, parentId, depth, demonstration) = (org.regionCode, org.parentID, org.depth, org.isDemonstration)
        }

        static let schemaName = "Organisation"
        static var schema: JSONValue {
            Schema.object([
                ("id", Schema.integer), ("code", Schema.string()),
                ("kind", Schema.string(enum: OrganisationKind.allCases.map(\.rawValue))),
                ("name", Schema.string()), ("nameEn", Schema.string()), ("region", Schema.string()),
                ("parentId", Schema.integer), ("depth", Schema.integer), ("demonstration", Schema.boolean),
            ], required: ["id", "code", "kind", "name", "nameEn", "region", "depth", "demonstration"])
        }
    }

    static let regionsDoc = APIDoc(operationID: "listRegions", summary: "Regions of the city (GB/T 2260)",
                                   tag: "network", response: RegionDTO.self, isList: true)
    static let organisationsDoc = APIDoc(
        operationID: "listOrganisations", summary: "Open organisations of the network, in tree order", tag: "network",
        parameters: [.init(name: "kind", description: "Only organisations of this kind", required: false,
                           schema: Schema.string(enum: OrganisationKind.allCases.map(\.rawValue)))],
        response: OrganisationDTO.self, isList: true, problems: [.invalidParameter])

    static let organisationDoc = APIDoc(operationID: "getOrganisation", summary: "One organisation in the caller's scope",
                                        tag: "network", response: OrganisationDTO.self, problems: [.notFound])

    @Sendable static func organisation(_ request: Request) async throws -> Response {
        try await OrganisationDTO(OrganisationsController.visibleOrganisation(request)).encodeResponse(for: request)
    }

    @Sendable static func regions(_ request: Request) async throws -> Response {
        let regions = try await NetworkQueries.regions(on: request.db).map { region in
            RegionDTO(code: region.id ?? "", name: region.nameZh, nameEn: region.nameEn, parent: region.parentCode,
                      level: region.level, localCode: region.isLocalCode)
        }
        return try await regions.encodeResponse(for: request)
    }

    @Sendable static func organisations(_ request: Request) async throws -> Response {
        var kind: OrganisationKind?
        if let text = request.query[String.self, at: "kind"], !text.isEmpty {
            guard let parsed = OrganisationKind(rawValue: text) else {
                throw AppError(.invalidParameter, detail: "kind=\(text)", field: "kind")
            }
            kind = parsed
        }
        let organisations = try await NetworkQueries.openOrganisations(kind: kind, on: request.db).map(OrganisationDTO.init)
        return try await organisations.encodeResponse(for: request)
    }
}
