import Fluent
import Foundation
import LearnCityCore
import SQLKit

/// A source of funds for a year (四(三)): the municipal special fund, a county's, a department's
/// or an enterprise's, with its budget in fen.
final class FundSource: Model, @unchecked Sendable {
    static let schema = "fund_sources"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "year") var year: Int
    @Field(key: "name") var name: String
    @Enum(key: "kind") var kind: FundSourceKind
    @OptionalField(key: "organisation_id") var organisationID: Int?
    @Field(key: "budget_fen") var budgetFen: Int
    /// Bumped by every allocation: the row lock that serialises allocations from one source.
    @Field(key: "revision") var revision: Int
    @Field(key: "created_by") var createdBy: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// Money given from a source to a recipient: a project, a course, a teaching team or a unit.
/// The recipient's name is kept as it was when allocated, so a report filed stays the same.
final class FundAllocation: Model, @unchecked Sendable {
    static let schema = "fund_allocations"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "source_id") var sourceID: Int
    @Enum(key: "recipient_kind") var recipientKind: FundRecipientKind
    @OptionalField(key: "recipient_id") var recipientID: Int?
    @Field(key: "recipient_name") var recipientName: String
    @Field(key: "amount_fen") var amountFen: Int
    @Field(key: "allocated_on") var allocatedOn: String
    @Field(key: "purpose") var purpose: String
    /// Bumped by every disbursement, like `FundSource.revision`.
    @Field(key: "revision") var revision: Int
    @Field(key: "created_by") var createdBy: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var recipientKey: String { FundRecipientKind.key(recipientKind, id: recipientID, name: recipientName) }

    func entry() -> FundAllocationEntry? {
        guard let id, let date = LocalDate.parse(allocatedOn) else { return nil }
        return FundAllocationEntry(id: id, source: sourceID, recipient: recipientKey, amount: amountFen, date: date)
    }
}

/// Money actually paid against an allocation.
final class FundDisbursement: Model, @unchecked Sendable {
    static let schema = "fund_disbursements"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "allocation_id") var allocationID: Int
    @Field(key: "paid_on") var paidOn: String
    @Field(key: "amount_fen") var amountFen: Int
    @Field(key: "note") var note: String
    @Field(key: "created_by") var createdBy: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

struct CreateFunds: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(FundSource.schema)
            .field("id", .int, .identifier(auto: true))
            .field("year", .int, .required).field("name", .string, .required).field("kind", .string, .required)
            .field("organisation_id", .int, .references(Organisation.schema, "id"))
            .field("budget_fen", .int64, .required).field("revision", .int, .required)
            .field("created_by", .string, .required).field("created_at", .datetime)
            .unique(on: "year", "name")
            .create()
        try await database.schema(FundAllocation.schema)
            .field("id", .int, .identifier(auto: true))
            .field("source_id", .int, .required, .references(FundSource.schema, "id"))
            .field("recipient_kind", .string, .required).field("recipient_id", .int).field("recipient_name", .string, .required)
            .field("amount_fen", .int64, .required).field("allocated_on", .string, .required).field("purpose", .string, .required)
            .field("revision", .int, .required).field("created_by", .string, .required).field("created_at", .datetime)
            .create()
        try await database.schema(FundDisbursement.schema)
            .field("id", .int, .identifier(auto: true))
            .field("allocation_id", .int, .required, .references(FundAllocation.schema, "id"))
            .field("paid_on", .string, .required).field("amount_fen", .int64, .required).field("note", .string, .required)
            .field("created_by", .string, .required).field("created_at", .datetime)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "fund_allocations_source").on(FundAllocation.schema).column("source_id").run()
        try await sql.create(index: "fund_allocations_recipient").on(FundAllocation.schema).column("recipient_kind").column("recipient_id").run()
        try await sql.create(index: "fund_disbursements_allocation").on(FundDisbursement.schema).column("allocation_id").run()
    }

    func revert(on database: any Database) async throws {
        for schema in [FundDisbursement.schema, FundAllocation.schema, FundSource.schema] { try await database.schema(schema).delete() }
    }
}

/// Writes to the ledger, each in one transaction that locks the parent row first, sums what is
/// already there and checks the invariant (`FundLedger`) before writing: two officers allocating
/// from one source at once cannot together exceed its budget.
enum FundsLedger {
    /// Takes the row lock (an UPDATE holds it until commit on PostgreSQL; SQLite has one writer).
    static func lock(_ table: String, _ id: Int, on db: any Database) async throws {
        try await (db as! any SQLDatabase).raw("UPDATE \(ident: table) SET revision = revision + 1 WHERE id = \(bind: id)").run()
    }

    static func allocate(_ allocation: FundAllocation, actor: Audit.Actor, on database: any Database) async throws -> FundLedger.Problem? {
        try await database.transaction { db in
            try await lock(FundSource.schema, allocation.sourceID, on: db)
            guard let source = try await FundSource.find(allocation.sourceID, on: db) else { return .overBudget(available: 0) }
            let allocated = try await FundAllocation.query(on: db).filter(\.$sourceID == allocation.sourceID).all().reduce(0) { $0 + $1.amountFen }
            if let problem = FundLedger.checkAllocation(amount: allocation.amountFen, budget: source.budgetFen, allocated: allocated) { return problem }
            if allocation.recipientKind == .project, let projectID = allocation.recipientID, let project = try await Project.find(projectID, on: db) {
                let received = try await FundAllocation.query(on: db).filter(\.$recipientKind == .project).filter(\.$recipientID == projectID).all()
                    .reduce(0) { $0 + $1.amountFen }
                if let problem = FundLedger.checkProject(amount: allocation.amountFen, budget: project.budgetFen, received: received) { return problem }
            }
            allocation.revision = 0
            allocation.createdBy = actor.name
            try await allocation.create(on: db)
            try await Audit.record(.create, entity: "fund_allocation", id: allocation.id.map(String.init),
                                   summary: "source \(allocation.sourceID) → \(allocation.recipientKey): \(allocation.amountFen) fen", by: actor, on: db)
            return nil
        }
    }

    static func disburse(_ payment: FundDisbursement, actor: Audit.Actor, on database: any Database) async throws -> FundLedger.Problem? {
        try await database.transaction { db in
            try await lock(FundAllocation.schema, payment.allocationID, on: db)
            guard let allocation = try await FundAllocation.find(payment.allocationID, on: db) else { return .overAllocation(available: 0) }
            let paid = try await FundDisbursement.query(on: db).filter(\.$allocationID == payment.allocationID).all().reduce(0) { $0 + $1.amountFen }
            if let problem = FundLedger.checkDisbursement(amount: payment.amountFen, allocation: allocation.amountFen, disbursed: paid) { return problem }
            payment.createdBy = actor.name
            try await payment.create(on: db)
            try await Audit.record(.create, entity: "fund_disbursement", id: payment.id.map(String.init),
                                   summary: "allocation \(payment.allocationID): \(payment.amountFen) fen", by: actor, on: db)
            return nil
        }
    }
}
