import Crypto
import Fluent
import Foundation
import LearnCityCore
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import LearnCityApp

/// The access matrix, derived from the route registry: every route with an access rule is
/// called by every role, with ids inside and outside the caller's scope. A route added without
/// a rule cannot exist (the registry requires one), and a new route is in the matrix at once.
@Suite("Access matrix")
struct AccessTests {
    @Test("Anonymous callers: 401 for the API, the sign-in page for pages")
    func anonymousIsRefused() async throws {
        try await withLearnCity { app in
            var browser = Browser(app: app)
            try await browser.send(.GET, "/signin")
            let token = browser.cookies[CSRF.cookieName]!
            for endpoint in app.learnCity.registry.endpoints where endpoint.access != .anyone {
                let path = endpoint.url.pattern.replacingOccurrences(of: ":id", with: "1")
                let res = try await browser.send(endpoint.method, path, form: endpoint.method == .POST ? [("_csrf", token)] : nil)
                if path.hasPrefix("/api/") {
                    #expect(res.status == .unauthorized, "\(endpoint.method) \(path)")
                    #expect(res.text.contains(#""code":"unauthorized""#))
                } else {
                    #expect(res.status == .seeOther, "\(endpoint.method) \(path)")
                    #expect(res.headers.first(name: .location)?.hasPrefix("/signin") == true)
                }
            }
        }
    }

    @Test("Every role against every route, with ids inside and outside its scope")
    func matrix() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            for role in Role.allCases {
                let caller = world.callers[role]!
                for endpoint in app.learnCity.registry.endpoints where endpoint.access != .anyone {
                    let allowed: Bool = switch endpoint.access {
                    case .anyone, .signedIn: true
                    case .permission(let permission): role.permissions.contains(permission)
                    }
                    let ids: [(String, Bool)] = endpoint.scoped.map { world.ids(for: $0, caller: role) } ?? [("", true)]
                    for (id, inside) in ids {
                        let path = endpoint.url.pattern.replacingOccurrences(of: ":id", with: id)
                        var headers = HTTPHeaders()
                        headers.bearerAuthorization = BearerAuthorization(token: caller)
                        var status = HTTPResponseStatus.ok
                        try await app.testing().test(endpoint.method, path, headers: headers,
                                                     body: endpoint.method == .POST ? ByteBuffer(string: "") : nil) { status = $0.status }
                        let label = "\(role) \(endpoint.method) \(path)"
                        if allowed && inside {
                            #expect(status != .notFound && status.code < 500, "\(label) → \(status.code)")
                        } else {
                            #expect(status == .notFound, "\(label) → \(status.code), expected 404")
                        }
                    }
                }
            }
            // Nothing of 渠县 changed through all of that.
            let qu = try #require(try await Person.find(world.quPerson, on: app.db))
            #expect(qu.name == "渠县人")
            let quOrg = try #require(try await Organisation.find(world.quOrganisation, on: app.db))
            #expect(quOrg.nameZh == "渠县继续教育学院")
        }
    }

    @Test("A county admin of 宣汉县 finds no one of 渠县 by search, by ID number or by export")
    func searchAndExport() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: world.callers[.countyAdmin]!)
            // An ID search lands on `/people?idh=` with the ID's keyed hash (the form posts the ID).
            let idh = { (id: String) in "idh=" + app.learnCity.vault.hash(id, .residentID) }
            for path in ["/people?q=%E6%B8%A0%E5%8E%BF%E4%BA%BA", "/people?\(idh(ScopeFixture.quID))",
                         "/people/export.csv",
                         "/api/v1/people?q=\(ScopeFixture.quID)", "/api/v1/people", "/organisations"] {
                try await app.testing().test(.GET, path, headers: headers) { res in
                    #expect(res.status == .ok, "\(path)")
                    #expect(!res.text.contains("511725********0026") && !res.text.contains("/people/\(world.quPerson)\""), "\(path)")
                    #expect(!res.text.contains(#""id":\#(world.quPerson),"#) && !res.text.contains("渠县继续教育学院"), "\(path)")
                }
            }
            try await app.testing().test(.GET, "/people?\(idh(ScopeFixture.xuanhanID))", headers: headers) { res in
                #expect(res.text.contains("宣汉人"))
            }
        }
    }
}

