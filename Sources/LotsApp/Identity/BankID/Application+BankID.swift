import AsyncHTTPClient
import NIOSSL
import Vapor

extension Application {
    private struct LiveBankIDHTTPClientKey: StorageKey { typealias Value = HTTPClient }

    /// The BankID client: BankID itself over mutual TLS, or this server's own BankID test server.
    var bankIDClient: BankIDClient {
        switch config.bankID {
        case .testServer:
            return BankIDClient(baseURL: SiteRoute.bankIDTestBaseURL(origin: localOrigin), httpClient: http.client.shared)
        case .live(let url, _, _, _):
            return BankIDClient(baseURL: url, httpClient: required(LiveBankIDHTTPClientKey.self, "the BankID HTTP client"))
        }
    }

    /// Where this process answers HTTP on the loopback interface, for calling its own test server.
    var localOrigin: String {
        let configured = http.server.configuration
        let port = http.server.shared.localAddress?.port ?? configured.port
        let host = ["0.0.0.0", "::", ""].contains(configured.hostname) ? "127.0.0.1" : configured.hostname
        return "http://\(host):\(port)"
    }

    /// Builds the mutual-TLS client for live BankID: the organisation's PKCS#12 certificate, and BankID's CA
    /// as the only trusted root.
    func configureLiveBankID() async throws {
        guard case .live(_, let certificateFile, let passphrase, let trustRootFile) = config.bankID else { return }
        var tls = TLSConfiguration.makeClientConfiguration()
        do {
            let bundle = try NIOSSLPKCS12Bundle(file: certificateFile, passphrase: Array(passphrase.utf8))
            tls.certificateChain = bundle.certificateChain.map { .certificate($0) }
            tls.privateKey = .privateKey(bundle.privateKey)
            tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(trustRootFile))
        } catch {
            throw AppConfigError(problems: [.init(setting: "LOTS_BANKID_CERT_FILE", message: "the BankID certificate or CA cannot be loaded (wrong passphrase or format?)")])
        }
        let client = HTTPClient(eventLoopGroup: eventLoopGroup, configuration: .init(tlsConfiguration: tls))
        await storage.setWithAsyncShutdown(LiveBankIDHTTPClientKey.self, to: client) { try? await $0.shutdown() }
    }
}
