import Fluent
import Vapor

/// `lots token create --organisation SLUG --scope SCOPE[,SCOPE] [--expires DAYS] [--name NAME]` prints a new
/// token once; `lots token list --organisation SLUG` and `lots token revoke --organisation SLUG --id ID`.
struct TokenCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "create, list or revoke")
        var action: String
        @Option(name: "organisation", help: "The organisation's slug.")
        var organisation: String?
        @Option(name: "scope", help: "Comma-separated scopes: \(APIScope.allCases.map(\.rawValue).joined(separator: ", ")).")
        var scope: String?
        @Option(name: "expires", help: "Days until the token expires (1–365, default 90).")
        var expires: Int?
        @Option(name: "name", help: "What the integration is (default: the scopes).")
        var name: String?
        @Option(name: "id", help: "The token's id (for revoke).")
        var id: String?
    }

    var help: String { "Creates, lists and revokes API tokens of service accounts." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.migrateAndTune()
        guard let slug = signature.organisation,
              let organisation = try await Organisation.query(on: app.db).filter(\.$slug == slug).first() else {
            throw TokenCommandError.unknownOrganisation(signature.organisation ?? "")
        }
        let organisationID = try organisation.requireID()
        let service = APIClientService(clock: app.clock, audit: app.auditLog)
        switch signature.action {
        case "create":
            let scopes = try APIClientService.parseScopes(signature.scope ?? "")
            let (token, client) = try await service.create(
                organisationID: organisationID, name: signature.name ?? scopes.map(\.rawValue).joined(separator: " "),
                scopes: scopes, days: signature.expires ?? 90, createdBy: nil, on: app.db)
            context.console.output("Token for \(client.name) (\(client.scopes)), expires \(client.expiresAt.formatted(.iso8601)):".consoleText())
            context.console.output(token.consoleText())
            context.console.output("It is shown only now; Lots keeps only its hash.".consoleText())
        case "list":
            for client in try await APIClient.query(on: app.db).filter(\.$organisation.$id == organisationID).sort(\.$createdAt).all() {
                let state = client.revokedAt != nil ? "revoked" : (client.expiresAt < app.clock.now() ? "expired" : "active")
                context.console.output("\(try client.requireID()) \(client.tokenPrefix)… \(client.name) [\(client.scopes)] \(state)".consoleText())
            }
        case "revoke":
            guard let id = signature.id.flatMap(UUID.init(uuidString:)) else { throw TokenCommandError.missingID }
            try await service.revoke(id, organisationID: organisationID, by: nil, on: app.db)
            context.console.info("Revoked.")
        default:
            throw TokenCommandError.unknownAction(signature.action)
        }
    }
}

enum TokenCommandError: Error, CustomStringConvertible {
    case unknownOrganisation(String)
    case unknownAction(String)
    case missingID

    var description: String {
        switch self {
        case .unknownOrganisation(let slug): "No organisation has the slug \"\(slug)\"; give --organisation SLUG."
        case .unknownAction(let action): "Unknown action \"\(action)\"; use create, list or revoke."
        case .missingID: "Give the token's id: --id UUID (see lots token list)."
        }
    }
}

extension APIClientService.Failure: CustomStringConvertible {
    var description: String {
        switch self {
        case .nameMissing: "The token needs a name."
        case .noScopes: "Give at least one scope: --scope \(APIScope.allCases.map(\.rawValue).joined(separator: ","))."
        case .unknownScope(let scope): "Unknown scope \"\(scope)\"; scopes are \(APIScope.allCases.map(\.rawValue).joined(separator: ", "))."
        case .invalidLifetime: "--expires must be 1 to \(APIClientService.maximumLifetimeDays) days."
        case .notFound: "No such token in this organisation."
        }
    }
}
