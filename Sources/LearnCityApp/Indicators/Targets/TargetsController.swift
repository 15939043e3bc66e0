import Fluent
import Foundation
import LearnCityCore
import Vapor

/// Targets per indicator, year and region (a county sets its own), population denominators
/// (edited or imported from a file), baseline figures for years without records, and new
/// indicators (the city office), whose figures are counted at once from the stored records.
enum TargetsController {
    struct Form: Content {
        var action: String?
        var indicator: String?
        var region: String?
        var year: String?
        var value: String?
        var residents: String?
        var employed: String?
        var source: String?
        // a new indicator
        var code: String?
        var nameZh: String?
        var nameEn: String?
        var unit: String?
        var criteria: [String]?
        var employedOnly: String?
        var headcount: String?
        var denominator: String?
        var file: File?
    }

    @Sendable static func page(_ request: Request) async throws -> Response {
        try await render(request, errors: [:], notice: nil)
    }

    @Sendable static func change(_ request: Request) async throws -> Response {
        let form = try request.content.decode(Form.self)
        let scope = try await request.accountScope()
        let s = request.strings.targets
        let actor = Audit.Actor(request)
        var errors: [String: String] = [:]
        let region = form.region.flatMap(RegionCode.init)
        let year = BoundedNumber.integer(form.year, in: BoundedNumber.years)
        func inScope(_ region: RegionCode?) -> Bool { scope.everything || (region != nil && scope.includesRegion(region)) }
        switch form.action {
        case "target", "baseline":
            let value = form.value.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            let indicator = try await form.indicator.asyncMap { try await Indicator.find($0, on: request.db) } ?? nil
            if indicator == nil { errors["indicator"] = request.strings.fieldRequired }
            if !inScope(region) { errors["region"] = request.strings.registry.regionOutOfScope }
            if year == nil || !(1990...2100).contains(year!) { errors["year"] = s.yearInvalid }
            if value == nil || value! < 0 || (indicator?.definition.unit == .rate && value! > 1) { errors["value"] = s.valueInvalid }
            guard errors.isEmpty, let indicator, let region, let year, let value else { break }
            let code = try indicator.requireID()
            try await request.db.transaction { db in
                if form.action == "target" {
                    let target = try await IndicatorTarget.query(on: db).filter(\.$indicatorCode == code).filter(\.$year == year)
                        .filter(\.$regionCode == region.rawValue).first() ?? IndicatorTarget(indicatorCode: code, year: year, regionCode: region.rawValue, value: value)
                    target.value = value
                    try await target.save(on: db)
                } else {
                    let baseline = try await BaselineFigure.query(on: db).filter(\.$indicatorCode == code).filter(\.$year == year)
                        .filter(\.$regionCode == region.rawValue).first() ?? BaselineFigure()
                    (baseline.indicatorCode, baseline.year, baseline.regionCode, baseline.value) = (code, year, region.rawValue, value)
                    baseline.source = String((form.source ?? "").prefix(200))
                    try await baseline.save(on: db)
                }
                try await Audit.record(.update, entity: form.action ?? "", id: code, summary: "\(region.rawValue) \(year): \(value)", by: actor, on: db)
            }
            return try await render(request, errors: [:], notice: s.saved)
        case "population":
            let residents = BoundedNumber.integer(form.residents, in: BoundedNumber.counts)
            let employed = BoundedNumber.integer(form.employed, in: BoundedNumber.counts)
            if !inScope(region) { errors["region"] = request.strings.registry.regionOutOfScope }
            if year == nil || !(1990...2100).contains(year!) { errors["year"] = s.yearInvalid }
            if residents == nil || residents! <= 0 { errors["residents"] = s.valueInvalid }
            if employed == nil || employed! < 0 || (residents != nil && employed! > residents!) { errors["employed"] = s.employedInvalid }
            guard errors.isEmpty, let region, let year, let residents, let employed else { break }
            try await PopulationService.save([(region, year, residents, employed, form.source ?? "")], actor: actor, on: request.db)
            return try await render(request, errors: [:], notice: s.saved)
        case "populationFile":
            guard let file = form.file, file.data.readableBytes > 0 else { errors["file"] = request.strings.imports.chooseFile; break }
            do {
                let rows = try PopulationService.parse(Data(buffer: file.data), regions: try await regionLookup(request))
                guard rows.allSatisfy({ inScope($0.0) }) else { errors["file"] = request.strings.registry.regionOutOfScope; break }
                try await PopulationService.save(rows, actor: actor, on: request.db)
                return try await render(request, errors: [:], notice: s.imported(rows.count))
            } catch let problem as PopulationService.Problem {
                errors["file"] = problem.message
            }
        case "indicator":
            guard scope.everything else { throw AppError(.notFound) }
            let code = (form.code ?? "").trimmingCharacters(in: .whitespaces).uppercased()
            let criteria = (form.criteria ?? []).compactMap { pair -> (RecordKind, RecordStatus)? in
                let parts = pair.split(separator: ":").map(String.init)
                guard parts.count == 2, let kind = RecordKind(rawValue: parts[0]), let status = RecordStatus(rawValue: parts[1]),
                      kind.statuses.contains(status) else { return nil }
                return (kind, status)
            }
            let grouped = Dictionary(grouping: criteria, by: \.0).map { kind, pairs in
                IndicatorDefinition.Criterion(kind: kind, statuses: pairs.map(\.1))
            }.sorted { $0.kind.rawValue < $1.kind.rawValue }
            let unit = form.unit.flatMap(IndicatorDefinition.Unit.init(rawValue:)) ?? .personTimes
            let definition = IndicatorDefinition(
                code: code, nameZh: (form.nameZh ?? "").trimmingCharacters(in: .whitespaces),
                nameEn: (form.nameEn ?? "").trimmingCharacters(in: .whitespaces), unit: unit, criteria: grouped,
                employedOnly: form.employedOnly != nil, includesActivityHeadcount: form.headcount != nil,
                denominator: unit == .rate ? form.denominator.flatMap(IndicatorDefinition.Denominator.init(rawValue:)) ?? .residents : nil)
            if code.isEmpty || code.count > 12 || !code.allSatisfy({ $0.isLetter || $0.isNumber }) { errors["code"] = s.codeInvalid }
            else if try await Indicator.find(code, on: request.db) != nil { errors["code"] = s.codeTaken }
            if definition.nameZh.isEmpty { errors["nameZh"] = request.strings.fieldRequired }
            if grouped.isEmpty { errors["criteria"] = s.criteriaRequired }
            else if !definition.problems.isEmpty { errors["criteria"] = definition.problems.joined(separator: "; ") }
            guard errors.isEmpty else { break }
            let position = (try await Indicator.query(on: request.db).sort(\.$position, .descending).first()?.position ?? 0) + 1
            try await request.db.transaction { db in
                try await Indicator(definition: definition, position: position).create(on: db)
                try await RecordLedger.rebuild([definition], on: db)
                try await Audit.record(.create, entity: "indicator", id: code, summary: definition.nameZh, by: actor, on: db)
            }
            return try await render(request, errors: [:], notice: s.saved)
        default:
            throw AppError(.badRequest)
        }
        return try await render(request, errors: errors, notice: nil, form: form, status: .unprocessableEntity)
    }

