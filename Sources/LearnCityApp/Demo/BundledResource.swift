import Foundation

/// Files shipped inside the app target (`Sources/LearnCityApp/Resources`).
enum BundledResource {
    static func url(_ relativePath: String) -> URL? {
        // Foundation on Linux reports the bundle itself or its Resources folder as the resource
        // URL depending on the version; look in both.
        let bases = [Bundle.module.bundleURL, Bundle.module.resourceURL].compactMap { $0 }
        for base in bases {
            for folder in ["Resources", ""] {
                let url = base.appendingPathComponent(folder).appendingPathComponent(relativePath)
                if FileManager.default.fileExists(atPath: url.path) { return url }
            }
        }
        return nil
    }

    static func data(_ relativePath: String) throws -> Data {
        guard let url = url(relativePath) else { throw StartupError("缺少内置文件 / missing bundled file \(relativePath): reinstall LearnCity") }
        return try Data(contentsOf: url)
    }
}