/// People, accounts and tokens in two counties, for access tests.
struct ScopeFixture {
    static let xuanhanID = "511722199001011237", quID = "511725198506150026"
    var callers: [Role: String] = [:]
    var xuanhanPerson = 0, quPerson = 0
    var xuanhanOrganisation = 0, quOrganisation = 0
    var ownToken: [Role: Int] = [:], foreignToken = 0
    var homes: [Role: Int] = [:]
    var ownImport: [Role: Int] = [:], foreignImport = 0
    var xuanhanTeacher = 0, quTeacher = 0
    var xuanhanRecord = 0, quRecord = 0
    var xuanhanCourse = 0, quCourse = 0
    var xuanhanReturn = 0, quReturn = 0
    var planItem = 0
    var ownReceipt: [Role: Int] = [:], foreignReceipt = 0
    var ownSubmission: [Role: Int] = [:], foreignSubmission = 0
    var openAttachment = 0, foreignAttachment = 0
    /// The first row of each governance table a route addresses with `.row(table)`.
    var rows: [String: Int] = [:]
    var xuanhanAccount = UUID(), quAccount = UUID()

    /// (id, inside the caller's scope) pairs to try for a scoped route.
    func ids(for resource: ScopedResource, caller role: Role) -> [(String, Bool)] {
        let everything = role.seesEverything
        // Departments, schools and citizens are not geographic: no person of a county is theirs.
        let geographic = everything || [.countyAdmin, .centreAdmin, .teacher].contains(role)
        switch resource {
        case .person: return [(String(xuanhanPerson), geographic), (String(quPerson), everything)]
        case .organisation:
            return [(String(homes[role] ?? xuanhanOrganisation), homes[role] != nil), (String(quOrganisation), everything)]
        case .token: return [(String(ownToken[role] ?? 0), true), (String(foreignToken), false)]
        case .account: return [(xuanhanAccount.uuidString, true), (quAccount.uuidString, everything)]
        case .importRun: return [(String(ownImport[role] ?? 0), true), (String(foreignImport), everything)]
        // Jobs live in memory and belong to whoever started them: a stranger's id is unknown.
        case .importJob: return [(UUID().uuidString, false)]
        case .teacher: return [(String(xuanhanTeacher), geographic), (String(quTeacher), everything)]
        // 宣汉's record was given by DC-04 (the centre admin's and teacher's home) to a 宣汉 resident.
        case .record: return [(String(xuanhanRecord), geographic), (String(quRecord), everything)]
        case .course: return [(String(xuanhanCourse), geographic), (String(quCourse), everything)]
        case .catalogueCourse: return [(String(xuanhanCourse), true), (String(quCourse), true)]
        case .publishedReturn: return [(String(xuanhanReturn), geographic), (String(quReturn), everything)]
        case .planItem: return [(String(planItem), true)]
        case .noticeReceipt: return [(String(ownReceipt[role] ?? 0), ownReceipt[role] != nil), (String(foreignReceipt), false)]
        case .reportSubmission:
            return [(String(ownSubmission[role] ?? foreignSubmission), ownSubmission[role] != nil || everything), (String(foreignSubmission), everything)]
        // A file on a plan item is for every staff account; one on another unit's report is not.
        case .attachment: return [(String(openAttachment), true), (String(foreignAttachment), everything)]
        case .row(let table): return [(String(rows[table] ?? 0), true)]
        }
    }

