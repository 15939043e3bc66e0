import Fluent
import Foundation
import LearnCityCore
import Vapor

/// Online courses: an ordered list of library resources. Staff add items; an enrolled learner
/// marks each one done as they finish it; the last one completes the course, which writes its
/// record with the course's nominal hours, once.
enum OnlineCourses {
    /// The items of a course in order, with the resource each plays.
    static func items(of courseID: Int, on db: any Database) async throws -> [(CourseItem, LearningResource)] {
        let items = try await CourseItem.query(on: db).filter(\.$courseID == courseID).sort(\.$position).sort(\.$id).all()
        let resources = try await LearningResource.query(on: db).filter(\.$id ~~ items.map(\.resourceID)).all()
        return items.compactMap { item in resources.first { $0.id == item.resourceID }.map { (item, $0) } }
    }

    /// Staff add a resource at the end of a course's list.
    @Sendable static func addItem(_ request: Request) async throws -> Response {
        let course = try await CourseEditing.managedCourse(request)
        guard let resourceID = request.formInteger("resource", in: BoundedNumber.ids),
              let resource = try await LearningResource.find(resourceID, on: request.db) else { throw AppError(.invalidParameter, field: "resource") }
        let courseID = try course.requireID()
        let last = try await CourseItem.query(on: request.db).filter(\.$courseID == courseID).sort(\.$position, .descending).first()?.position ?? 0
        let item = CourseItem()
        (item.courseID, item.position, item.resourceID) = (courseID, last + 1, try resource.requireID())
        let actor = Audit.Actor(request)
        try await request.db.transaction { db in
            try await item.create(on: db)
            try await Audit.record(.update, entity: "course", id: String(courseID), summary: "item \(item.position): resource \(resourceID)", by: actor, on: db)
        }
        return request.redirect(to: SiteURL.course(courseID).path)
    }

    /// The learner finished an item; finishing the last completes the course.
    @Sendable static func itemDone(_ request: Request) async throws -> Response {
        let course = try await CoursesController.course(request)
        let user = try request.requireUser()
        let courseID = try course.requireID()
        // Only someone enrolled on the course marks its items; an item of another course is no item.
        guard let personID = user.personID,
              let enrolment = try await Enrolment.query(on: request.db).filter(\.$courseID == courseID).filter(\.$personID == personID).first(),
              enrolment.status != .dropped
        else { throw AppError(.conflict, detail: request.strings.courses.notEnrolled) }
        guard let itemID = request.formInteger("item", in: BoundedNumber.ids),
              try await CourseItem.query(on: request.db).filter(\.$id == itemID).filter(\.$courseID == courseID).count() == 1
        else { throw AppError(.invalidParameter, field: "item") }
        let enrolmentID = try enrolment.requireID()
        let actor = Audit.Actor(request)
        let today = request.today
        try await request.db.transaction { db in
            if try await ItemProgress.query(on: db).filter(\.$enrolmentID == enrolmentID).filter(\.$itemID == itemID).count() == 0 {
                let progress = ItemProgress()
                (progress.enrolmentID, progress.itemID) = (enrolmentID, itemID)
                try await progress.create(on: db)
            }
            let total = try await CourseItem.query(on: db).filter(\.$courseID == courseID).count()
            let done = try await ItemProgress.query(on: db).filter(\.$enrolmentID == enrolmentID).count()
            if done >= total && enrolment.status == .enrolled {
                try await CourseService.complete(enrolment, course: course, on: today, source: .online, actor: actor, on: db)
            }
        }
        return request.redirect(to: SiteURL.course(courseID).path + "#items")
    }

    /// Item ids this learner has finished on this course.
    static func finished(enrolment: Enrolment?, on db: any Database) async throws -> Set<Int> {
        guard let id = enrolment?.id else { return [] }
        return Set(try await ItemProgress.query(on: db).filter(\.$enrolmentID == id).all().map(\.itemID))
    }
}
