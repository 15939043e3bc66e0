import ArgumentParser
import Foundation
import LearnCityApp

struct Indicators: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Indicator values and targets for a year (JSON of design.md §4 with --json).")

    @Option(help: "Calendar year.") var year: Int?
    @Option(help: "GB/T 2260 region code; the city when omitted.") var region: String?
    @Flag(help: "Print JSON.") var json = false
    @Flag(help: "Count every indicator again from the stored records (repair, or after loading records by other means).")
    var rebuild = false

    func run() async throws {
        let (year, region, json, rebuild) = (year, region, json, rebuild)
        if rebuild {
            let counted = try await AppRunner.run { app in try await LearnCity.rebuildIndicators(app) }
            print("重新统计了 \(counted) 个指标 / rebuilt \(counted) indicators from the stored records")
            if year == nil { return }
        }
        guard let year else { throw CommandFailure(message: "--year is required", status: 1) }
        let output = try await AppRunner.run { app in
            try await LearnCity.indicatorReport(app, year: year, region: region, json: json)
        }
        print(output)
    }
}