    static func build(_ app: Application) async throws -> ScopeFixture {
        var world = ScopeFixture()
        let actor = Audit.Actor.commandLine
        func person(_ name: String, _ id: String, _ region: String) async throws -> Int {
            let input = PersonService.Input(name: name, residentID: id, phone: "13812345678", gender: nil, region: region)
            return try await PersonService.create(input, id: try ResidentID(id), phone: MobileNumber("13812345678"),
                                                  region: RegionCode(region)!, vault: app.learnCity.vault, actor: actor, on: app.db).id!
        }
        world.xuanhanPerson = try await person("宣汉人", xuanhanID, "511722")
        world.quPerson = try await person("渠县人", quID, "511725")
        func org(_ code: String) async throws -> Organisation {
            try #require(try await Organisation.query(on: app.db).filter(\.$code == code).first())
        }
        world.xuanhanOrganisation = try await org("CEC-511722").id!
        world.quOrganisation = try await org("CEC-511725").id!
        func record(_ personID: Int, _ provider: String) async throws -> Int {
            let person = try #require(try await Person.find(personID, on: app.db))
            let input = RecordService.Input(kind: .community, status: .completed, date: LocalDate(year: 2014, month: 7, day: 1), hours: 2,
                                            provider: try await org(provider), courseTitle: "法律常识")
            return try await RecordService.create(input, person: person, source: .manual, namespace: "fixture", sourceID: provider,
                                                  actor: actor, on: app.db).requireID()
        }
        func course(_ provider: String, capacity: Int?) async throws -> Int {
            let org = try await org(provider), course = Course()
            (course.code, course.title, course.category, course.kind, course.mode) = ("C-\(provider)", "健康坝坝舞 \(provider)", "健康坝坝舞", .community, .offline)
            (course.providerID, course.providerPath, course.regionCode, course.hours) = (org.id!, org.path, org.regionCode, 6)
            (course.capacity, course.status, course.featured) = (capacity, .open, provider == "DC-04")
            try await course.create(on: app.db)
            return course.id!
        }
        world.xuanhanCourse = try await course("DC-04", capacity: 1)
        world.quCourse = try await course("CEC-511725", capacity: nil)
        for (region, isXuanhan) in [("511722", true), ("511725", false)] {
            let snapshot = PublishedReturn()
            (snapshot.year, snapshot.regionCode, snapshot.dataAsOf, snapshot.publishedBy) = (2014, region, Date(), "fixture")
            snapshot.content = String(decoding: try JSONEncoder().encode(AnnualReturnData.Content(
                byDepartment: [], byIndustry: [], total: AnnualReturn.Row(label: "合计"))), as: UTF8.self)
            try await snapshot.create(on: app.db)
            if isXuanhan { world.xuanhanReturn = snapshot.id! } else { world.quReturn = snapshot.id! }
        }
        world.planItem = try #require(try await PlanItem.query(on: app.db).sort(\.$id).first()?.id)
        world.xuanhanRecord = try await record(world.xuanhanPerson, "DC-04")
        world.quRecord = try await record(world.quPerson, "CEC-511725")
        // Where each role's test account works: 宣汉县 bodies for the geographic roles.
        let homes: [Role: String?] = [
            .systemAdmin: "LGO", .cityOffice: "LGO", .countyAdmin: "CL-511722", .centreAdmin: "DC-04",
            .memberUnitReporter: "MU-EDU", .providerStaff: "SCH-SASU", .teacher: "DC-04", .expertReviewer: "MU-EDU",
            .financeOfficer: "MU-FIN", .learner: nil,
        ]
        for role in Role.allCases {
            let home = try await homes[role]!.asyncMap { try await org($0).id }
            let (user, _) = try await AccountService.createStaff(
                username: "t-\(role.rawValue)", displayName: role.rawValue, roles: [role], organisationID: home ?? nil,
                password: "password-123", hasher: app.password.sync, actor: actor, on: app.db)
            user.mustChangePassword = false
            if role == .learner { user.residentIDHash = app.learnCity.vault.hash(xuanhanID, .residentID) }
            try await user.update(on: app.db)
            world.homes[role] = home ?? nil
            // One token to call with, and a spare of its own for the revoke route.
            let (secret, _) = try await token(for: user, on: app.db)
            world.callers[role] = secret
            world.ownToken[role] = try await token(for: user, on: app.db).id
            world.ownImport[role] = try await importRun(by: user, on: app.db)
        }
        // Another account in 宣汉县 and one in 渠县 (password resets), and someone else's token.
        world.xuanhanAccount = try await AccountService.createStaff(
            username: "xh-staff", displayName: "宣汉职员", roles: [.centreAdmin],
            organisationID: try await org("DC-04").id, password: nil, hasher: app.password.sync, actor: actor, on: app.db).0.id!
        let (quAdmin, _) = try await AccountService.createStaff(
            username: "qu-admin", displayName: "渠县管理员", roles: [.countyAdmin],
            organisationID: try await org("CL-511725").id, password: nil, hasher: app.password.sync, actor: actor, on: app.db)
        world.quAccount = quAdmin.id!
        world.foreignToken = try await token(for: quAdmin, on: app.db).id
        world.foreignImport = try await importRun(by: quAdmin, on: app.db)
        // One notice to every unit that has a test account, and to 渠县's leadership.
        let notice = Notice()
        (notice.number, notice.title, notice.body, notice.issuedBy) = ("测试〔2014〕1号", "测试通知", "", "fixture")
        try await notice.create(on: app.db)
        var receipts: [Int: Int] = [:]
        for orgID in Set(world.homes.values) + [try await org("CL-511725").id!] {
            let receipt = NoticeReceipt()
            (receipt.noticeID, receipt.organisationID) = (notice.id!, orgID)
            try await receipt.create(on: app.db)
            receipts[orgID] = receipt.id!
        }
        for (role, home) in world.homes { world.ownReceipt[role] = receipts[home] }
        world.foreignReceipt = receipts[try await org("CL-511725").id!]!
        try await governance(&world, app, org: org)
        for (code, isXuanhan) in [("CEC-511722", true), ("CEC-511725", false)] {
            let teacher = Teacher()
            (teacher.name, teacher.kind, teacher.subjects) = ("教师", .volunteer, "")
            (teacher.organisationID, teacher.isDirector, teacher.doubleReporting) = (try await org(code).id!, false, true)
            try await teacher.create(on: app.db)
            if isXuanhan { world.xuanhanTeacher = teacher.id! } else { world.quTeacher = teacher.id! }
        }
        return world
    }

