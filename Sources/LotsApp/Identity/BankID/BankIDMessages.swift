import Foundation

/// The RP API v6 request and response bodies Lots uses (`/auth`, `/collect`, `/cancel`).
enum BankIDAPI {
    struct AuthRequest: Codable, Sendable, Equatable {
        var endUserIp: String
        var returnUrl: String?
        var requirement: Requirement?

        struct Requirement: Codable, Sendable, Equatable {
            var pinCode: Bool?
            var personalNumber: String?
        }
    }

    struct AuthResponse: Codable, Sendable, Equatable {
        var orderRef: String
        var autoStartToken: String
        var qrStartToken: String
        var qrStartSecret: String
    }

    struct OrderRequest: Codable, Sendable, Equatable {
        var orderRef: String
    }

    enum Status: String, Codable, Sendable {
        case pending, failed, complete
    }

    struct CollectResponse: Codable, Sendable, Equatable {
        var orderRef: String
        var status: Status
        var hintCode: String?
        var completionData: CompletionData?
    }

    struct CompletionData: Codable, Sendable, Equatable {
        var user: User
        var device: Device?
        var bankIdIssueDate: String?
        var signature: String?
        var ocspResponse: String?

        struct User: Codable, Sendable, Equatable {
            var personalNumber: String
            var name: String
            var givenName: String
            var surname: String
        }

        struct Device: Codable, Sendable, Equatable {
            var ipAddress: String
            var uhi: String?
        }
    }

    struct ErrorResponse: Codable, Sendable, Equatable {
        var errorCode: String
        var details: String
    }
}
