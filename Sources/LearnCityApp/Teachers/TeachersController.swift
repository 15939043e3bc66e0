import Fluent
import Foundation
import LearnCityCore
import Vapor

/// The teaching corps within the account's scope: list with totals per county and centre,
/// add teachers and volunteers, log their service (hours, money, equipment), export.
enum TeachersController {
    struct Form: Content {
        var name, kind, subjects, phone, director, doubleReporting: String?
        var organisation: Int?
    }

    struct ServiceForm: Content {
        var date, contribution, note: String?
        var hours, amount: Double?
    }

    /// Teachers of organisations the account can see, with those organisations.
    static func visible(_ request: Request) async throws -> ([Teacher], [Int: Organisation]) {
        let organisations = try await Organisation.query(on: request.db).visible(to: request.accountScope()).all()
        let byID = Dictionary(uniqueKeysWithValues: organisations.compactMap { org in org.id.map { ($0, org) } })
        var query = Teacher.query(on: request.db).filter(\.$organisationID ~~ Array(byID.keys))
        if let kind = request.query[String.self, at: "kind"].flatMap(Teacher.Kind.init(rawValue:)) { query = query.filter(\.$kind == kind) }
        if let q = request.query[String.self, at: "q"], !q.isEmpty { query = query.filter(\.$name ~~ q) }
        return (try await query.sort(\.$name).all(), byID)
    }

    static func visibleTeacher(_ request: Request) async throws -> Teacher {
        guard let teacher = try await Teacher.find(request.intID(), on: request.db),
              try await Organisation.query(on: request.db).visible(to: request.accountScope())
                .filter(\.$id == teacher.organisationID).count() == 1 else { throw AppError(.notFound) }
        return teacher
    }

    @Sendable static func list(_ request: Request) async throws -> Response {
        let (teachers, organisations) = try await visible(request)
        let regions = Dictionary(uniqueKeysWithValues: try await Region.query(on: request.db).all().map { ($0.id ?? "", $0.name(request.language)) })
        let entries = try await ServiceEntry.query(on: request.db).filter(\.$teacherID ~~ teachers.compactMap(\.id)).all()
        let byTeacher = Dictionary(grouping: entries, by: \.teacherID)
        func totals(_ key: (Teacher) -> String) -> [TeachersPage.Total] {
            Dictionary(grouping: teachers, by: key).map { name, group in
                let service = group.flatMap { byTeacher[$0.id ?? 0] ?? [] }
                return TeachersPage.Total(name: name, fullTime: group.filter { $0.kind == .fullTime }.count,
                                          partTime: group.filter { $0.kind == .partTime }.count,
                                          volunteers: group.filter { $0.kind == .volunteer }.count,
                                          hours: service.reduce(0) { $0 + $1.hours },
                                          money: service.filter { $0.contribution == .money }.reduce(0) { $0 + $1.amount },
                                          equipment: service.filter { $0.contribution == .equipment }.reduce(0) { $0 + $1.amount })
            }.sorted { $0.name < $1.name }
        }
        let orgName = { (t: Teacher) in organisations[t.organisationID]?.name(request.language) ?? "—" }
        let model = TeachersPage.List.Model(
            rows: teachers.map { row($0, organisation: orgName($0), request) },
            byCounty: totals { regions[organisations[$0.organisationID]?.regionCode ?? ""] ?? "—" },
            byCentre: totals(orgName),
            canManage: try request.requireUser().roles.allows(.manageTeachers))
        return TeachersPage.List(model: model, context: PageContext(request)).response()
    }

    @Sendable static func export(_ request: Request) async throws -> Response {
        let (teachers, organisations) = try await visible(request)
        let s = request.strings.teachers
        return try await TableExport.response(request, name: "teachers",
            header: [s.name, s.kind, s.organisation, s.subjects, s.director, s.doubleReporting, s.phone],
            rows: teachers.map { t in
                let r = row(t, organisation: organisations[t.organisationID]?.name(request.language) ?? "", request)
                return [r.name, r.kind, r.organisation, r.subjects, r.director ? "✓" : "", r.doubleReporting ? "✓" : "", r.phone]
            }, entity: "teacher")
    }

    static func row(_ t: Teacher, organisation: String, _ request: Request) -> TeachersPage.Row {
        TeachersPage.Row(id: t.id ?? 0, name: t.name, kind: request.strings.teachers.kindName(t.kind), organisation: organisation,
                         subjects: t.subjects, director: t.isDirector, doubleReporting: t.doubleReporting, phone: t.phoneMasked ?? "—")
    }

    @Sendable static func newForm(_ request: Request) async throws -> Response {
        try await form(request, model: .init())
    }