    static func regionLookup(_ request: Request) async throws -> RegionLookup {
        let regions = try await Region.query(on: request.db).filter(\.$level >= 2).all()
        return RegionLookup(regions: regions.compactMap { r in r.code.map { ($0, r.nameZh, r.nameEn) } })
    }

    private static func render(_ request: Request, errors: [String: String], notice: String?, form: Form? = nil,
                               status: HTTPResponseStatus = .ok) async throws -> Response {
        let scope = try await request.accountScope()
        let today = request.today
        var year = try await IndicatorQueries.defaultYear(notAfter: today.year, on: request.db)
        if let asked = request.queryInteger("year", in: 1990...2100) { year = asked }
        let regions = try await Region.query(on: request.db).filter(\.$level >= 2).sort(\.$id).all()
            .filter { scope.everything || scope.includesRegion($0.code) }
        let names = Dictionary(uniqueKeysWithValues: regions.map { ($0.id ?? "", $0.name(request.language)) })
        let indicators = try await Indicator.query(on: request.db).sort(\.$position).all()
        func shown(_ code: String) -> Bool { names[code] != nil }
        let model = TargetsPage.Model(
            year: year, canAddIndicator: scope.everything,
            indicators: indicators.map { ($0.id ?? "", "\($0.id ?? "") " + ($0.definition.nameZh)) },
            regions: regions.map { ($0.id ?? "", $0.name(request.language)) },
            targets: try await IndicatorTarget.query(on: request.db).filter(\.$year == year).sort(\.$indicatorCode).sort(\.$regionCode).all()
                .filter { shown($0.regionCode) }.map { ($0.indicatorCode, names[$0.regionCode] ?? $0.regionCode, $0.value) },
            populations: try await Population.query(on: request.db).filter(\.$year == year).sort(\.$regionCode).all()
                .filter { shown($0.regionCode) }.map { (names[$0.regionCode] ?? $0.regionCode, $0.residents, $0.employed, $0.source) },
            baselines: try await BaselineFigure.query(on: request.db).sort(\.$year).sort(\.$indicatorCode).all()
                .filter { shown($0.regionCode) }.map { ($0.indicatorCode, $0.year, names[$0.regionCode] ?? $0.regionCode, $0.value, $0.source) },
            form: form ?? Form(), errors: errors, notice: notice)
        return TargetsPage.View(model: model, context: PageContext(request)).response(status: status)
    }
}

