import Fluent
import Foundation
import LearnCityCore
import Markup
import Vapor

/// The office writes the year's work plan (issue 15): a new plan, or last year's copied as a
/// start; items added, edited, moved up or down and retired (kept on record with their progress,
/// off the active list). Each change is audited in the transaction that makes it.
enum WorkPlanEditing {
    struct PlanForm: Content {
        var year, title, document, action: String?
    }

    struct ItemForm: Content {
        var section, title, deliverables, due, lead, action: String?
        var participants: [String]?

        var item: WorkPlanAuthoring.Item {
            .init(
                section: clean(section), title: clean(title), deliverables: clean(deliverables), due: clean(due),
                lead: BoundedNumber.integer(lead, in: BoundedNumber.ids),
                participants: (participants ?? []).compactMap { BoundedNumber.integer($0, in: BoundedNumber.ids) })
        }

        private func clean(_ text: String?) -> String { (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    static func message(_ problem: WorkPlanAuthoring.Problem, _ request: Request) -> String {
        let s = request.strings.plan
        return switch problem {
        case .required: request.strings.fieldRequired
        case .yearInvalid: s.yearInvalid
        case .dateInvalid: s.dateInvalid
        case .leadRequired: s.leadRequired
        }
    }

    /// The units an item can name: those a notice goes to, in the organisation tree's order.
    static func units(_ request: Request) async throws -> [Organisation] {
        try await Organisation.query(on: request.db).filter(\.$kind ~~ NoticesController.addressees)
            .filter(\.$closedAt == nil).sort(\.$path).all()
    }

    // MARK: the plan

    @Sendable static func manage(_ request: Request) async throws -> Response {
        try await page(request, planForm: PlanForm(), itemForm: ItemForm(), errors: [:])
    }

    /// `action` = create (an empty plan) | copy (last year's active items, due a year on, same units).
    @Sendable static func createPlan(_ request: Request) async throws -> Response {
        let form = try request.content.decode(PlanForm.self)
        let year = BoundedNumber.integer(form.year, in: BoundedNumber.years)
        let title = (form.title ?? "").trimmingCharacters(in: .whitespaces)
        let document = (form.document ?? "").trimmingCharacters(in: .whitespaces)
        var errors = WorkPlanAuthoring.heading(year: year, title: title, document: document).mapValues {
            message($0, request)
        }
        let source =
            form.action == "copy"
            ? try await WorkPlan.query(on: request.db).filter(\.$year == (year ?? 0) - 1)
                .sort(\.$id, .descending).first() : nil
        if form.action == "copy", year != nil, source == nil { errors["action"] = request.strings.plan.noLastYear }
        if let year,
            try await WorkPlan.query(on: request.db).filter(\.$year == year).filter(\.$title == title).count() > 0
        {
            errors["title"] = request.strings.plan.planTaken
        }
        guard errors.isEmpty, let year else {
            return try await page(
                request, planForm: form, itemForm: ItemForm(), errors: errors, status: .unprocessableEntity)
        }
        let actor = Audit.Actor(request)
        let today = request.today
        let plan = WorkPlan()
        (plan.year, plan.title, plan.document, plan.issuedOn) = (
            year, String(title.prefix(200)), String(document.prefix(60)), today.iso
        )
        try await request.db.transaction { db in
            try await plan.create(on: db)
            var copied = 0
            if let source {
                let items = try await PlanItem.query(on: db).filter(\.$planID == source.requireID()).filter(
                    \.$retiredAt == nil
                )
                .sort(\.$position).all()
                let units = try await PlanItemUnit.query(on: db).filter(\.$itemID ~~ items.compactMap(\.id)).all()
                for (position, old) in items.enumerated() {
                    let item = PlanItem()
                    (item.planID, item.section, item.position, item.title) = (
                        try plan.requireID(), old.section, position + 1, old.title
                    )
                    item.deliverables = old.deliverables
                    item.dueOn = LocalDate.parse(old.dueOn).map { WorkPlanAuthoring.nextYear($0).iso } ?? old.dueOn
                    try await item.create(on: db)
                    for unit in units where unit.itemID == old.id {
                        let copy = PlanItemUnit()
                        (copy.itemID, copy.organisationID, copy.isLead) = (
                            try item.requireID(), unit.organisationID, unit.isLead
                        )
                        try await copy.create(on: db)
                    }
                    copied += 1
                }
            }
            let from = source.map { "; \(copied) items copied from plan \($0.id ?? 0)" } ?? ""
            try await Audit.record(
                .create, entity: "work_plan", id: plan.id.map(String.init), summary: "\(year) \(title)\(from)",
                by: actor, on: db)
        }
        return request.redirect(to: SiteURL.planManage.path + "?plan=\(try plan.requireID())")
    }

    // MARK: items

    @Sendable static func addItem(_ request: Request) async throws -> Response {
        guard let plan = try await WorkPlan.find(request.intID(), on: request.db) else { throw AppError(.notFound) }
        let form = try request.content.decode(ItemForm.self)
        let item = form.item
        let known = Set(try await units(request).compactMap(\.id))
        var errors = item.problems.mapValues { message($0, request) }
        if let lead = item.lead, !known.contains(lead) { errors["lead"] = request.strings.plan.leadRequired }
        guard errors.isEmpty, let lead = item.lead else {
            return try await page(
                request, plan: plan, planForm: PlanForm(), itemForm: form, errors: errors, status: .unprocessableEntity)
        }
        let planID = try plan.requireID()
        let actor = Audit.Actor(request)
        try await request.db.transaction { db in
            let last = try await PlanItem.query(on: db).filter(\.$planID == planID).sort(\.$position, .descending)
                .first()
            let row = PlanItem()
            (row.planID, row.position) = (planID, (last?.position ?? 0) + 1)
            try await save(item, lead: lead, known: known, into: row, on: db)
            try await Audit.record(
                .create, entity: "plan_item", id: row.id.map(String.init),
                summary: "\(item.section) \(item.title.prefix(100))",
                by: actor, on: db)
        }
        return request.redirect(to: SiteURL.planManage.path + "?plan=\(planID)")
    }

    /// Items from a spreadsheet, appended in the file's order — all of them or, when any row has a
    /// problem, none, with every problem listed by row and column.
    @Sendable static func importItems(_ request: Request) async throws -> Response {
        guard let plan = try await WorkPlan.find(request.intID(), on: request.db) else { throw AppError(.notFound) }
        let s = request.strings.plan
        func refuse(_ conflicts: [ImportConflict]) async throws -> Response {
            try await page(
                request, plan: plan, planForm: PlanForm(), itemForm: ItemForm(), errors: [:], conflicts: conflicts,
                status: .unprocessableEntity)
        }
        let file = try? request.content.get(File.self, at: "file")
        // A plan is a few hundred rows: a file that inflates past 20 MB is not one.
        guard let file, file.data.readableBytes > 0,
            let sheet = try? Sheet.read(Data(buffer: file.data), maxUnpacked: 20 << 20)
        else {
            return try await refuse([ImportConflict(row: nil, column: nil, code: .notASpreadsheet, message: s.notSheet)]
            )
        }
        let header: HeaderMap
        do { header = try HeaderMap.find(in: sheet, specs: PlanItemRowParser.columns) } catch {
            guard case .missingColumns(let missing) = error else { throw error }
            return try await refuse(
                missing.map { ImportConflict(row: nil, column: $0, code: .missingColumn, message: $0) })
        }
        var directory: [String: Int] = [:]
        let known = try await units(request)
        for unit in known {
            if let id = unit.id {
                for name in [unit.code, unit.nameZh, unit.nameEn] where !name.isEmpty {
                    directory[PlanItemRowParser.key(name)] = id
                }
            }
        }
        let parser = PlanItemRowParser(units: directory)
        var items: [WorkPlanAuthoring.Item] = []
        var conflicts: [ImportConflict] = []
        for row in sheet.rows.dropFirst(header.headerIndex + 1) where !row.isBlank {
            switch parser.parse(row, header: header) {
            case .success(let item): items.append(item)
            case .failure(let found): conflicts += found.conflicts
            }
        }
        guard conflicts.isEmpty else { return try await refuse(conflicts) }
        let parsed = items
        let planID = try plan.requireID()
        let actor = Audit.Actor(request)
        let ids = Set(known.compactMap(\.id))
        try await request.db.transaction { db in
            let last = try await PlanItem.query(on: db).filter(\.$planID == planID).sort(\.$position, .descending)
                .first()
            for (offset, item) in parsed.enumerated() {
                guard let lead = item.lead else { continue }
                let row = PlanItem()
                (row.planID, row.position) = (planID, (last?.position ?? 0) + offset + 1)
                try await save(item, lead: lead, known: ids, into: row, on: db)
            }
            try await Audit.record(
                .create, entity: "plan_item", id: nil, summary: "\(parsed.count) items imported into plan \(planID)",
                by: actor, on: db)
        }
        return request.redirect(to: SiteURL.planManage.path + "?plan=\(planID)")
    }

    /// Writes the item's fields and replaces its units (the lead, then the participants).
    private static func save(
        _ item: WorkPlanAuthoring.Item, lead: Int, known: Set<Int>, into row: PlanItem,
        on db: any Database
    ) async throws {
        (row.section, row.title, row.deliverables) = (
            String(item.section.prefix(40)), String(item.title.prefix(2000)),
            String(item.deliverables.prefix(2000))
        )
        row.dueOn = LocalDate.parse(item.due)?.iso ?? item.due
        try await row.save(on: db)
        let itemID = try row.requireID()
        try await PlanItemUnit.query(on: db).filter(\.$itemID == itemID).delete()
        for (unit, isLead) in [(lead, true)] + item.otherUnits.filter(known.contains).map({ ($0, false) }) {
            let link = PlanItemUnit()
            (link.itemID, link.organisationID, link.isLead) = (itemID, unit, isLead)
            try await link.create(on: db)
        }
    }

    @Sendable static func editItem(_ request: Request) async throws -> Response {
        let item = try await WorkPlanController.item(request)
        let units = try await PlanItemUnit.query(on: request.db).filter(\.$itemID == item.requireID()).all()
        let form = ItemForm(
            section: item.section, title: item.title, deliverables: item.deliverables, due: item.dueOn,
            lead: units.first(where: \.isLead).map { String($0.organisationID) },
            participants: units.filter { !$0.isLead }.map { String($0.organisationID) })
        return try await itemPage(request, item: item, form: form, errors: [:])
    }

    /// `action` = save (the fields) | up | down (its place in the list) | retire.
    @Sendable static func changeItem(_ request: Request) async throws -> Response {
        let row = try await WorkPlanController.item(request)
        let form = try request.content.decode(ItemForm.self)
        let actor = Audit.Actor(request)
        let id = try row.requireID()
        let back = SiteURL.planManage.path + "?plan=\(row.planID)"
        switch form.action {
        case "up", "down":
            try await request.db.transaction { db in
                let active = try await PlanItem.query(on: db).filter(\.$planID == row.planID).filter(
                    \.$retiredAt == nil
                )
                .sort(\.$position).sort(\.$id).all()
                let order = WorkPlanAuthoring.moved(id, up: form.action == "up", in: active.compactMap(\.id))
                for (index, itemID) in order.enumerated() {
                    guard let item = active.first(where: { $0.id == itemID }), item.position != index + 1 else {
                        continue
                    }
                    item.position = index + 1
                    try await item.update(on: db)
                }
                try await Audit.record(
                    .update, entity: "plan_item", id: String(id), summary: "moved \(form.action ?? "")", by: actor,
                    on: db)
            }
        case "retire":
            guard row.retiredAt == nil else { break }
            row.retiredAt = Date()
            try await request.db.transaction { db in
                try await row.update(on: db)
                try await Audit.record(
                    .update, entity: "plan_item", id: String(id), summary: "retired", by: actor, on: db)
            }
        default:
            let item = form.item
            let known = Set(try await units(request).compactMap(\.id))
            var errors = item.problems.mapValues { message($0, request) }
            if let lead = item.lead, !known.contains(lead) { errors["lead"] = request.strings.plan.leadRequired }
            guard errors.isEmpty, let lead = item.lead else {
                return try await itemPage(request, item: row, form: form, errors: errors, status: .unprocessableEntity)
            }
            let before = "\(row.section) \(row.title.prefix(100)) due \(row.dueOn)"
            try await request.db.transaction { db in
                try await save(item, lead: lead, known: known, into: row, on: db)
                try await Audit.record(
                    .update, entity: "plan_item", id: String(id), summary: "edited; was: \(before)", by: actor, on: db)
            }
        }
        return request.redirect(to: back)
    }

    // MARK: pages

    private static func page(
        _ request: Request, plan chosen: WorkPlan? = nil, planForm: PlanForm, itemForm: ItemForm,
        errors: [String: String], conflicts: [ImportConflict] = [],
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let plans = try await WorkPlan.query(on: request.db).sort(\.$year, .descending).sort(\.$id, .descending).all()
        let wanted = request.queryInteger("plan", in: BoundedNumber.ids)
        let plan = chosen ?? plans.first { $0.id == wanted } ?? plans.first
        let items =
            try await plan.asyncMap {
                try await PlanItem.query(on: request.db).filter(\.$planID == $0.requireID())
                    .sort(\.$position).sort(\.$id).all()
            } ?? []
        let links = try await PlanItemUnit.query(on: request.db).filter(\.$itemID ~~ items.compactMap(\.id)).all()
        let names = try await UnitNames.load(links.map(\.organisationID), request)
        let rows = items.map { item in
            WorkPlanEditingPages.Row(
                id: item.id ?? 0, section: item.section, title: item.title, due: item.dueOn,
                lead: names.names(of: links.filter { $0.itemID == item.id && $0.isLead }.map(\.organisationID)),
                retired: item.retiredAt != nil)
        }
        let options = try await units(request).map { (String($0.id ?? 0), $0.name(request.language)) }
        return WorkPlanEditingPages.Manage(
            plans: plans.map { ($0.id ?? 0, "\($0.year) \($0.title)") },
            plan: plan.map { ($0.id ?? 0, $0.title, $0.document) },
            rows: rows, units: options, planForm: planForm, itemForm: itemForm, errors: errors, conflicts: conflicts,
            context: PageContext(request)
        ).response(status: status)
    }

    private static func itemPage(
        _ request: Request, item: PlanItem, form: ItemForm, errors: [String: String],
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let options = try await units(request).map { (String($0.id ?? 0), $0.name(request.language)) }
        return WorkPlanEditingPages.Edit(
            id: try item.requireID(), planID: item.planID, retired: item.retiredAt != nil, units: options,
            form: form, errors: errors, context: PageContext(request)
        ).response(status: status)
    }
}

enum WorkPlanEditingPages {
    struct Row: Sendable {
        var id: Int
        var section, title, due: String
        var lead: [String]
        var retired: Bool
    }

    /// The item's fields, the same when adding and editing.
    static func itemFields(
        _ form: WorkPlanEditing.ItemForm, units: [(String, String)], errors e: [String: String],
        _ s: PlanStrings
    ) -> Node<HTML.FormContext> {
        .group(
            FormFields.input(
                name: "section", label: s.section, value: form.section ?? "", error: e["section"], hint: "三（一）"),
            .div(
                .class(e["title"] == nil ? "field" : "field invalid"), .label(.for("title"), .text(s.item)),
                .textarea(.name("title"), .id("title"), .text(form.title ?? "")),
                .unwrap(e["title"]) { .p(.class("field-error"), .text($0)) }),
            .div(
                .class("field"), .label(.for("deliverables"), .text(s.deliverables)),
                .textarea(.name("deliverables"), .id("deliverables"), .text(form.deliverables ?? ""))),
            FormFields.input(name: "due", label: s.due, type: .date, value: form.due ?? "", error: e["due"]),
            FormFields.select(
                name: "lead", label: s.lead, options: [("", "—")] + units, selected: form.lead, error: e["lead"]),
            FormFields.checkboxes(
                name: "participants", label: s.participants, options: units,
                selected: (form.participants ?? []).compactMap { Int($0) }, error: nil))
    }

    struct Manage: PageView {
        var plans: [(Int, String)]
        var plan: (id: Int, title: String, document: String)?
        var rows: [Row]
        var units: [(String, String)]
        var planForm: WorkPlanEditing.PlanForm
        var itemForm: WorkPlanEditing.ItemForm
        var errors: [String: String]
        /// Why a spreadsheet was refused, row by row.
        var conflicts: [ImportConflict]
        var context: PageContext
        var pageTitle: String { context.strings.plan.manage }

        func content() -> Node<HTML.BodyContext> {
            let s = context.strings.plan
            let active = rows.filter { !$0.retired }
            let retired = rows.filter(\.retired)
            return .group(
                .section(
                    .class("card"),
                    .h1(.text(s.manage)),
                    .p(
                        .class("toolbar"),
                        .forEach(plans) { id, label in
                            .group(.a(.href(SiteURL.planManage.path + "?plan=\(id)"), .text(label)), .text(" "))
                        }),
                    .unwrap(plan) { plan in
                        .group(
                            .h2(.text(plan.title)), .p(.class("muted"), .text(plan.document)),
                            table(active, movable: true, s),
                            .if(!retired.isEmpty, .group(.h2(.text(s.retiredItems)), table(retired, movable: false, s)))
                        )
                    }),
                .unwrap(plan) { plan in
                    .section(
                        .class("card narrow"),
                        .h2(.text(s.addItem)),
                        .form(
                            .method(.post), .action(SiteURL.planItems(plan.id).path), .novalidate(), csrfField(),
                            WorkPlanEditingPages.itemFields(itemForm, units: units, errors: errors, s),
                            .button(.type(.submit), .class("button"), .text(s.addItem))))
                },
                .unwrap(plan) { importForm($0.id) },
                newPlan())
        }

        private func table(_ rows: [Row], movable: Bool, _ s: PlanStrings) -> Node<HTML.BodyContext> {
            .div(
                .class("table-wrap"),
                .table(
                    .class("list"), .id(movable ? "plan-edit-items" : "plan-retired-items"),
                    .thead(
                        .tr(.th(.text(s.section)), .th(.text(s.item)), .th(.text(s.lead)), .th(.text(s.due)), .th())),
                    .tbody(
                        .forEach(rows) { row in
                            .tr(
                                .td(.text(row.section)), .td(.text(String(row.title.prefix(80)))),
                                .td(.text(row.lead.joined(separator: context.strings.listSeparator))),
                                .td(.text(row.due)),
                                .td(
                                    .a(.href(SiteURL.editPlanItem(row.id).path), .text(s.edit)),
                                    .if(
                                        movable,
                                        .form(
                                            .method(.post), .action(SiteURL.editPlanItem(row.id).path),
                                            .class("inline"), csrfField(),
                                            .button(
                                                .type(.submit), .name("action"), .value("up"),
                                                .class("button secondary small"), .text(s.up)),
                                            .button(
                                                .type(.submit), .name("action"), .value("down"),
                                                .class("button secondary small"), .text(s.down))))))
                        })))
        }

        private func importForm(_ planID: Int) -> Node<HTML.BodyContext> {
            let s = context.strings.plan
            return .section(
                .class("card narrow"), .id("plan-import"),
                .h2(.text(s.importTitle)),
                .if(
                    !conflicts.isEmpty,
                    .group(
                        .p(.class("alert"), .attribute(named: "role", value: "alert"), .text(s.importConflicts)),
                        .div(
                            .class("table-wrap"),
                            .table(
                                .class("list"), .id("plan-import-conflicts"),
                                .thead(.tr(.th(.text(s.row)), .th(.text(s.column)), .th())),
                                .tbody(
                                    .forEach(conflicts) { c in
                                        .tr(
                                            .td(.text(c.row.map(String.init) ?? "—")), .td(.text(c.column ?? "—")),
                                            .td(.text(c.message)))
                                    }))))),
                .form(
                    .method(.post), .action(SiteURL.planImport(planID).path), .enctype(.multipartData), csrfField(),
                    .div(
                        .class(conflicts.isEmpty ? "field" : "field invalid"),
                        .label(.for("plan-file"), .text(s.importTitle)),
                        .input(
                            .type(.file), .name("file"), .id("plan-file"),
                            .attribute(named: "accept", value: ".xlsx,.csv")),
                        .p(.class("muted small"), .text(s.importHint))),
                    .button(.type(.submit), .class("button secondary"), .text(s.importButton))))
        }

        private func newPlan() -> Node<HTML.BodyContext> {
            let s = context.strings.plan
            let f = planForm
            let e = errors
            return .section(
                .class("card narrow"),
                .h2(.text(s.newPlan)),
                .form(
                    .method(.post), .action(SiteURL.planManage.path), .novalidate(), csrfField(),
                    FormFields.input(name: "year", label: s.year, value: f.year ?? "", error: e["year"], hint: "2015"),
                    FormFields.input(name: "title", label: s.planTitle, value: f.title ?? "", error: e["title"]),
                    FormFields.input(
                        name: "document", label: s.document, value: f.document ?? "", error: e["document"]),
                    .unwrap(e["action"]) { .p(.class("field-error"), .text($0)) },
                    .p(.class("muted small"), .text(s.copyHint)),
                    .p(
                        .class("toolbar"),
                        .button(.type(.submit), .name("action"), .value("create"), .class("button"), .text(s.create)),
                        .text(" "),
                        .button(
                            .type(.submit), .name("action"), .value("copy"), .class("button secondary"),
                            .text(s.copyLast)))))
        }
    }

    struct Edit: PageView {
        var id, planID: Int
        var retired: Bool
        var units: [(String, String)]
        var form: WorkPlanEditing.ItemForm
        var errors: [String: String]
        var context: PageContext
        var pageTitle: String { context.strings.plan.edit }

        func content() -> Node<HTML.BodyContext> {
            let s = context.strings.plan
            return .section(
                .class("card narrow"),
                .h1(.text(s.edit + " " + (form.section ?? ""))),
                .if(retired, .p(.class("alert"), .text(s.retired))),
                .form(
                    .method(.post), .action(SiteURL.editPlanItem(id).path), .novalidate(), csrfField(),
                    WorkPlanEditingPages.itemFields(form, units: units, errors: errors, s),
                    .p(
                        .class("toolbar"),
                        .button(.type(.submit), .name("action"), .value("save"), .class("button"), .text(s.save)),
                        .text(" "),
                        .if(
                            !retired,
                            .button(
                                .type(.submit), .name("action"), .value("retire"), .class("button danger"),
                                .text(s.retire))))),
                .p(.a(.href(SiteURL.planManage.path + "?plan=\(planID)"), .text(s.back))))
        }
    }
}