    /// A report form owed by every unit with a test account and by 渠县, each unit's report,
    /// a report to the government, attachments, and the first row of each governance table.
    static func governance(_ world: inout ScopeFixture, _ app: Application, org: (String) async throws -> Organisation) async throws {
        let form = ReportForm()
        (form.title, form.periodKind, form.firstPeriod, form.deadlineDays, form.createdBy) = ("测试报表", "quarter", "2014-Q1", 10, "fixture")
        form.fieldsJSON = String(decoding: try JSONEncoder().encode([ReportField(key: "f1", label: "人次", type: .number)]), as: UTF8.self)
        try await form.create(on: app.db)
        var submissions: [Int: Int] = [:]
        for orgID in Set(world.homes.values) + [try await org("CL-511725").id!] {
            let unit = ReportFormUnit()
            (unit.formID, unit.organisationID) = (form.id!, orgID)
            try await unit.create(on: app.db)
            let submission = ReportSubmission()
            (submission.formID, submission.organisationID, submission.period, submission.deadline) = (form.id!, orgID, "2014-Q1", "2014-04-10")
            (submission.state, submission.version, submission.updatedBy, submission.valuesJSON) = (.draft, 1, "fixture", "{}")
            try await submission.create(on: app.db)
            submissions[orgID] = submission.id!
        }
        for (role, home) in world.homes { world.ownSubmission[role] = submissions[home] }
        world.foreignSubmission = submissions[try await org("CL-511725").id!]!
        let report = GovernmentReport()
        (report.period, report.title, report.body, report.state, report.dataAsOf) = ("2014-Q1", "测试报告", "", .draft, Date())
        let content = GovernmentReportContent(city: "", office: "", period: "2014-Q1", year: 2014, indicators: [], forms: [],
                                              plan: .init(total: 0, done: 0, late: 0, lateItems: []))
        (report.contentJSON, report.draftedBy) = (String(decoding: try JSONEncoder().encode(content), as: UTF8.self), "fixture")
        (report.version, report.editedBy) = (1, "fixture")
        try await report.create(on: app.db)
        let bytes = Data("%PDF-1.4 fixture".utf8)
        let sha = Hex.encode(SHA256.hash(data: bytes))
        let path = ResourceStore.path(of: sha, app)
        try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
        try bytes.write(to: path)
        for (owner, ownerID) in [(AttachmentOwner.planProgress, world.planItem), (.reportSubmission, world.foreignSubmission)] {
            let file = Attachment()
            (file.owner, file.ownerID, file.fileName, file.mime, file.size, file.sha256, file.uploadedBy) = (owner.rawValue, ownerID, "a.pdf", "application/pdf", bytes.count, sha, "fixture")
            try await file.create(on: app.db)
            if owner == .planProgress { world.openAttachment = file.id! } else { world.foreignAttachment = file.id! }
        }
        // A meeting every unit with a test account is called to (a unit not called does not see it).
        let meeting = JointMeeting()
        (meeting.year, meeting.session, meeting.title, meeting.date, meeting.time) = (2014, 90, "测试会议", "2014-09-01", "09:00")
        (meeting.place, meeting.notice, meeting.calledBy) = ("测试", "", "fixture")
        try await meeting.create(on: app.db)
        for orgID in Set(world.homes.values) {
            let row = MeetingAttendance()
            (row.meetingID, row.organisationID) = (meeting.id!, orgID)
            try await row.create(on: app.db)
        }
        world.rows["meetings"] = meeting.id!
        for endpoint in app.learnCity.registry.endpoints {
            guard case .row(let table) = endpoint.scoped, world.rows[table] == nil else { continue }
            let row = try await (app.db as! any SQLDatabase).select().column(SQLFunction("min", args: SQLColumn("id")), as: "id").from(table).first()
            world.rows[table] = try row?.decode(column: "id", as: Int?.self) ?? 0
        }
    }

    /// An (empty) import in someone's history.
    static func importRun(by user: User, on database: any Database) async throws -> Int {
        let run = ImportRun()
        run.kind = "people"
        run.fileName = "test.csv"
        run.userID = user.id
        run.actorName = user.username
        run.summary = "{}"
        run.state = .applied
        try await run.create(on: database)
        return run.id!
    }

    static func token(for user: User, on database: any Database) async throws -> (secret: String, id: Int) {
        let (secret, hash) = APIToken.generate()
        let token = APIToken()
        token.userID = user.id!
        token.name = "test"
        token.tokenHash = hash
        token.expiresAt = Date().addingTimeInterval(3600)
        token.scopes = [.read, .write]
        try await token.create(on: database)
        return (secret, token.id!)
    }
}
