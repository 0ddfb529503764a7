/// Failures talking to BankID. The texts never include personal numbers or names.
enum BankIDError: Error, Sendable, Equatable, SafelyDescribable, TransienceClassifying {
    /// BankID answered with an error code (`alreadyInProgress`, `invalidParameters`, `requestTimeout`, …).
    case rejected(errorCode: String, httpStatus: Int)
    case transport(String)
    case invalidResponse(httpStatus: Int)

    var errorCode: String? {
        if case .rejected(let code, _) = self { return code }
        return nil
    }

    var safeDescription: String {
        switch self {
        case .rejected(let code, let status): "BankID rejected the request: \(code) (\(status))"
        case .transport(let reason): "BankID could not be reached: \(reason)"
        case .invalidResponse(let status): "BankID sent an unreadable response (\(status))"
        }
    }

    var isTransient: Bool {
        switch self {
        case .rejected(let code, _): ["requestTimeout", "maintenance", "internalError", "tooManyRequests"].contains(code)
        case .transport: true
        case .invalidResponse: false
        }
    }
}
