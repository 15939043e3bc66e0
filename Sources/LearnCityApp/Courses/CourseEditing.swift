import Fluent
import Foundation
import LearnCityCore
import Vapor

/// Providers manage their own courses, the city office all of them: create, edit, and the
/// participants list where staff enrol walk-ins and mark completion (which writes the records).
enum CourseEditing {
    struct Form: Content {
        var code: String?
        var title: String?
        var category: String?
        var kind: String?
        var mode: String?
        var provider: Int?
        var hours: String?
        var venue: String?
        var capacity: String?
        var startsOn: String?
        var endsOn: String?
        var schedule: String?
        var status: String?
        var featured: String?
        var teachers: String?
        var description: String?
    }

    /// A course the account may manage (its provider inside the scope), or "not found".
    static func managedCourse(_ request: Request) async throws -> Course {
        let course = try await CoursesController.course(request)
        let scope = try await request.accountScope()
        guard scope.includesOrganisation(path: course.providerPath, region: RegionCode(course.regionCode)) else { throw AppError(.notFound) }
        return course
    }

    @Sendable static func newForm(_ request: Request) async throws -> Response {
        try await form(request, form: Form(kind: RecordKind.community.rawValue, mode: Course.Mode.offline.rawValue, status: Course.Status.open.rawValue),
                       errors: [:], action: .courses)
    }

    @Sendable static func editForm(_ request: Request) async throws -> Response {
        let c = try await managedCourse(request)
        let form = Form(code: c.code, title: c.title, category: c.category, kind: c.kind.rawValue, mode: c.mode.rawValue, provider: c.providerID,
                        hours: NumberText.hours(c.hours), venue: c.venue, capacity: c.capacity.map(String.init), startsOn: c.startsOn,
                        endsOn: c.endsOn, schedule: c.schedule, status: c.status.rawValue, featured: c.featured ? "1" : nil,
                        teachers: c.teachers, description: c.details)
        return try await self.form(request, form: form, errors: [:], action: .course(try c.requireID()))
    }

    @Sendable static func create(_ request: Request) async throws -> Response {
        try await save(request, course: nil)
    }

    @Sendable static func update(_ request: Request) async throws -> Response {
        try await save(request, course: try await managedCourse(request))
    }

