import LearnCityCore
import Vapor

/// `GET /api/v1/people?q=&page=` and `GET /api/v1/people/{id}`: the scoped registry, masked.
enum PeopleAPI {
    struct PersonDTO: Content, APISchema {
        var id: Int
        var name: String
        var residentId: String
        var phone: String?
        var gender: String
        var birthDate: String
        var region: String

        static let schemaName = "Person"
        static var schema: JSONValue {
            Schema.object([
                ("id", Schema.integer), ("name", Schema.string()),
                ("residentId", Schema.string("Masked: area code and last four characters")),
                ("phone", Schema.nullable("string")), ("gender", Schema.string(enum: ["male", "female"])),
                ("birthDate", Schema.string()), ("region", Schema.string("GB/T 2260 code of where the person lives")),
            ], required: ["id", "name", "residentId", "gender", "birthDate", "region"])
        }

        init(_ person: Person) {
            id = person.id ?? 0
            name = person.name
            residentId = person.residentIDMasked
            phone = person.phoneMasked
            gender = person.gender
            birthDate = person.birthDate
            region = person.regionCode
        }
    }

    static let listDoc = APIDoc(
        operationID: "listPeople", summary: "People in the caller's scope (numbers masked)", tag: "people",
        parameters: [
            .init(name: "q", description: "A name, or a whole resident ID number", required: false, schema: Schema.string()),
            .init(name: "page", description: "Page (100 per page)", required: false, schema: Schema.integer),
        ],
        response: PersonDTO.self, isList: true)
    static let detailDoc = APIDoc(operationID: "getPerson", summary: "One person in the caller's scope", tag: "people",
                                  response: PersonDTO.self, problems: [.notFound])

    @Sendable static func list(_ request: Request) async throws -> Response {
        let page = request.pageNumber
        let (people, _) = try await PeopleController.search(request, text: request.query[String.self, at: "q"], page: page, size: 100)
        return try await people.map(PersonDTO.init).encodeResponse(for: request)
    }

    @Sendable static func detail(_ request: Request) async throws -> Response {
        try await PersonDTO(PeopleController.visiblePerson(request)).encodeResponse(for: request)
    }
}
