import Fluent
import Foundation
import LearnCityCore
import Vapor

/// Inspections: the office records one as a draft with its required rectifications, then
/// publishes it (通报); every staff account reads published ones, the inspected unit first
/// sees what it still owes.
enum InspectionsController {
    struct Form: Content {
        var date: String?
        var organisation: Int?
        var inspectors: String?
        var findings: String?
        var rectifications: String?
    }


    /// Units that can be inspected: member units, county leadership bodies, colleges, the university.
    static func inspectable(_ request: Request) async throws -> [Organisation] {
        try await Organisation.query(on: request.db).filter(\.$kind ~~ [.memberUnit, .countyLeadership, .college, .university])
            .filter(\.$closedAt == nil).sort(\.$path).all()
    }

    @Sendable static func list(_ request: Request) async throws -> Response {
        try await listPage(request, form: Form(), errors: [:])
    }

    @Sendable static func create(_ request: Request) async throws -> Response {
        let form = (try? request.content.decode(Form.self)) ?? Form()
        let s = request.strings.supervision
        var errors: [String: String] = [:]
        let date = form.date.flatMap(LocalDate.parse)
        if date == nil { errors["date"] = s.dateInvalid }
        let unit = try await form.organisation.asyncMap { id in try await inspectable(request).first { $0.id == id } } ?? nil
        if unit == nil { errors["organisation"] = request.strings.fieldRequired }
        let inspectors = (form.inspectors ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if inspectors.isEmpty { errors["inspectors"] = request.strings.fieldRequired }
        let findings = (form.findings ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if findings.isEmpty { errors["findings"] = request.strings.fieldRequired }
        var lines: [RectificationLine] = []
        switch RectificationLine.parse(form.rectifications ?? "", allowEmpty: true) {
        case .success(let parsed): lines = parsed
        case .failure(let error): errors["rectifications"] = s.lineError(error)
        }
        guard errors.isEmpty, let date, let unit else { return try await listPage(request, form: form, errors: errors, status: .unprocessableEntity) }
        let actor = Audit.Actor(request)
        let unitID = try unit.requireID()
        let inspection = Inspection()
        (inspection.inspectedOn, inspection.organisationID, inspection.createdBy) = (date.iso, unitID, actor.name)
        (inspection.inspectors, inspection.findings) = (String(inspectors.prefix(500)), String(findings.prefix(20_000)))
        try await request.db.transaction { [lines] db in
            try await inspection.create(on: db)
            try await addRectifications(lines, to: inspection, on: db)
            try await Audit.record(.create, entity: "inspection", id: inspection.id.map(String.init),
                                   summary: "\(unit.code) \(date.iso), \(lines.count) rectifications (draft)", by: actor, on: db)
        }
        return request.redirect(to: SiteURL.inspection(try inspection.requireID()).path)
    }

    static func addRectifications(_ lines: [RectificationLine], to inspection: Inspection, on db: any Database) async throws {
        for line in lines {
            let r = Rectification()
            (r.inspectionID, r.organisationID, r.requirement) = (try inspection.requireID(), inspection.organisationID, line.requirement)
            (r.dueOn, r.state) = (line.due.iso, .open)
            try await r.create(on: db)
        }
    }

    /// The inspection, or 404 when it does not exist or is a draft the caller may not see.
    static func visibleInspection(_ id: Int, _ request: Request) async throws -> Inspection {
        guard let inspection = try await Inspection.find(id, on: request.db), try inspection.isPublished || request.requireUser().roles.allows(.governCity) else {
            throw AppError(.notFound)
        }
        return inspection
    }

    @Sendable static func detail(_ request: Request) async throws -> Response {
        try await InspectionPages.detail(request, inspection: try await visibleInspection(request.intID(), request), errors: [:])
    }

    /// The office publishes a draft or adds rectifications (the same `要求 | 日期` lines).
    @Sendable static func change(_ request: Request) async throws -> Response {
        let inspection = try await visibleInspection(request.intID(), request)
        let s = request.strings.supervision
        let action = (try? request.content.get(String.self, at: "action")) ?? ""
        let actor = Audit.Actor(request)
        let id = try inspection.requireID()
        switch action {
        case "publish":
            guard !inspection.isPublished else { throw AppError(.conflict, detail: s.alreadyPublished) }
            try await request.db.transaction { db in
                (inspection.publishedAt, inspection.publishedBy) = (Date(), actor.name)
                try await inspection.update(on: db)
                try await Audit.record(.update, entity: "inspection", id: String(id), summary: "published", by: actor, on: db)
            }
        case "add_rectification":
            switch RectificationLine.parse((try? request.content.get(String.self, at: "lines")) ?? "") {
            case .failure(let error):
                return try await InspectionPages.detail(request, inspection: inspection, errors: ["lines": s.lineError(error)], status: .unprocessableEntity)
            case .success(let lines):
                try await request.db.transaction { db in
                    try await addRectifications(lines, to: inspection, on: db)
                    try await Audit.record(.update, entity: "inspection", id: String(id), summary: "\(lines.count) rectifications added", by: actor, on: db)
                }
            }
        default:
            return try await InspectionPages.detail(request, inspection: inspection, errors: ["action": s.unknownAction], status: .unprocessableEntity)
        }
        return request.redirect(to: SiteURL.inspection(id).path)
    }

    private static func listPage(_ request: Request, form: Form, errors: [String: String], status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = try request.requireUser()
        let office = user.roles.allows(.governCity)
        var query = Inspection.query(on: request.db).sort(\.$inspectedOn, .descending).sort(\.$id, .descending)
        if !office { query = query.filter(\.$publishedAt != nil) }
        let inspections = try await query.all()
        let rectifications = try await Rectification.query(on: request.db).filter(\.$inspectionID ~~ inspections.compactMap(\.id)).all()
        let units = try await inspectable(request)
        let names = try await WorkPlanController.organisationNames(inspections.map(\.organisationID), request)
        let today = request.today
        let byID = Dictionary(uniqueKeysWithValues: inspections.compactMap { i in i.id.map { ($0, i) } })
        // What the caller's own unit still owes, late first, then by due date.
        let mine = rectifications.filter { $0.organisationID == user.organisationID && $0.state != .closed && byID[$0.inspectionID]?.isPublished == true }
            .sorted { ($0.isLate(today: today) ? 0 : 1, $0.dueOn) < ($1.isLate(today: today) ? 0 : 1, $1.dueOn) }
        let model = InspectionPages.ListModel(
            office: office,
            mine: mine.map { .init(id: $0.id ?? 0, inspection: $0.inspectionID, requirement: $0.requirement, due: $0.dueOn, state: $0.state, late: $0.isLate(today: today)) },
            rows: inspections.map { i in
                let own = rectifications.filter { $0.inspectionID == i.id }
                return .init(id: i.id ?? 0, date: i.inspectedOn, unit: names[i.organisationID] ?? "—", published: i.isPublished,
                             total: own.count, open: own.filter { $0.state != .closed }.count, late: own.filter { $0.isLate(today: today) }.count)
            },
            units: units.map { (String($0.id ?? 0), $0.name(request.language)) }, form: form, errors: errors)
        return InspectionPages.List(model: model, context: PageContext(request)).response(status: status)
    }
}

/// Who may read and attach files of inspections and rectifications (wired into `Attachments`).
enum SupervisionAccess {
    /// Published inspections (and their rectifications) are read by every staff account; drafts by the office.
    static func mayRead(_ owner: AttachmentOwner, _ id: Int, _ request: Request) async throws -> Bool {
        let user = try request.requireUser()
        guard let inspection = try await inspection(of: owner, id, request) else { return false }
        return user.roles.allows(.governCity) || (inspection.isPublished && user.roles.allows(.viewOrganisations))
    }

    /// The office attaches to inspections and rectifications; the inspected unit to its own
    /// rectification while it is not closed, once the inspection is published.
    static func mayAttach(_ owner: AttachmentOwner, _ id: Int, _ request: Request) async throws -> Bool {
        let user = try request.requireUser()
        guard let inspection = try await inspection(of: owner, id, request) else { return false }
        if user.roles.allows(.governCity) { return true }
        guard owner == .rectification, inspection.isPublished, user.roles.allows(.reportFigures),
              let rectification = try await Rectification.find(id, on: request.db) else { return false }
        return rectification.organisationID == user.organisationID && rectification.state != .closed
    }

    private static func inspection(of owner: AttachmentOwner, _ id: Int, _ request: Request) async throws -> Inspection? {
        switch owner {
        case .inspection: return try await Inspection.find(id, on: request.db)
        case .rectification:
            guard let r = try await Rectification.find(id, on: request.db) else { return nil }
            return try await Inspection.find(r.inspectionID, on: request.db)
        default: return nil
        }
    }
}
