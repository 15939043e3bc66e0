import LearnCityCore
import Vapor

extension Request {
    /// A number from the query string, within `range`, or nil (absent, malformed or out of
    /// range). Never decode `Int.self` from a request directly: see `BoundedNumber`.
    func queryInteger(_ name: String, in range: ClosedRange<Int>) -> Int? {
        BoundedNumber.integer(query[String.self, at: name], in: range)
    }

    /// The `page` parameter: 1 when absent or out of range.
    var pageNumber: Int { queryInteger("page", in: BoundedNumber.pages) ?? 1 }

    /// A number from the form body, within `range`, or nil.
    func formInteger(_ name: String, in range: ClosedRange<Int>) -> Int? {
        BoundedNumber.integer(try? content.get(String.self, at: name), in: range)
    }
}
