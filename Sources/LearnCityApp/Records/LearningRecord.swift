import Fluent
import Foundation
import LearnCityCore

/// One person's participation in one course, class or event (design.md §3) — never one per
/// session. It keeps, as written, its provider's organisation path and its person's region and
/// employment status (design.md §5), so figures filed for a year never move when someone moves
/// house or an organisation moves in the tree.
final class LearningRecord: Model, @unchecked Sendable {
    static let schema = "learning_records"

    enum Source: String, Codable, Sendable, CaseIterable { case manual, `import`, enrolment, online, xapi }

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "person_id") var personID: Int
    @Enum(key: "kind") var kind: RecordKind
    @Enum(key: "status") var status: RecordStatus
    /// Completion (community, training), issue (certification) or enrolment (degree), ISO.
    @Field(key: "date") var date: String
    @Field(key: "year") var year: Int
    @Field(key: "hours") var hours: Double
    @OptionalField(key: "provider_id") var providerID: Int?
    @OptionalField(key: "provider_path") var providerPath: String?
    /// The provider as the source named it (kept as text when LearnCity does not know it).
    @OptionalField(key: "provider_name") var providerName: String?
    @OptionalField(key: "course_id") var courseID: Int?
    @OptionalField(key: "course_title") var courseTitle: String?
    /// The person's region and employment when the record was written.
    @Field(key: "region_code") var regionCode: String
    @OptionalField(key: "employed") var employed: Bool?
    @Enum(key: "source") var source: Source
    /// Unique: the same record from the same source is stored once (design.md §4).
    @Field(key: "idem_key") var idemKey: String
    /// Keyed content of an imported row: an identical row again is "ignored".
    @OptionalField(key: "fingerprint") var fingerprint: String?
    @OptionalField(key: "certificate_no") var certificateNo: String?
    /// Certification and degree details (qualification, level, issuer, institution, programme,
    /// study mode, graduation date) as JSON.
    @OptionalField(key: "details") var details: String?
    @OptionalField(key: "voided_at") var voidedAt: Date?
    @OptionalField(key: "void_reason") var voidReason: String?
    /// Set when someone corrected the record by hand: imports no longer overwrite it.
    @OptionalField(key: "corrected_at") var correctedAt: Date?
    @OptionalField(key: "created_import_id") var createdImportID: Int?
    @OptionalField(key: "import_id") var importID: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var facts: RecordFacts {
        RecordFacts(kind: kind, status: status, year: year, employed: employed, voided: voidedAt != nil)
    }

    var detailValues: [String: String] {
        guard let details, let values = try? JSONDecoder().decode([String: String].self, from: Data(details.utf8)) else { return [:] }
        return values
    }
}

/// The people who count for an indicator in a year: one row per (indicator, year, person),
/// with the region it counts in — the region stored on the person's first counting record.
/// With it, distinct-people figures are sums of counters, not scans (design.md §7).
final class Participation: Model, @unchecked Sendable {
    static let schema = "participations"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "indicator_code") var indicatorCode: String
    @Field(key: "year") var year: Int
    @Field(key: "person_id") var personID: Int
    @Field(key: "region_code") var regionCode: String

    init() {}
}

/// An event counted by headcount (a lecture for 200 residents), with "of which registered":
/// those who also have their own records. Only the unregistered part adds person-times, and
/// never distinct people (design.md §3).
final class Activity: Model, @unchecked Sendable {
    static let schema = "activities"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "title") var title: String
    @Field(key: "organiser_id") var organiserID: Int
    @Field(key: "organiser_path") var organiserPath: String
    @Field(key: "region_code") var regionCode: String
    @Field(key: "date") var date: String
    @Field(key: "year") var year: Int
    @Field(key: "headcount") var headcount: Int
    @Field(key: "registered") var registered: Int
    @OptionalField(key: "voided_at") var voidedAt: Date?
    @OptionalField(key: "void_reason") var voidReason: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var unregistered: Int { max(0, headcount - registered) }
}
