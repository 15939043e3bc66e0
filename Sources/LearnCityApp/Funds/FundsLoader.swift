import Fluent
import Foundation
import LearnCityCore

/// Loads projects and funds given as data (the demo's 2014 projects, sources, allocations and
/// disbursements), once: when the first project already exists for the year, nothing is loaded.
/// The data is checked against the ledger's invariants before anything is written.
enum FundsLoader {
    static let demoFile = "demo/dazhou-2014-funds.json"

    static func loadDemo(on database: any Database) async throws {
        let data = try JSONDecoder().decode(ProjectsFundsData.self, from: try BundledResource.data(demoFile))
        try await load(data, on: database)
    }

    /// Amounts were checked by `problems`; what is left here parses.
    private static func fen(_ text: String) -> Int { (try? YuanAmount.fen(text).get()) ?? 0 }

    static func load(_ data: ProjectsFundsData, on database: any Database) async throws {
        guard let first = data.projects.first,
              try await Project.query(on: database).filter(\.$year == data.year).filter(\.$title == first.title).count() == 0 else { return }
        let organisations = Dictionary(try await Organisation.query(on: database).all().map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let problems = data.problems(knownUnits: Set(organisations.keys))
        guard problems.isEmpty else { throw StartupError("项目与经费数据有误 / projects and funds data is invalid: " + problems.joined(separator: "; ")) }
        let author = "演示数据 / demo"
        try await database.transaction { db in
            var projects: [String: Project] = [:]
            for entry in data.projects {
                guard let owner = organisations[entry.owner]?.id else { continue }
                let project = Project()
                (project.year, project.title, project.track, project.focus) = (data.year, entry.title, entry.track, entry.focus)
                (project.ownerID, project.budgetFen, project.status, project.summary) = (owner, fen(entry.budget), entry.status, entry.summary)
                try await project.create(on: db)
                projects[entry.key] = project
                for m in entry.milestones {
                    let milestone = ProjectMilestone()
                    (milestone.projectID, milestone.title) = (try project.requireID(), m.title)
                    (milestone.dueOn, milestone.doneOn) = (LocalDate.parse(m.due)?.iso ?? m.due, m.done.flatMap(LocalDate.parse)?.iso)
                    try await milestone.create(on: db)
                }
                if let percent = entry.percent {
                    let update = ProjectUpdate()
                    (update.projectID, update.organisationID, update.text) = (try project.requireID(), owner, entry.summary)
                    (update.percent, update.author) = (percent, author)
                    try await update.create(on: db)
                }
            }
            var sources: [String: Int] = [:]
            for entry in data.sources {
                let source = FundSource()
                (source.year, source.name, source.kind, source.organisationID) = (data.year, entry.name, entry.kind, entry.unit.flatMap { organisations[$0]?.id })
                (source.budgetFen, source.revision, source.createdBy) = (fen(entry.budget), 0, author)
                try await source.create(on: db)
                sources[entry.key] = try source.requireID()
            }
            for entry in data.allocations {
                guard let sourceID = sources[entry.source] else { continue }
                let parts = entry.recipient.split(separator: ":", maxSplits: 1).map(String.init)
                guard parts.count == 2, let kind = FundRecipientKind(rawValue: parts[0]) else { continue }
                let allocation = FundAllocation()
                switch kind {
                case .project: (allocation.recipientID, allocation.recipientName) = (projects[parts[1]]?.id, projects[parts[1]]?.title ?? parts[1])
                case .unit: (allocation.recipientID, allocation.recipientName) = (organisations[parts[1]]?.id, organisations[parts[1]]?.nameZh ?? parts[1])
                case .course, .teacherTeam: (allocation.recipientID, allocation.recipientName) = (nil, parts[1])
                }
                (allocation.sourceID, allocation.recipientKind, allocation.amountFen) = (sourceID, kind, fen(entry.amount))
                (allocation.allocatedOn, allocation.purpose, allocation.revision, allocation.createdBy) = (LocalDate.parse(entry.date)?.iso ?? entry.date, entry.purpose, 0, author)
                try await allocation.create(on: db)
                for d in entry.disbursements {
                    let payment = FundDisbursement()
                    (payment.allocationID, payment.paidOn, payment.amountFen) = (try allocation.requireID(), LocalDate.parse(d.date)?.iso ?? d.date, fen(d.amount))
                    (payment.note, payment.createdBy) = (d.note, author)
                    try await payment.create(on: db)
                }
            }
        }
    }
}
