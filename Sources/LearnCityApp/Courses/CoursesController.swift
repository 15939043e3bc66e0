import Fluent
import Foundation
import LearnCityCore
import Vapor

/// The public course catalogue (mobile first) and enrolling in it: anyone browses; a citizen
/// whose identity a centre has confirmed enrols and withdraws.
enum CoursesController {
    static let pageSize = 20

    @Sendable static func list(_ request: Request) async throws -> Response {
        let filters = CoursePages.Filters(
            q: (request.query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespaces),
            region: request.query[String.self, at: "region"].flatMap(RegionCode.init)?.rawValue,
            category: request.query[String.self, at: "category"].flatMap { $0.isEmpty ? nil : $0 },
            featured: request.query[String.self, at: "featured"] != nil,
            page: request.pageNumber)
        var query = Course.query(on: request.db)
        if !filters.q.isEmpty { query = query.filter(\.$title ~~ filters.q) }
        if let region = filters.region.flatMap(RegionCode.init) { query = query.filter(\.$regionCode =~ region.subtreePrefix) }
        if let category = filters.category { query = query.filter(\.$category == category) }
        if filters.featured { query = query.filter(\.$featured == true) }
        let total = try await query.count()
        let courses = try await query.sort(\.$status).sort(\.$featured, .descending).sort(\.$startsOn, .descending).sort(\.$id, .descending)
            .range(((filters.page - 1) * pageSize)..<(filters.page * pageSize)).all()
        let regions = try await Region.query(on: request.db).filter(\.$level == 3).sort(\.$id).all()
        let model = CoursePages.List.Model(
            filters: filters, total: total, pageSize: pageSize, cards: try await cards(courses, request),
            regions: regions.map { ($0.id ?? "", $0.name(request.language)) },
            canCreate: request.auth.get(User.self)?.roles.allows(.manageRecords) ?? false)
        return CoursePages.List.View(model: model, context: PageContext(request)).response()
    }

    static func cards(_ courses: [Course], _ request: Request) async throws -> [CoursePages.Card] {
        let providers = try await Organisation.query(on: request.db).filter(\.$id ~~ Array(Set(courses.map(\.providerID)))).all()
        let regions = try await Region.query(on: request.db).filter(\.$id ~~ Array(Set(courses.map(\.regionCode)))).all()
        let taken = try await takenPlaces(courses.compactMap(\.id), on: request.db)
        let s = request.strings.courses
        return courses.map { course in
            CoursePages.Card(
                id: course.id ?? 0, title: course.title, category: course.category, featured: course.featured,
                provider: providers.first { $0.id == course.providerID }?.name(request.language) ?? "—",
                region: regions.first { $0.id == course.regionCode }?.name(request.language) ?? course.regionCode,
                dates: [course.startsOn, course.endsOn].compactMap { $0 }.joined(separator: " – "),
                hours: NumberText.hours(course.hours), mode: s.modeNames[course.mode] ?? course.mode.rawValue,
                status: s.statusNames[course.status] ?? course.status.rawValue,
                seatsLeft: EnrolmentRule.seatsLeft(capacity: course.capacity, taken: taken[course.id ?? 0] ?? 0))
        }
    }

    /// Places held (enrolled or completed) per course.
    static func takenPlaces(_ ids: [Int], on db: any Database) async throws -> [Int: Int] {
        guard !ids.isEmpty else { return [:] }
        let held = try await Enrolment.query(on: db).filter(\.$courseID ~~ ids).filter(\.$status != .dropped).all()
        return Dictionary(grouping: held, by: \.courseID).mapValues(\.count)
    }

    static func course(_ request: Request) async throws -> Course {
        guard let course = try await Course.find(request.intID(), on: request.db) else { throw AppError(.notFound) }
        return course
    }

    @Sendable static func detail(_ request: Request) async throws -> Response {
        try await detailPage(request, course: try await course(request), message: nil)
    }

    static func detailPage(_ request: Request, course: Course, message: String?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = request.auth.get(User.self)
        let card = try await cards([course], request)[0]
        var enrolment: Enrolment?
        if let personID = user?.personID {
            enrolment = try await Enrolment.query(on: request.db).filter(\.$courseID == course.requireID()).filter(\.$personID == personID).first()
        }
        let links = try await CourseExpert.query(on: request.db).filter(\.$courseID == course.requireID()).all()
        let experts = try await Expert.query(on: request.db).filter(\.$id ~~ links.map(\.expertID)).all()
        let s = request.strings.courses
        let scope = user == nil ? AccountScope.nothing : try await request.accountScope()
        let canManage = (user?.roles.allows(.manageRecords) ?? false)
            && scope.includesOrganisation(path: course.providerPath, region: RegionCode(course.regionCode))
        let finished = try await OnlineCourses.finished(enrolment: enrolment, on: request.db)
        let items = try await OnlineCourses.items(of: try course.requireID(), on: request.db).map { item, resource in
            CoursePages.Detail.Item(id: item.id ?? 0, resourceID: resource.id ?? 0, title: resource.title,
                                    kind: request.strings.library.kindNames[resource.kind] ?? "", done: finished.contains(item.id ?? 0))
        }
        let expertOptions = canManage ? try await Expert.query(on: request.db).sort(\.$name).limit(500).all()
            .map { (String($0.id ?? 0), $0.name) } : []
        let library = canManage ? try await LearningResource.query(on: request.db).sort(\.$id, .descending).limit(200).all()
            .map { (String($0.id ?? 0), $0.title) } : []
        let model = CoursePages.Detail.Model(
            card: card, course: course, signedIn: user != nil, citizen: user?.isCitizen ?? true, linked: user?.personID != nil,
            enrolment: enrolment?.status, message: message, canManage: canManage, items: items, library: library,
            expertOptions: expertOptions,
            experts: links.compactMap { link in
                experts.first { $0.id == link.expertID }.map { "\($0.name)（\(link.role == "reviewer" ? s.reviewer : s.lecturer)）" }
            })
        return CoursePages.Detail.View(model: model, context: PageContext(request)).response(status: status)
    }

