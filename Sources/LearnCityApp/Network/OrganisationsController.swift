import Fluent
import LearnCityCore
import Vapor

/// Staff pages of the organisation registry, within the account's scope. (The public portal
/// and `GET /api/v1/organisations` show the network's names to everyone.)
enum OrganisationsController {
    struct Form: Content {
        var nameZh: String?
        var nameEn: String?
    }

    static func visibleOrganisation(_ request: Request) async throws -> Organisation {
        let id = try request.intID()
        guard let organisation = try await Organisation.query(on: request.db).visible(to: request.accountScope())
            .filter(\.$id == id).first() else { throw AppError(.notFound) }
        return organisation
    }

    @Sendable static func list(_ request: Request) async throws -> Response {
        let organisations = try await Organisation.query(on: request.db).visible(to: request.accountScope()).sort(\.$path).all()
        let regions = try await regionNames(request)
        let kinds = request.strings.organisationKinds
        let children = Dictionary(grouping: organisations.compactMap(\.parentID), by: { $0 }).mapValues(\.count)
        let rows = organisations.map { org in
            OrganisationPages.Row(id: org.id ?? 0, name: org.name(request.language), kind: kinds.name(org.kind),
                                  region: regions[org.regionCode] ?? org.regionCode, depth: org.depth,
                                  demonstration: org.isDemonstration, children: children[org.id ?? 0] ?? 0, closed: org.closedAt != nil)
        }
        let canCreate = try request.requireUser().roles.allows(.editOrganisations)
        return OrganisationPages.List(rows: rows, canCreate: canCreate, context: PageContext(request)).response()
    }

    /// The list as CSV or XLSX (`?format=xlsx`), within scope, audited.
    @Sendable static func export(_ request: Request) async throws -> Response {
        let organisations = try await Organisation.query(on: request.db).visible(to: request.accountScope()).sort(\.$path).all()
        let regions = try await regionNames(request)
        let strings = request.strings.registry, kinds = request.strings.organisationKinds
        let parents = Dictionary(uniqueKeysWithValues: organisations.compactMap { org in org.id.map { ($0, org.code) } })
        return try await TableExport.response(
            request, name: "organisations",
            header: [strings.code, strings.nameZh, strings.nameEn, strings.kind, strings.region, strings.parent, strings.director, strings.demonstration, strings.closed],
            rows: organisations.map { org in
                [org.code, org.nameZh, org.nameEn, kinds.name(org.kind), regions[org.regionCode] ?? org.regionCode,
                 org.parentID.flatMap { parents[$0] } ?? "", org.director ?? "", org.isDemonstration ? "✓" : "", org.closedAt == nil ? "" : "✓"]
            }, entity: "organisation")
    }

    @Sendable static func detail(_ request: Request) async throws -> Response {
        try await detailPage(request, organisation: visibleOrganisation(request))
    }

    @Sendable static func update(_ request: Request) async throws -> Response {
        let organisation = try await visibleOrganisation(request)
        let form = try request.content.decode(Form.self)
        var errors: [String: String] = [:]
        let nameZh = (form.nameZh ?? "").trimmingCharacters(in: .whitespaces)
        let nameEn = (form.nameEn ?? "").trimmingCharacters(in: .whitespaces)
        if nameZh.isEmpty { errors["nameZh"] = request.strings.fieldRequired }
        if nameEn.isEmpty { errors["nameEn"] = request.strings.fieldRequired }
        guard errors.isEmpty else { return try await detailPage(request, organisation: organisation, errors: errors, status: .unprocessableEntity) }
        let summary = Audit.changes([("name_zh", organisation.nameZh, nameZh), ("name_en", organisation.nameEn, nameEn)])
        organisation.nameZh = nameZh
        organisation.nameEn = nameEn
        try await request.db.transaction { db in
            try await organisation.update(on: db)
            try await Audit.record(.update, entity: "organisation", id: organisation.id.map(String.init),
                                   summary: summary, by: Audit.Actor(request), on: db)
        }
        return try await detailPage(request, organisation: organisation, saved: true)
    }

