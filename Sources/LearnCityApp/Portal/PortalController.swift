import Foundation
import LearnCityCore
import Vapor

/// The public portal's pages.
enum PortalController {
    @Sendable static func home(_ request: Request) async throws -> Response {
        let year = try YearParameter.read(request)
        let model = try await HomeIndex.query(
            year: year, now: Date(), timeZone: request.application.learnCity.config.timeZone,
            language: request.language, on: request.db)
        return HomeIndex.View(model: model, context: PageContext(request)).response()
    }
}

/// The optional `?year=` of pages and API calls: a four-digit year, or a clear error.
enum YearParameter {
    static func read(_ request: Request) throws -> Int? {
        guard let text = request.query[String.self, at: "year"], !text.isEmpty else { return nil }
        guard let year = BoundedNumber.integer(text, in: BoundedNumber.years) else {
            throw AppError(.invalidParameter, detail: "year=\(text)", field: "year")
        }
        return year
    }
}
