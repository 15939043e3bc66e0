import Fluent
import Foundation
import LearnCityCore
import Vapor

/// The funds ledger (四(三)): the office and the Finance Bureau add sources with budgets,
/// allocate from them and record what was paid. The two invariants live in `FundLedger`
/// and are checked inside the writing transaction (`FundsLedger`).
enum FundsController {
    struct Form: Content {
        var year, name, kind, unit, budget: String?
        var source, recipient, recipientName, allocatedOn, amount, purpose: String?
        var allocation, paidOn, payAmount, note: String?

        enum CodingKeys: String, CodingKey {
            case year, name, kind, unit, budget, source, recipient, amount, purpose, allocation, note
            case recipientName = "recipient_name", allocatedOn = "allocated_on", paidOn = "paid_on", payAmount = "pay_amount"
        }
    }

    @Sendable static func page(_ request: Request) async throws -> Response {
        try await render(request, form: Form(), errors: [:], notice: nil)
    }

    /// A field parsed as yuan, or its message in `errors`.
    static func amount(_ text: String?, field: String, errors: inout [String: String], _ s: FundStrings) -> Int? {
        switch YuanAmount.fen(text ?? "") {
        case .success(let fen): return fen
        case .failure(let problem): errors[field] = s.message(problem); return nil
        }
    }

    static func day(_ text: String?, field: String, errors: inout [String: String], _ s: FundStrings) -> LocalDate? {
        guard let date = LocalDate.parse((text ?? "").trimmingCharacters(in: .whitespaces)) else { errors[field] = s.dateInvalid; return nil }
        return date
    }

    static func decode(_ request: Request) -> Form { (try? request.content.decode(Form.self)) ?? Form() }

