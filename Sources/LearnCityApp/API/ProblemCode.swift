import Vapor

/// The stable codes of RFC 9457 problem documents. Scripts match on these; the messages
/// beside them follow the request's language and may change.
enum ProblemCode: String, CaseIterable, Sendable {
    case badRequest = "bad_request"
    case invalidParameter = "invalid_parameter"
    case unauthorized = "unauthorized"
    case notFound = "not_found"
    case methodNotAllowed = "method_not_allowed"
    case csrfFailed = "csrf_failed"
    case payloadTooLarge = "payload_too_large"
    case unsupportedMediaType = "unsupported_media_type"
    case tooManyRequests = "too_many_requests"
    case passwordChangeRequired = "password_change_required"
    /// A bearer token lacks the scope (`read`, `write`, `reveal`) the call needs.
    case insufficientScope = "insufficient_scope"
    case conflict = "conflict"
    case databaseUnavailable = "database_unavailable"
    case internalError = "internal_error"

    var status: HTTPResponseStatus {
        switch self {
        case .badRequest, .invalidParameter: .badRequest
        case .unauthorized: .unauthorized
        case .notFound: .notFound
        case .methodNotAllowed: .methodNotAllowed
        case .csrfFailed: .forbidden
        case .payloadTooLarge: .payloadTooLarge
        case .unsupportedMediaType: .unsupportedMediaType
        case .tooManyRequests: .tooManyRequests
        case .passwordChangeRequired: .forbidden
        case .insufficientScope: .forbidden
        case .conflict: .conflict
        case .databaseUnavailable: .serviceUnavailable
        case .internalError: .internalServerError
        }
    }

    /// The problem's `type` URI (RFC 9457 §3.1.1); a URN, since no public page documents it yet.
    var typeURI: String { "urn:learncity:problem:\(rawValue)" }
}

/// The message of each problem code in one language.
struct ProblemMessages: Sendable {
    let badRequest, invalidParameter, unauthorized, notFound, methodNotAllowed: String
    let csrfFailed, payloadTooLarge, unsupportedMediaType, tooManyRequests, passwordChangeRequired, conflict: String
    let insufficientScope: String
    let databaseUnavailable, internalError: String

    func message(_ code: ProblemCode) -> String {
        switch code {
        case .badRequest: badRequest
        case .invalidParameter: invalidParameter
        case .unauthorized: unauthorized
        case .notFound: notFound
        case .methodNotAllowed: methodNotAllowed
        case .csrfFailed: csrfFailed
        case .payloadTooLarge: payloadTooLarge
        case .unsupportedMediaType: unsupportedMediaType
        case .tooManyRequests: tooManyRequests
        case .passwordChangeRequired: passwordChangeRequired
        case .insufficientScope: insufficientScope
        case .conflict: conflict
        case .databaseUnavailable: databaseUnavailable
        case .internalError: internalError
        }
    }
}

/// An error that carries a stable code; everything a handler throws on purpose is one of these.
struct AppError: Error, Sendable {
    var code: ProblemCode
    /// Extra detail for the message, already in the request's language (e.g. which parameter).
    var detail: String?
    /// The request field the problem is about, shown next to it in forms.
    var field: String?

    init(_ code: ProblemCode, detail: String? = nil, field: String? = nil) {
        self.code = code
        self.detail = detail
        self.field = field
    }
}