    /// A citizen enrols themself; the same rules as staff enrolment.
    @Sendable static func enrol(_ request: Request) async throws -> Response {
        let course = try await course(request)
        let user = try request.requireUser()
        guard let personID = user.personID else {
            return try await detailPage(request, course: course, message: request.strings.courses.linkFirst, status: .forbidden)
        }
        if let problem = try await CourseService.enrol(personID: personID, in: course, actor: Audit.Actor(request), on: request.db) {
            return try await detailPage(request, course: course, message: CourseService.message(problem, request.strings.courses), status: .conflict)
        }
        return request.redirect(to: SiteURL.course(try course.requireID()).path)
    }

    @Sendable static func withdraw(_ request: Request) async throws -> Response {
        let course = try await course(request)
        let user = try request.requireUser()
        if let personID = user.personID,
           let enrolment = try await Enrolment.query(on: request.db).filter(\.$courseID == course.requireID())
               .filter(\.$personID == personID).filter(\.$status == .enrolled).first() {
            try await CourseService.drop(enrolment, actor: Audit.Actor(request), on: request.db)
        }
        return request.redirect(to: SiteURL.course(try course.requireID()).path)
    }
}

/// Enrolment and completion, shared by citizens' and staff pages.
enum CourseService {
    static func enrol(personID: Int, in course: Course, actor: Audit.Actor, on database: any Database) async throws -> EnrolmentRule.Problem? {
        let courseID = try course.requireID()
        return try await database.transaction { db in
            let existing = try await Enrolment.query(on: db).filter(\.$courseID == courseID).filter(\.$personID == personID).first()
            let taken = try await Enrolment.query(on: db).filter(\.$courseID == courseID).filter(\.$status != .dropped).count()
            if let problem = EnrolmentRule.check(open: course.status == .open, capacity: course.capacity, taken: taken,
                                                 alreadyEnrolled: existing.map { $0.status != .dropped } ?? false) { return problem }
            let enrolment = existing ?? Enrolment()
            enrolment.courseID = courseID
            enrolment.personID = personID
            enrolment.status = .enrolled
            try await enrolment.save(on: db)
            try await Audit.record(.create, entity: "enrolment", id: enrolment.id.map(String.init),
                                   summary: "person \(personID) enrolled in course \(courseID)", by: actor, on: db)
            return nil
        }
    }

    static func drop(_ enrolment: Enrolment, actor: Audit.Actor, on database: any Database) async throws {
        guard enrolment.status == .enrolled else { return }
        try await database.transaction { db in
            enrolment.status = .dropped
            try await enrolment.update(on: db)
            try await Audit.record(.update, entity: "enrolment", id: enrolment.id.map(String.init), summary: "dropped", by: actor, on: db)
        }
    }

    /// Completion writes the course's record once (the enrolment is the record's source id).
    static func complete(_ enrolment: Enrolment, course: Course, on date: LocalDate, source: LearningRecord.Source = .enrolment,
                         actor: Audit.Actor, on database: any Database) async throws {
        guard enrolment.status == .enrolled, let person = try await Person.find(enrolment.personID, on: database) else { return }
        let provider = try await Organisation.find(course.providerID, on: database)
        try await database.transaction { db in
            let input = RecordService.Input(kind: course.kind, status: .completed, date: date, hours: course.hours, provider: provider,
                                            courseID: course.id, courseTitle: course.title)
            let record = try await RecordService.create(input, person: person, source: source, namespace: source.rawValue,
                                                        sourceID: String(try enrolment.requireID()), actor: actor, on: db)
            enrolment.status = .completed
            enrolment.recordID = record.id
            try await enrolment.update(on: db)
        }
    }

    static func message(_ problem: EnrolmentRule.Problem, _ strings: CourseStrings) -> String {
        switch problem {
        case .notOpen: strings.notOpen
        case .full: strings.full
        case .alreadyEnrolled: strings.alreadyEnrolled
        }
    }
}