/// Population denominators: saving (one upsert per region and year, audited) and reading them
/// from a file (区县, 年度, 常住人口, 从业人员, 来源).
enum PopulationService {
    struct Problem: Error { var message: String }

    static let columns = [
        ColumnSpec("region", ["区县", "区域", "region"], required: true), ColumnSpec("year", ["年度", "年份", "year"], required: true),
        ColumnSpec("residents", ["常住人口", "residents"], required: true), ColumnSpec("employed", ["从业人员", "employed"], required: true),
        ColumnSpec("source", ["来源", "数据来源", "source"]),
    ]

    static func parse(_ data: Data, regions: RegionLookup) throws -> [(RegionCode, Int, Int, Int, String)] {
        let sheet: Sheet
        do { sheet = try Sheet.read(data) } catch { throw Problem(message: "不是 CSV 或 XLSX 表格 / not a CSV or XLSX spreadsheet") }
        let header: HeaderMap
        do { header = try HeaderMap.find(in: sheet, specs: columns) } catch {
            throw Problem(message: "缺少列：区县、年度、常住人口、从业人员 / missing columns: region, year, residents, employed")
        }
        var rows: [(RegionCode, Int, Int, Int, String)] = []
        for row in sheet.rows.dropFirst(header.headerIndex + 1) where !row.isBlank {
            guard let region = regions.find(header.value("region", in: row)),
                  let year = BoundedNumber.integer(header.value("year", in: row), in: 1990...2100),
                  let residents = BoundedNumber.integer(header.value("residents", in: row), in: 1...BoundedNumber.limit),
                  let employed = BoundedNumber.integer(header.value("employed", in: row), in: 0...residents) else {
                throw Problem(message: "第 \(row.line) 行有误，未导入任何数据 / row \(row.line) is not valid; nothing was imported")
            }
            rows.append((region, year, residents, employed, header.value("source", in: row)))
        }
        guard !rows.isEmpty else { throw Problem(message: "文件没有数据 / the file has no data") }
        return rows
    }

    static func save(_ rows: [(RegionCode, Int, Int, Int, String)], actor: Audit.Actor, on database: any Database) async throws {
        try await database.transaction { db in
            for (region, year, residents, employed, source) in rows {
                let population = try await Population.query(on: db).filter(\.$regionCode == region.rawValue).filter(\.$year == year).first()
                    ?? Population(regionCode: region.rawValue, year: year, residents: residents, employed: employed, source: source)
                (population.residents, population.employed) = (residents, employed)
                population.source = String(source.prefix(200))
                try await population.save(on: db)
            }
            try await Audit.record(.update, entity: "population", summary: "\(rows.count) region-years", by: actor, on: db)
        }
    }
}