    @Sendable static func addSource(_ request: Request) async throws -> Response {
        let form = decode(request), s = request.strings.funds
        var errors: [String: String] = [:]
        let year = BoundedNumber.integer(form.year, in: BoundedNumber.years)
        if year == nil || !(1990...2100).contains(year!) { errors["year"] = request.strings.targets.yearInvalid }
        let name = (form.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { errors["name"] = request.strings.fieldRequired }
        else if let year, try await FundSource.query(on: request.db).filter(\.$year == year).filter(\.$name == name).count() > 0 { errors["name"] = s.nameTaken }
        let kind = form.kind.flatMap(FundSourceKind.init(rawValue:))
        if kind == nil { errors["kind"] = s.chooseOne }
        let unit = try await form.unit.flatMap(Int.init).asyncMap { try await Organisation.find($0, on: request.db) } ?? nil
        let budget = amount(form.budget, field: "budget", errors: &errors, s)
        guard errors.isEmpty, let year, let kind, let budget else {
            return try await render(request, form: form, errors: errors, notice: nil, status: .unprocessableEntity)
        }
        let actor = Audit.Actor(request)
        try await request.db.transaction { db in
            let source = FundSource()
            (source.year, source.name, source.kind, source.organisationID) = (year, String(name.prefix(200)), kind, unit?.id)
            (source.budgetFen, source.revision, source.createdBy) = (budget, 0, actor.name)
            try await source.create(on: db)
            try await Audit.record(.create, entity: "fund_source", id: source.id.map(String.init), summary: "\(year) \(name): \(budget) fen", by: actor, on: db)
        }
        return try await render(request, form: Form(), errors: [:], notice: s.saved)
    }

    @Sendable static func addAllocation(_ request: Request) async throws -> Response {
        let form = decode(request), s = request.strings.funds
        var errors: [String: String] = [:]
        let source = try await form.source.flatMap(Int.init).asyncMap { try await FundSource.find($0, on: request.db) } ?? nil
        if source == nil { errors["source"] = s.chooseOne }
        let recipient = try await resolveRecipient(form, request)
        if recipient == nil { errors[form.recipient == FundRecipientKind.teacherTeam.rawValue ? "recipient_name" : "recipient"] = s.chooseOne }
        let date = day(form.allocatedOn, field: "allocated_on", errors: &errors, s)
        let fen = amount(form.amount, field: "amount", errors: &errors, s)
        // A budget is a year's: what it allocates is dated in that year.
        if let source, let date, date.year != source.year { errors["allocated_on"] = s.outsideYear }
        guard errors.isEmpty, let source, let recipient, let date, let fen else {
            return try await render(request, form: form, errors: errors, notice: nil, status: .unprocessableEntity)
        }
        let allocation = FundAllocation()
        (allocation.sourceID, allocation.recipientKind, allocation.recipientID, allocation.recipientName) = (try source.requireID(), recipient.0, recipient.1, recipient.2)
        (allocation.amountFen, allocation.allocatedOn, allocation.purpose) = (fen, date.iso, String((form.purpose ?? "").trimmingCharacters(in: .whitespaces).prefix(500)))
        if let problem = try await FundsLedger.allocate(allocation, actor: Audit.Actor(request), on: request.db) {
            return try await render(request, form: form, errors: ["amount": s.message(problem)], notice: nil, status: .unprocessableEntity)
        }
        return try await render(request, form: Form(), errors: [:], notice: s.saved)
    }

    @Sendable static func addDisbursement(_ request: Request) async throws -> Response {
        let form = decode(request), s = request.strings.funds
        var errors: [String: String] = [:]
        let allocation = try await form.allocation.flatMap(Int.init).asyncMap { try await FundAllocation.find($0, on: request.db) } ?? nil
        if allocation == nil { errors["allocation"] = s.chooseOne }
        let date = day(form.paidOn, field: "paid_on", errors: &errors, s)
        let fen = amount(form.payAmount, field: "pay_amount", errors: &errors, s)
        if let allocation, let date, let allocated = LocalDate.parse(allocation.allocatedOn), date < allocated { errors["paid_on"] = s.beforeAllocation }
        guard errors.isEmpty, let allocation, let date, let fen else {
            return try await render(request, form: form, errors: errors, notice: nil, status: .unprocessableEntity)
        }
        let payment = FundDisbursement()
        (payment.allocationID, payment.paidOn, payment.amountFen) = (try allocation.requireID(), date.iso, fen)
        payment.note = String((form.note ?? "").trimmingCharacters(in: .whitespaces).prefix(500))
        if let problem = try await FundsLedger.disburse(payment, actor: Audit.Actor(request), on: request.db) {
            return try await render(request, form: form, errors: ["pay_amount": s.message(problem)], notice: nil, status: .unprocessableEntity)
        }
        return try await render(request, form: Form(), errors: [:], notice: s.saved)
    }

    /// `project:3`, `unit:12`, `course:7`, or `teacher_team` with a name: (kind, id, name as shown now).
    static func resolveRecipient(_ form: Form, _ request: Request) async throws -> (FundRecipientKind, Int?, String)? {
        let parts = (form.recipient ?? "").split(separator: ":").map(String.init)
        guard let kind = parts.first.flatMap(FundRecipientKind.init(rawValue:)) else { return nil }
        let id = parts.count == 2 ? BoundedNumber.integer(String(parts[1]), in: BoundedNumber.ids) : nil
        switch kind {
        case .teacherTeam:
            let name = (form.recipientName ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            return name.isEmpty ? nil : (kind, nil, String(name.prefix(200)))
        case .project:
            guard let id, let project = try await Project.find(id, on: request.db) else { return nil }
            return (kind, id, project.title)
        case .unit:
            guard let id, let org = try await Organisation.find(id, on: request.db) else { return nil }
            return (kind, id, org.nameZh)
        case .course:
            guard let id, let course = try await Course.find(id, on: request.db) else { return nil }
            return (kind, id, course.title)
        }
    }

    static func render(_ request: Request, form: Form, errors: [String: String], notice: String?,
                       status: HTTPResponseStatus = .ok) async throws -> Response {
        let sources = try await FundSource.query(on: request.db).sort(\.$year, .descending).sort(\.$id).all()
        let allocations = try await FundAllocation.query(on: request.db).sort(\.$allocatedOn, .descending).sort(\.$id, .descending).all()
        let payments = try await FundDisbursement.query(on: request.db).all().map { (allocation: $0.allocationID, amount: $0.amountFen) }
        let entries = allocations.compactMap { $0.entry() }
        let balances = FundBalances.bySource(budgets: Dictionary(sources.compactMap { s in s.id.map { ($0, s.budgetFen) } }, uniquingKeysWith: { a, _ in a }),
                                             allocations: entries, disbursements: payments)
        let paid = FundBalances.disbursedByAllocation(payments)
        let units = try await Organisation.query(on: request.db).filter(\.$closedAt == nil).sort(\.$path).limit(500).all()
        // Funding units by id, closed ones too: a source keeps naming who funded it.
        let unitNames = try await WorkPlanController.organisationNames(sources.compactMap(\.organisationID), request)
        let sourceNames = Dictionary(sources.compactMap { s in s.id.map { ($0, "\(s.year) \(s.name)") } }, uniquingKeysWith: { a, _ in a })
        let recipients = FundBalances.byRecipient(allocations: entries, disbursements: payments)
        let names = Dictionary(allocations.map { ($0.recipientKey, FundsPage.recipientLabel($0, request.strings)) }, uniquingKeysWith: { a, _ in a })
        let projects = try await Project.query(on: request.db).sort(\.$year, .descending).sort(\.$id).all()
        let courses = try await Course.query(on: request.db).sort(\.$id, .descending).limit(200).all()
        let kinds = request.strings.funds.recipientKinds
        var recipientOptions: [(String, String)] = projects.map { ("project:\($0.id ?? 0)", (kinds[.project] ?? "") + request.strings.colon + $0.title) }
        recipientOptions += units.map { ("unit:\($0.id ?? 0)", (kinds[.unit] ?? "") + request.strings.colon + $0.name(request.language)) }
        recipientOptions += courses.map { ("course:\($0.id ?? 0)", (kinds[.course] ?? "") + request.strings.colon + $0.title) }
        recipientOptions.append((FundRecipientKind.teacherTeam.rawValue, kinds[.teacherTeam] ?? ""))
        let model = FundsPage.Model(
            sources: sources.map { source in
                (source.id ?? 0, source.year, source.name, source.kind, source.organisationID.flatMap { unitNames[$0] } ?? "—", balances[source.id ?? 0] ?? FundBalance(budget: source.budgetFen))
            },
            allocations: allocations.map { a in
                (a.id ?? 0, sourceNames[a.sourceID] ?? "—", FundsPage.recipientLabel(a, request.strings), a.allocatedOn, a.purpose, a.amountFen, paid[a.id ?? 0] ?? 0)
            },
            recipients: recipients.map { (names[$0.key] ?? $0.key, $0.value) }.sorted { $0.1.allocated > $1.1.allocated },
            units: units.map { (String($0.id ?? 0), String(repeating: "　", count: $0.depth) + $0.name(request.language)) },
            recipientOptions: recipientOptions,
            today: request.today,
            form: form, errors: errors, notice: notice)
        return FundsPage.View(model: model, context: PageContext(request)).response(status: status)
    }
}