    private static func detailPage(_ request: Request, organisation: Organisation, errors: [String: String] = [:],
                                   saved: Bool = false, status: HTTPResponseStatus = .ok) async throws -> Response {
        let scope = try await request.accountScope()
        let user = try request.requireUser()
        let regions = try await regionNames(request)
        let parent = try await organisation.parentID.asyncMap { try await Organisation.find($0, on: request.db) } ?? nil
        let children = try await Organisation.query(on: request.db).visible(to: scope).filter(\.$parentID == organisation.id).sort(\.$path).all()
        let accounts = try await User.query(on: request.db).filter(\.$organisationID == organisation.id).sort(\.$username).all()
        let model = OrganisationPages.Detail.Model(
            id: organisation.id ?? 0, nameZh: organisation.nameZh, nameEn: organisation.nameEn,
            kind: request.strings.organisationKinds.name(organisation.kind),
            region: regions[organisation.regionCode] ?? organisation.regionCode,
            parent: parent.map { ($0.id ?? 0, $0.name(request.language), scope.includesOrganisation(path: $0.path, region: RegionCode($0.regionCode))) },
            children: children.map { ($0.id ?? 0, $0.name(request.language)) },
            accounts: accounts.map { "\($0.displayName)（\($0.username)）" },
            canEdit: user.roles.allows(.editOrganisations), errors: errors, saved: saved,
            director: organisation.director, closed: organisation.closedAt != nil,
            parents: try await Organisation.query(on: request.db).visible(to: scope).filter(\.$closedAt == nil).sort(\.$path).all()
                .filter { !$0.path.hasPrefix(organisation.path) }
                .map { ($0.id ?? 0, String(repeating: "　", count: $0.depth) + $0.name(request.language)) },
            moves: try await OrganisationMove.query(on: request.db).filter(\.$organisationID == organisation.id ?? 0)
                .sort(\.$movedAt, .descending).all().map { "\(DateText.minute($0.movedAt, request.application.learnCity.config.timeZone)) · \($0.movedBy) · \($0.fromPath)" })
        var shown = model
        shown.courses = try await Course.query(on: request.db).filter(\.$providerID == organisation.requireID()).sort(\.$id, .descending)
            .limit(50).all().map { ($0.id ?? 0, $0.title) }
        shown.teachers = try await Teacher.query(on: request.db).filter(\.$organisationID == organisation.requireID()).sort(\.$name).all()
            .map { $0.name + ($0.isDirector ? "（" + request.strings.teachers.director + "）" : "") }
        try await addFigures(to: &shown, of: organisation, request)
        return OrganisationPages.Detail(model: shown, context: PageContext(request)).response(status: status)
    }

    /// The organisation's own year (`?year=`, else the dashboard's default): the total, then by
    /// kind and by quarter, as the dashboard labels them.
    private static func addFigures(to model: inout OrganisationPages.Detail.Model, of organisation: Organisation,
                                   _ request: Request) async throws {
        let today = request.today
        let year: Int
        if let asked = request.queryInteger("year", in: 1990...2100) { year = asked } else {
            year = try await IndicatorQueries.defaultYear(notAfter: today.year, on: request.db)
        }
        let own = try await DashboardQueries.organisationYear(organisation, year: year, on: request.db)
        let kinds = try await DashboardController.labelled(own.byKind, .kind, request)
        var total = own.total
        total.key = request.strings.dashboard.total
        model.year = year
        model.years = Array(Set((today.year - 4)...today.year).union([year])).sorted(by: >)
        // Quarters as the page's language names them (2014年第一季度), not the query's "Q1".
        let quarters = own.byQuarter.map { figure in
            var named = figure
            named.key = ReportPeriod("\(year)-\(figure.key)")?.label(chinese: request.language == .zh) ?? figure.key
            return named
        }
        model.figures = ([total] + kinds + quarters).map { FigureTable.Row(name: $0.key, link: nil, figure: $0) }
    }

    private static func regionNames(_ request: Request) async throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try await Region.query(on: request.db).all().map { ($0.id ?? "", $0.name(request.language)) })
    }
}
