import Fluent
import Foundation
import LearnCityCore
import SQLKit
import Vapor

/// A rectification's closure: the inspected unit answers what it did; the office closes it,
/// or sends it back (reopens) with a comment. Rules of who may do what: `RectificationState`.
enum RectificationsController {
    @Sendable static func change(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let s = request.strings.supervision
        guard let rectification = try await Rectification.find(request.intID(), on: request.db) else { throw AppError(.notFound) }
        // A draft's rectifications do not exist for anyone but the office.
        let inspection = try await InspectionsController.visibleInspection(rectification.inspectionID, request)
        let office = user.roles.allows(.governCity)
        guard let action = ((try? request.content.get(String.self, at: "action")) ?? "").nonEmpty.flatMap(RectificationState.Action.init(rawValue:)) else {
            return try await InspectionPages.detail(request, inspection: inspection, errors: ["action": s.unknownAction], status: .unprocessableEntity)
        }
        let inspectedUnit = user.organisationID != nil && user.organisationID == rectification.organisationID
        guard let next = rectification.state.after(action, inspectedUnit: inspectedUnit, office: office) else {
            let detail: String = switch action {
            case .answer: inspectedUnit ? s.notNow : s.notYours
            case .close, .reopen: office ? s.notNow : s.officeOnly
            }
            throw AppError(.conflict, detail: detail)
        }
        let text = ((try? request.content.get(String.self, at: "text")) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let id = try rectification.requireID()
        // An answer says what was done; sending back says why.
        if text.isEmpty && (action == .answer || action == .reopen) {
            return try await InspectionPages.detail(request, inspection: inspection, errors: ["text-\(id)": action == .answer ? s.answerRequired : s.commentRequired],
                                                    status: .unprocessableEntity)
        }
        let actor = Audit.Actor(request)
        let today = request.today
        let seen = rectification.state
        try await request.db.transaction { db in
            // Claim the state this decision was made on: an answer and a close at once cannot
            // both land (the second finds the state changed and is a conflict).
            guard try await RowClaim.claim(Rectification.schema, id: id, set: "state", to: SQLBind(next.rawValue),
                                           where: "state", .equal, SQLBind(seen.rawValue), on: db) else { throw AppError(.conflict, detail: s.notNow) }
            switch action {
            case .answer: (rectification.answer, rectification.answeredBy, rectification.answeredAt) = (String(text.prefix(4000)), actor.name, Date())
            case .close: (rectification.closedOn, rectification.closedBy) = (today.iso, actor.name)
            case .reopen: (rectification.comment, rectification.closedOn, rectification.closedBy) = (String(text.prefix(2000)), nil, nil)
            }
            rectification.state = next
            try await rectification.update(on: db)
            try await Audit.record(.update, entity: "rectification", id: String(id), summary: "\(action.rawValue) → \(next.rawValue)", by: actor, on: db)
        }
        return request.redirect(to: SiteURL.inspection(rectification.inspectionID).path + "#r\(id)")
    }
}

private extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
