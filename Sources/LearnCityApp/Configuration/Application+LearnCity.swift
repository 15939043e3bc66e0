import Vapor

extension Application {
    /// LearnCity's own state on the Vapor application.
    struct LearnCityState: Sendable {
        var config: AppConfig
        var registry: RouteRegistry
        var vault: PersonalDataVault
        /// How identity and reset codes reach citizens (in person today).
        var codeDelivery: any CodeDelivery = InPersonDelivery()
        /// Imports running in the background for the browser.
        var importJobs = ImportJobs()
    }

    private struct LearnCityKey: StorageKey { typealias Value = LearnCityState }

    var learnCity: LearnCityState {
        get {
            guard let state = storage[LearnCityKey.self] else { fatalError("LearnCity.configure(_:) has not run") }
            return state
        }
        set { storage[LearnCityKey.self] = newValue }
    }
}