    @Sendable static func create(_ request: Request) async throws -> Response {
        let form = try request.content.decode(Form.self)
        var errors: [String: String] = [:]
        let name = (form.name ?? "").trimmingCharacters(in: .whitespaces)
        if name.isEmpty { errors["name"] = request.strings.fieldRequired }
        let kind = form.kind.flatMap(Teacher.Kind.init(rawValue:))
        if kind == nil { errors["kind"] = request.strings.fieldRequired }
        let organisation = try await form.organisation.asyncMap { id in
            try await Organisation.query(on: request.db).visible(to: request.accountScope()).filter(\.$id == id).first()
        } ?? nil
        if organisation == nil { errors["organisation"] = request.strings.fieldRequired }
        var phone: MobileNumber?
        if let text = form.phone, !text.trimmingCharacters(in: .whitespaces).isEmpty {
            phone = MobileNumber(text)
            if phone == nil { errors["phone"] = request.strings.accounts.invalidPhone }
        }
        guard errors.isEmpty, let kind, let organisation else {
            return try await self.form(request, model: .init(form: form, errors: errors), status: .unprocessableEntity)
        }
        let teacher = Teacher()
        teacher.name = name
        teacher.kind = kind
        teacher.organisationID = try organisation.requireID()
        teacher.subjects = (form.subjects ?? "").trimmingCharacters(in: .whitespaces)
        teacher.isDirector = form.director != nil
        teacher.doubleReporting = form.doubleReporting != nil
        teacher.phoneCipher = try phone.map { try request.vault.seal($0.value) }
        teacher.phoneMasked = phone?.masked
        try await request.db.transaction { db in
            try await teacher.create(on: db)
            try await Audit.record(.create, entity: "teacher", id: teacher.id.map(String.init),
                                   summary: "\(name); \(kind.rawValue); organisation \(organisation.code)", by: Audit.Actor(request), on: db)
        }
        return request.redirect(to: SiteURL.teacher(teacher.id ?? 0).path)
    }

    @Sendable static func detail(_ request: Request) async throws -> Response {
        try await detailPage(request, teacher: visibleTeacher(request), errors: [:])
    }

    @Sendable static func addService(_ request: Request) async throws -> Response {
        let teacher = try await visibleTeacher(request)
        let form = try request.content.decode(ServiceForm.self)
        var errors: [String: String] = [:]
        let date = (form.date ?? "").trimmingCharacters(in: .whitespaces)
        if AuditController.day(date, .gmt) == nil { errors["date"] = request.strings.teachers.invalidDate }
        let contribution = form.contribution.flatMap(ServiceEntry.Contribution.init(rawValue:))
        if contribution == nil { errors["contribution"] = request.strings.fieldRequired }
        let hours = form.hours ?? 0, amount = form.amount ?? 0
        if !(0...1000).contains(hours) { errors["hours"] = request.strings.teachers.invalidNumber }
        if !(0...10_000_000).contains(amount) { errors["amount"] = request.strings.teachers.invalidNumber }
        guard errors.isEmpty, let contribution else { return try await detailPage(request, teacher: teacher, errors: errors, status: .unprocessableEntity) }
        let entry = ServiceEntry()
        entry.teacherID = try teacher.requireID()
        entry.date = date
        entry.contribution = contribution
        entry.hours = hours
        entry.amount = amount
        entry.note = String((form.note ?? "").prefix(500))
        try await request.db.transaction { db in
            try await entry.create(on: db)
            try await Audit.record(.create, entity: "service_entry", id: entry.id.map(String.init),
                                   summary: "teacher \(teacher.id ?? 0); \(contribution.rawValue); hours \(hours); amount \(amount)", by: Audit.Actor(request), on: db)
        }
        return request.redirect(to: SiteURL.teacher(teacher.id ?? 0).path)
    }

    private static func detailPage(_ request: Request, teacher: Teacher, errors: [String: String], status: HTTPResponseStatus = .ok) async throws -> Response {
        let organisation = try await Organisation.find(teacher.organisationID, on: request.db)
        let entries = try await ServiceEntry.query(on: request.db).filter(\.$teacherID == teacher.id ?? 0).sort(\.$date, .descending).all()
        let model = TeachersPage.Detail.Model(
            row: row(teacher, organisation: organisation?.name(request.language) ?? "—", request),
            entries: entries.map { .init(date: $0.date, contribution: request.strings.teachers.contributionName($0.contribution),
                                         hours: $0.hours, amount: $0.amount, note: $0.note) },
            canManage: try request.requireUser().roles.allows(.manageTeachers), errors: errors)
        return TeachersPage.Detail(model: model, context: PageContext(request)).response(status: status)
    }

    private static func form(_ request: Request, model: TeachersPage.New.Model, status: HTTPResponseStatus = .ok) async throws -> Response {
        var model = model
        model.organisations = try await Organisation.query(on: request.db).visible(to: request.accountScope()).filter(\.$closedAt == nil)
            .sort(\.$path).all().map { ($0.id ?? 0, String(repeating: "　", count: $0.depth) + $0.name(request.language)) }
        return TeachersPage.New(model: model, context: PageContext(request)).response(status: status)
    }
}
