import Foundation
import LearnCityCore
import Vapor

/// Turns every error into an answer in the request's language: RFC 9457 problem+json for the
/// API (and clients that ask for JSON), an HTML error page otherwise. Unexpected errors are
/// logged with their detail and shown as `internal_error` without it.
struct ProblemMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch let abort as any AbortError where (300..<400).contains(abort.status.code) {
            // Redirects (sign-in required) travel as errors; they are answers, not problems.
            return Response(status: abort.status, headers: abort.headers)
        } catch {
            let problem = Self.classify(error)
            if problem.code == .internalError {
                request.logger.report(error: error)
            }
            return try Self.response(for: problem, to: request)
        }
    }

    static func classify(_ error: any Error) -> AppError {
        switch error {
        case let error as AppError:
            return error
        case let abort as any AbortError:
            switch abort.status {
            case .notFound: return AppError(.notFound)
            case .methodNotAllowed: return AppError(.methodNotAllowed)
            case .payloadTooLarge: return AppError(.payloadTooLarge)
            case .unsupportedMediaType: return AppError(.unsupportedMediaType)
            case .unauthorized: return AppError(.unauthorized)
            case .badRequest, .unprocessableEntity: return AppError(.badRequest)
            default: return AppError(.internalError)
            }
        case is DecodingError:
            return AppError(.badRequest)
        default:
            return AppError(.internalError)
        }
    }

    static func response(for problem: AppError, to request: Request) throws -> Response {
        let wantsJSON = request.url.path.hasPrefix("/api/")
            || (request.headers.accept.first?.mediaType == .json)
        if wantsJSON {
            return try Problem(problem, request: request).response(status: problem.code.status)
        }
        let page = ErrorPage.View(model: .init(
            title: request.strings.errorTitle,
            message: request.strings.problems.message(problem.code),
            detail: problem.detail.map { BilingualText.part($0, in: request.language) }), context: PageContext(request))
        return page.response(status: problem.code.status)
    }
}

/// An RFC 9457 problem document.
struct Problem: Content {
    var type: String
    var title: String
    var status: Int
    var code: String
    var detail: String?
    var instance: String
    var field: String?

    init(_ error: AppError, request: Request) {
        type = error.code.typeURI
        title = request.strings.problems.message(error.code)
        status = Int(error.code.status.code)
        code = error.code.rawValue
        detail = error.detail
        instance = request.url.path
        field = error.field
    }

    func response(status: HTTPResponseStatus) throws -> Response {
        let response = Response(status: status)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        response.body = .init(data: try encoder.encode(self))
        response.headers.contentType = HTTPMediaType(type: "application", subType: "problem+json", parameters: ["charset": "utf-8"])
        return response
    }
}
