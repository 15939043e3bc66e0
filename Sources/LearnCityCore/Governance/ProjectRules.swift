/// The projects of the work plan (三(三), 三(四)): five community-education projects (venues,
/// teaching staff, resource development) and five vocational-training ones (venues, resources,
/// school–enterprise cooperation).
public enum ProjectTrack: String, Codable, Sendable, CaseIterable { case community, vocational }

public enum ProjectFocus: String, Codable, Sendable, CaseIterable {
    case venues, teachingStaff = "teaching_staff", resources, cooperation
}

public enum ProjectStatus: String, Codable, Sendable, CaseIterable { case planned, active, done }

/// Where funds come from (四(三)): the municipal special fund, counties, departments, enterprises.
public enum FundSourceKind: String, Codable, Sendable, CaseIterable { case municipal, county, department, enterprise }

/// What an allocation goes to.
public enum FundRecipientKind: String, Codable, Sendable, CaseIterable {
    case project, course, teacherTeam = "teacher_team", unit

    /// The key balances are grouped by: the id when there is one, else the name.
    public static func key(_ kind: FundRecipientKind, id: Int?, name: String) -> String {
        "\(kind.rawValue):" + (id.map(String.init) ?? name)
    }
}

public enum ProjectRules {
    /// A progress percent as typed: 0–100, whole numbers, full-width digits and a trailing % accepted.
    public static func percent(_ text: String) -> Int? {
        var t = CellText.normalise(text).replacingOccurrences(of: " ", with: "")
        if t.hasSuffix("%") { t.removeLast() }
        guard !t.isEmpty, t.allSatisfy({ ("0"..."9").contains($0) }), t.count <= 3, let value = Int(t), (0...100).contains(value) else { return nil }
        return value
    }

    /// A milestone is late when it is not done by its due date (done after it: late too, and stays marked).
    public static func milestoneLate(due: LocalDate, doneOn: LocalDate?, today: LocalDate) -> Bool {
        if let doneOn { return doneOn > due }
        return today > due
    }

    /// The status a progress update moves a project to: work reported makes a planned project
    /// active; only the office's own 100% closes it (acceptance, 验收) — a unit reporting 100%
    /// leaves it active for the office to accept — and the office reporting less reopens it.
    public static func status(after percent: Int, current: ProjectStatus, byOffice: Bool) -> ProjectStatus {
        if percent >= 100 && byOffice { return .done }
        if percent > 0 && current == .planned { return .active }
        if current == .done && byOffice && percent < 100 { return .active }
        return current
    }
}

/// The demo's projects and funds as data: projects by owner code, sources and allocations with
/// amounts in yuan as text, so the file reads like the Finance Bureau's sheet.
public struct ProjectsFundsData: Codable, Sendable {
    public struct Milestone: Codable, Sendable { public var title, due: String; public var done: String? }
    public struct Project: Codable, Sendable {
        public var key, title, owner, summary, budget: String
        public var track: ProjectTrack
        public var focus: ProjectFocus
        public var status: ProjectStatus
        public var percent: Int?
        public var milestones: [Milestone]
    }
    public struct Source: Codable, Sendable {
        public var key, name, budget: String
        public var kind: FundSourceKind
        public var unit: String?
    }
    public struct Disbursement: Codable, Sendable { public var date, amount, note: String }
    public struct Allocation: Codable, Sendable {
        public var source, date, amount, purpose: String
        /// `project:<key>`, `unit:<code>` or `teacher_team:<name>`.
        public var recipient: String
        public var disbursements: [Disbursement]
    }

    public var note: String
    public var year: Int
    public var projects: [Project]
    public var sources: [Source]
    public var allocations: [Allocation]

    /// Problems that make the data unusable, the ledger's invariants included.
    public func problems(knownUnits: Set<String>) -> [String] {
        var found: [String] = []
        func amount(_ text: String, _ place: String) -> Int {
            guard case .success(let fen) = YuanAmount.fen(text) else { found.append("\(place): amount \(text)"); return 0 }
            return fen
        }
        for project in projects {
            if !knownUnits.contains(project.owner) { found.append("\(project.key): unknown unit \(project.owner)") }
            _ = amount(project.budget, project.key)
            for m in project.milestones where LocalDate.parse(m.due) == nil || (m.done.map { LocalDate.parse($0) == nil } ?? false) {
                found.append("\(project.key): milestone date \(m.title)")
            }
        }
        for source in sources where source.unit.map({ !knownUnits.contains($0) }) ?? false { found.append("\(source.key): unknown unit") }
        var allocated: [String: Int] = [:]
        let budgets = Dictionary(sources.map { ($0.key, amount($0.budget, $0.key)) }, uniquingKeysWith: { a, _ in a })
        let projectKeys = Set(projects.map(\.key))
        for (index, allocation) in allocations.enumerated() {
            let place = "allocation \(index + 1)"
            guard let budget = budgets[allocation.source] else { found.append("\(place): unknown source"); continue }
            if LocalDate.parse(allocation.date) == nil { found.append("\(place): date") }
            let parts = allocation.recipient.split(separator: ":", maxSplits: 1).map(String.init)
            switch (parts.first.flatMap(FundRecipientKind.init(rawValue:)), parts.count) {
            case (.project, 2) where projectKeys.contains(parts[1]), (.unit, 2) where knownUnits.contains(parts[1]), (.teacherTeam, 2): break
            default: found.append("\(place): recipient \(allocation.recipient)")
            }
            let fen = amount(allocation.amount, place)
            if let problem = FundLedger.checkAllocation(amount: fen, budget: budget, allocated: allocated[allocation.source, default: 0]) {
                found.append("\(place): \(problem)")
            }
            allocated[allocation.source, default: 0] += fen
            var paid = 0
            for d in allocation.disbursements {
                let pay = amount(d.amount, place)
                if LocalDate.parse(d.date) == nil { found.append("\(place): disbursement date") }
                if let problem = FundLedger.checkDisbursement(amount: pay, allocation: fen, disbursed: paid) { found.append("\(place): \(problem)") }
                paid += pay
            }
        }
        return found
    }
}
