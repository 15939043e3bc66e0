import Fluent
import Foundation
import LearnCityCore
import Testing
import Vapor
import VaporTesting
@testable import LearnCityApp

@Suite("Courses: catalogue, enrolment, completion, my learning")
struct CoursesTests {
    @Test("Staff create a course (messages next to fields); anyone finds it by county and category")
    func createAndBrowse() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            var admin = Browser(app: app)
            _ = try await admin.signIn("admin", "admin-test-password")
            let csrf = admin.cookies[CSRF.cookieName]!
            let dc04 = try #require(try await Organisation.query(on: app.db).filter(\.$code == "DC-04").first())
            let bad = try await admin.send(.POST, "/courses", form: [("_csrf", csrf), ("title", ""), ("category", "法律常识"), ("kind", "degree"),
                                                                     ("mode", "offline"), ("provider", "\(dc04.id!)"), ("hours", "abc"), ("status", "open")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("课程只能是社区教育或职业培训") && bad.text.contains("学时应为 0–1000 的数字") && bad.text.contains("field invalid"))
            let made = try await admin.send(.POST, "/courses", form: [
                ("_csrf", csrf), ("title", "法律常识进社区"), ("category", "法律常识"), ("kind", "community"), ("mode", "blended"),
                ("provider", "\(dc04.id!)"), ("hours", "4"), ("capacity", "30"), ("startsOn", "2014/9/1"), ("status", "open"), ("featured", "1")])
            #expect(made.status == .seeOther)
            let course = try #require(try await Course.query(on: app.db).filter(\.$title == "法律常识进社区").first())
            #expect(course.code == "C\(course.id!)" && course.regionCode == "511722" && course.startsOn == "2014-09-01" && course.featured)

            var visitor = Browser(app: app)
            let list = try await visitor.send(.GET, "/courses?region=511722&category=%E6%B3%95%E5%BE%8B%E5%B8%B8%E8%AF%86")
            #expect(list.status == .ok && list.text.contains("法律常识进社区") && !list.text.contains("健康坝坝舞 CEC-511725"))
            let other = try await visitor.send(.GET, "/courses?region=511725")
            #expect(other.text.contains("健康坝坝舞 CEC-511725") && !other.text.contains("法律常识进社区"))
            let page = try await visitor.send(.GET, "/courses/\(course.id!)")
            #expect(page.text.contains("登录后报名") && page.text.contains("特色课程"))
            // A county admin of 渠县 cannot edit a 宣汉 course (not found, as if it did not exist).
            var headers = HTTPHeaders()
            headers.bearerAuthorization = .init(token: world.callers[.countyAdmin]!)
            try await app.testing().test(.GET, "/courses/\(world.quCourse)/edit", headers: headers) { #expect($0.status == .notFound) }
        }
    }

    @Test("A confirmed citizen enrols; the last place goes once; completion writes one record with the course's hours; my learning shows it")
    func enrolAndComplete() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            let learner = try #require(try await User.query(on: app.db).filter(\.$username == "t-learner").first())
            var citizen = Browser(app: app)
            _ = try await citizen.signIn("t-learner", "password-123")
            let unlinked = try await citizen.send(.POST, "/courses/\(world.xuanhanCourse)/enrol", form: [("_csrf", citizen.cookies[CSRF.cookieName]!)])
            #expect(unlinked.status == .forbidden && unlinked.text.contains("请先到学习中心确认身份"))
            learner.personID = world.xuanhanPerson
            try await learner.update(on: app.db)
            let enrolled = try await citizen.send(.POST, "/courses/\(world.xuanhanCourse)/enrol", form: [("_csrf", citizen.cookies[CSRF.cookieName]!)])
            #expect(enrolled.status == .seeOther)
            #expect(try await citizen.send(.GET, "/courses/\(world.xuanhanCourse)").text.contains("取消报名"))

            // Staff try to add a walk-in: the course (capacity 1) is full.
            var admin = Browser(app: app)
            _ = try await admin.signIn("admin", "admin-test-password")
            let csrf = admin.cookies[CSRF.cookieName]!
            let path = "/courses/\(world.xuanhanCourse)/participants"
            let full = try await admin.send(.POST, path, form: [("_csrf", csrf), ("action", "enrol"), ("residentID", ScopeFixture.quID)])
            #expect(full.status == .conflict && full.text.contains("名额已满"))
            let unknown = try await admin.send(.POST, path, form: [("_csrf", csrf), ("action", "enrol"), ("residentID", "511722198001011232")])
            #expect(unknown.status == .unprocessableEntity && unknown.text.contains("没有找到此人"))

            // Completion is dated the day it is marked: this year.
            let year = LocalDate(Date(), in: app.learnCity.config.timeZone).year
            let before = try await Oracle.check(year: year, on: app.db).records
            #expect(try await admin.send(.POST, path, form: [("_csrf", csrf), ("action", "completeAll")]).status == .seeOther)
            #expect(try await admin.send(.POST, path, form: [("_csrf", csrf), ("action", "completeAll")]).status == .seeOther)
            let records = try await LearningRecord.query(on: app.db).filter(\.$source == .enrolment).all()
            #expect(records.count == 1 && records[0].hours == 6 && records[0].courseID == world.xuanhanCourse && records[0].personID == world.xuanhanPerson)
            let (ledger, now) = try await Oracle.check(year: year, on: app.db)
            #expect(ledger == now && now["T3"] == (before["T3"] ?? 0) + 1)

            let mine = try await citizen.send(.GET, "/me/learning")
            #expect(mine.status == .ok && mine.text.contains("健康坝坝舞 DC-04") && mine.text.contains("已结业") && mine.text.contains(#"id="years""#))
        }
    }
}

@Suite("Courses on organisation pages; experts on courses")
struct CourseLinksTests {
    @Test("An organisation's page lists the courses it runs and who teaches there; an expert is linked as lecturer")
    func links() async throws {
        try await withLearnCity { app in
            let world = try await ScopeFixture.build(app)
            var admin = Browser(app: app)
            _ = try await admin.signIn("admin", "admin-test-password")
            let dc04 = try #require(try await Organisation.query(on: app.db).filter(\.$code == "DC-04").first())
            let page = try await admin.send(.GET, "/organisations/\(dc04.id!)")
            #expect(page.text.contains(#"id="org-courses""#) && page.text.contains("健康坝坝舞 DC-04"))
            let expert = Expert()
            (expert.name, expert.title, expert.affiliation, expert.fields, expert.keywords) = ("张教授", "教授", "四川文理学院", "法律", "法律常识")
            expert.availability = ""
            try await expert.create(on: app.db)
            let linked = try await admin.send(.POST, "/courses/\(world.xuanhanCourse)/experts",
                                              form: [("_csrf", admin.cookies[CSRF.cookieName]!), ("expert", "\(expert.id!)"), ("role", "lecturer")])
            #expect(linked.status == .seeOther)
            #expect(try await admin.send(.GET, "/courses/\(world.xuanhanCourse)").text.contains("张教授（主讲）"))
        }
    }
}
