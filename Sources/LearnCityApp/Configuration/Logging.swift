import Foundation
import Logging

/// Log output: readable lines on a terminal, one JSON object per line in production
/// (`LEARNCITY_LOG_FORMAT=json`), for log collectors.
public enum LogSetup {
    public static func bootstrap(json: Bool, level: Logger.Level) {
        LoggingSystem.bootstrap { label in
            if json { return JSONLogHandler(label: label, logLevel: level) }
            var handler = StreamLogHandler.standardOutput(label: label)
            handler.logLevel = level
            return handler
        }
    }
}

/// Writes `{"time":…,"level":…,"label":…,"message":…,…metadata}` lines to standard output.
struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]

    init(label: String, logLevel: Logger.Level) {
        self.label = label
        self.logLevel = logLevel
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var pairs: [(String, JSONValue)] = [
            ("time", .string(ISO8601DateFormatter().string(from: Date()))),
            ("level", .string(event.level.rawValue)),
            ("label", .string(label)),
            ("message", .string(event.message.description)),
        ]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }).sorted(by: { $0.key < $1.key }) {
            pairs.append((key, .string(value.description)))
        }
        let line = JSONValue.object(pairs).serialized() + "\n"
        FileHandle.standardOutput.write(Data(line.utf8))
    }
}