    private static func save(_ request: Request, course existing: Course?) async throws -> Response {
        let form = try request.content.decode(Form.self)
        let s = request.strings.courses
        let scope = try await request.accountScope()
        var errors: [String: String] = [:]
        func text(_ value: String?, max: Int = 200) -> String? {
            let trimmed = (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : String(trimmed.prefix(max))
        }
        let title = text(form.title), category = text(form.category, max: 40)
        if title == nil { errors["title"] = request.strings.fieldRequired }
        if category == nil { errors["category"] = request.strings.fieldRequired }
        let kind = form.kind.flatMap(RecordKind.init(rawValue:))
        if kind != .community && kind != .training { errors["kind"] = s.kindOnlyCourses }
        let mode = form.mode.flatMap(Course.Mode.init(rawValue:)), status = form.status.flatMap(Course.Status.init(rawValue:))
        if mode == nil { errors["mode"] = request.strings.fieldRequired }
        if status == nil { errors["status"] = request.strings.fieldRequired }
        let provider = try await form.provider.asyncMap { id in
            try await Organisation.query(on: request.db).visible(to: scope).filter(\.$id == id).first()
        } ?? nil
        if provider == nil { errors["provider"] = request.strings.fieldRequired }
        let hours = BoundedNumber.decimal(text(form.hours), in: 0...100_000)
        if hours == nil || !(0...1000).contains(hours ?? -1) { errors["hours"] = request.strings.records.hoursInvalid }
        var capacity: Int?
        if let value = text(form.capacity) {
            capacity = Int(value)
            if capacity == nil || capacity! < 1 { errors["capacity"] = s.invalidNumber }
        }
        for (key, value) in [("startsOn", form.startsOn), ("endsOn", form.endsOn)] {
            if let value = text(value), LocalDate.parse(value) == nil { errors[key] = s.invalidDate }
        }
        let code = text(form.code, max: 40) ?? existing?.code
        if let code, try await Course.query(on: request.db).filter(\.$code == code).filter(\.$id != existing?.id ?? -1).count() > 0 {
            errors["code"] = s.codeTaken
        }
        guard errors.isEmpty, let title, let category, let kind, let mode, let status, let provider, let hours else {
            return try await self.form(request, form: form, errors: errors, action: existing.map { .course($0.id ?? 0) } ?? .courses,
                                       status: .unprocessableEntity)
        }
        let course = existing ?? Course()
        (course.title, course.category, course.kind, course.mode, course.status) = (title, category, kind, mode, status)
        (course.providerID, course.providerPath, course.regionCode) = (try provider.requireID(), provider.path, provider.regionCode)
        (course.hours, course.capacity, course.featured) = (hours, capacity, form.featured != nil)
        (course.venue, course.schedule, course.teachers, course.details) = (text(form.venue), text(form.schedule, max: 500),
                                                                              text(form.teachers), text(form.description, max: 4000))
        course.startsOn = text(form.startsOn).flatMap(LocalDate.parse)?.iso
        course.endsOn = text(form.endsOn).flatMap(LocalDate.parse)?.iso
        let actor = Audit.Actor(request)
        try await request.db.transaction { db in
            course.code = code ?? "pending"
            try await course.save(on: db)
            if code == nil { course.code = "C\(try course.requireID())"; try await course.update(on: db) }
            try await Audit.record(existing == nil ? .create : .update, entity: "course", id: course.id.map(String.init),
                                   summary: "\(course.code) \(title)", by: actor, on: db)
        }
        return request.redirect(to: SiteURL.course(try course.requireID()).path)
    }

    private static func form(_ request: Request, form: Form, errors: [String: String], action: SiteURL,
                             status: HTTPResponseStatus = .ok) async throws -> Response {
        let scope = try await request.accountScope()
        let providers = try await Organisation.query(on: request.db).visible(to: scope).filter(\.$closedAt == nil).sort(\.$path).all()
        let model = CoursePages.Edit.Model(form: form, errors: errors, action: action,
                                           providers: providers.map { (String($0.id ?? 0), String(repeating: "　", count: $0.depth) + $0.name(request.language)) })
        return CoursePages.Edit.View(model: model, context: PageContext(request)).response(status: status)
    }

    // MARK: participants

    struct ParticipantsForm: Content {
        var action: String?
        var residentID: String?
        var enrolment: Int?
        /// The date completion records carry (empty: the course's end date).
        var completedOn: String?
    }

    @Sendable static func participants(_ request: Request) async throws -> Response {
        try await participantsPage(request, course: try await managedCourse(request), error: nil)
    }

    @Sendable static func changeParticipants(_ request: Request) async throws -> Response {
        let course = try await managedCourse(request)
        let form = try request.content.decode(ParticipantsForm.self)
        let actor = Audit.Actor(request)
        let today = request.today
        let enrolments = try await Enrolment.query(on: request.db).filter(\.$courseID == course.requireID()).all()
        switch form.action {
        case "enrol":
            let s = request.strings.courses
            // Someone of another area is answered like someone unknown: enrolling them would make
            // them visible here, and their completion would count in their county's figures.
            let scope = try await request.accountScope()
            guard let id = try? ResidentID(form.residentID ?? ""),
                  let person = try await PersonService.find(residentID: id, vault: request.vault, on: request.db),
                  person.mergedIntoID == nil, scope.mayRecord(forPersonIn: person.region) else {
                return try await participantsPage(request, course: course, error: s.unknownPerson, status: .unprocessableEntity)
            }
            if let problem = try await CourseService.enrol(personID: try person.requireID(), in: course, actor: actor, on: request.db) {
                return try await participantsPage(request, course: course, error: CourseService.message(problem, s), status: .conflict)
            }
        case "complete", "drop", "completeAll":
            let date: LocalDate
            switch CourseCompletionDate.resolve(form.completedOn, courseEnd: course.endsOn.flatMap(LocalDate.parse), today: today) {
            case .success(let resolved): date = resolved
            case .failure(let problem):
                let s = request.strings.courses
                return try await participantsPage(request, course: course, error: problem == .inFuture ? s.completionInFuture : s.invalidDate,
                                                  status: .unprocessableEntity)
            }
            if form.action == "completeAll" {
                for enrolment in enrolments where enrolment.status == .enrolled {
                    try await CourseService.complete(enrolment, course: course, on: date, actor: actor, on: request.db)
                }
            } else {
                guard let enrolment = enrolments.first(where: { $0.id == form.enrolment }) else { throw AppError(.notFound) }
                if form.action == "complete" { try await CourseService.complete(enrolment, course: course, on: date, actor: actor, on: request.db) }
                else { try await CourseService.drop(enrolment, actor: actor, on: request.db) }
            }
        default: throw AppError(.badRequest)
        }
        return request.redirect(to: SiteURL.courseParticipants(try course.requireID()).path)
    }

    private static func participantsPage(_ request: Request, course: Course, error: String?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let enrolments = try await Enrolment.query(on: request.db).filter(\.$courseID == course.requireID()).sort(\.$id).all()
        let people = try await Person.query(on: request.db).filter(\.$id ~~ enrolments.map(\.personID)).all()
        let s = request.strings.courses
        let rows = enrolments.map { enrolment in
            let person = people.first { $0.id == enrolment.personID }
            return CoursePages.Participants.Row(id: enrolment.id ?? 0, personID: enrolment.personID, name: person?.name ?? "—",
                                                 residentID: person?.residentIDMasked ?? "—", status: enrolment.status,
                                                 statusName: s.enrolmentNames[enrolment.status] ?? enrolment.status.rawValue)
        }
        let completion = CourseCompletionDate.suggested(courseEnd: course.endsOn.flatMap(LocalDate.parse), today: request.today)
        let model = CoursePages.Participants.Model(courseID: try course.requireID(), title: course.title, rows: rows, error: error,
                                                   completionDate: completion.iso, today: request.today.iso)
        return CoursePages.Participants.View(model: model, context: PageContext(request)).response(status: status)
    }

    // MARK: experts

    /// Links an expert of the municipal database to the course as lecturer or reviewer (三(二)).
    @Sendable static func linkExpert(_ request: Request) async throws -> Response {
        let course = try await managedCourse(request)
        guard let expertID = request.formInteger("expert", in: BoundedNumber.ids),
              let expert = try await Expert.find(expertID, on: request.db) else { throw AppError(.invalidParameter, field: "expert") }
        let role = (try? request.content.get(String.self, at: "role")) == "reviewer" ? "reviewer" : "lecturer"
        let courseID = try course.requireID()
        let actor = Audit.Actor(request)
        try await request.db.transaction { db in
            guard try await CourseExpert.query(on: db).filter(\.$courseID == courseID).filter(\.$expertID == expertID)
                .filter(\.$role == role).count() == 0 else { return }
            let link = CourseExpert()
            (link.courseID, link.expertID, link.role) = (courseID, try expert.requireID(), role)
            try await link.create(on: db)
            try await Audit.record(.update, entity: "course", id: String(courseID), summary: "expert \(expertID) as \(role)", by: actor, on: db)
        }
        return request.redirect(to: SiteURL.course(courseID).path)
    }
}
