import Vapor

/// Every route of LearnCity, with who may use it. Capabilities add their routes here.
enum Routes {
    static func registry() -> RouteRegistry {
        var registry = RouteRegistry()
        // Portal and accounts (HTML)
        registry.add(.GET, .home, access: .anyone, handler: PortalController.home)
        registry.add(.GET, .signIn, access: .anyone, handler: SignInController.show)
        registry.add(.POST, .signIn, access: .anyone, handler: SignInController.submit)
        registry.add(.POST, .signOut, access: .signedIn, handler: SignInController.signOut)
        registry.add(.GET, .workspace, access: .signedIn, handler: SignInController.workspace)

        // JSON API (described in the OpenAPI document)
        registry.add(.GET, .apiIndicators, access: .anyone, api: IndicatorsAPI.doc, handler: IndicatorsAPI.get)
        registry.add(.GET, .apiRegions, access: .anyone, api: NetworkAPI.regionsDoc, handler: NetworkAPI.regions)
        registry.add(.GET, .apiOrganisations, access: .anyone, api: NetworkAPI.organisationsDoc, handler: NetworkAPI.organisations)
        registry.add(.GET, .apiMe, access: .signedIn, api: AccountsAPI.meDoc, handler: AccountsAPI.me)

        // Infrastructure
        registry.add(.GET, .openAPI, access: .anyone, handler: OpenAPIController.document)
        registry.add(.GET, .healthz, access: .anyone, handler: HealthController.healthz)
        registry.add(.GET, .metrics, access: .anyone, handler: HealthController.metrics)
        registry.add(.GET, .asset(""), access: .anyone, handler: AssetController.serve)
        return registry
    }
}

/// Serves `/api/openapi.json`, built from the registry.
enum OpenAPIController {
    @Sendable static func document(_ request: Request) async throws -> Response {
        let document = OpenAPIDocument.make(from: request.application.learnCity.registry, version: LearnCity.version)
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(string: document.serialized()))
    }
}
