import AsyncHTTPClient
import Foundation
import NIOSSL
import Testing
import VaporTesting
@testable import LotsApp

/// The live BankID client's transport: mutual TLS with the organisation's PKCS#12 certificate, and only
/// BankID's CA trusted. BankID itself cannot be reached from here, so Lots's BankID test server plays it
/// behind a real TLS server that demands a client certificate from the relying parties' CA, with
/// certificates made by openssl for each run.
@Suite(.serialized) struct BankIDMutualTLSTests {
    /// Certificates as BankID's set-up has them: a CA for BankID's server, a CA issuing relying parties'
    /// client certificates, the relying party's certificate as PKCS#12, and an impostor's CA and server.
    struct Certificates {
        let directory: String
        var serverCA: String { directory + "/bankid-ca.pem" }
        var serverChain: String { directory + "/server.pem" }
        var serverKey: String { directory + "/server.key" }
        var clientCA: String { directory + "/rp-ca.pem" }
        var clientBundle: String { directory + "/rp.p12" }
        var impostorCA: String { directory + "/impostor-ca.pem" }
        static let passphrase = "qwerty123"

        init() throws {
            directory = NSTemporaryDirectory() + "lots-bankid-tls-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try authority("bankid-ca", "Test BankID Root CA")
            try authority("rp-ca", "Test BankID RP CA")
            try authority("impostor-ca", "Someone Else's CA")
            try issue("server", by: "bankid-ca", subject: "127.0.0.1", extensions: "subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth")
            try issue("rp", by: "rp-ca", subject: "Exempelmissionen RP", extensions: "extendedKeyUsage=clientAuth")
            try openssl(["pkcs12", "-export", "-inkey", "rp.key", "-in", "rp.pem", "-certfile", "rp-ca.pem", "-out", "rp.p12",
                         "-passout", "pass:" + Self.passphrase])
        }

        func remove() { try? FileManager.default.removeItem(atPath: directory) }

        private func authority(_ name: String, _ commonName: String) throws {
            try openssl(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", name + ".key",
                         "-out", name + ".pem", "-days", "2", "-subj", "/CN=" + commonName])
        }

        private func issue(_ name: String, by ca: String, subject: String, extensions: String) throws {
            try openssl(["req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", name + ".key",
                         "-out", name + ".csr", "-subj", "/CN=" + subject])
            try Data(extensions.utf8).write(to: URL(fileURLWithPath: directory + "/" + name + ".ext"))
            try openssl(["x509", "-req", "-in", name + ".csr", "-CA", ca + ".pem", "-CAkey", ca + ".key", "-CAcreateserial",
                         "-out", name + ".pem", "-days", "2", "-extfile", name + ".ext"])
        }

        private func openssl(_ arguments: [String]) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["openssl"] + arguments
            process.currentDirectoryURL = URL(fileURLWithPath: directory)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { throw OpenSSLFailed(arguments: arguments) }
        }
    }

    struct OpenSSLFailed: Error { var arguments: [String] }

    /// Runs `body` with a BankID test server listening with TLS on a loopback port that requires a client
    /// certificate issued by the relying parties' CA.
    func withTLSBankID(_ certificates: Certificates, _ body: (Int) async throws -> Void) async throws {
        try await withLotsApp { bankID in
            var tls = TLSConfiguration.makeServerConfiguration(
                certificateChain: try NIOSSLCertificate.fromPEMFile(certificates.serverChain).map { .certificate($0) },
                privateKey: .privateKey(try NIOSSLPrivateKey(file: certificates.serverKey, format: .pem)))
            tls.certificateVerification = .noHostnameVerification
            tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(certificates.clientCA))
            bankID.http.server.configuration.tlsConfiguration = tls
            try await bankID.server.start(address: .hostname("127.0.0.1", port: 0))
            let port = try #require(bankID.http.server.shared.localAddress?.port)
            do { try await body(port) } catch {
                await bankID.server.shutdown()
                throw error
            }
            await bankID.server.shutdown()
        }
    }

    func live(_ port: Int, _ certificates: Certificates, passphrase: String = Certificates.passphrase, trust: String? = nil) -> AppConfig.BankIDSetting {
        .live(url: "https://127.0.0.1:\(port)" + SiteRoute.bankIDTestBaseURL(origin: ""), certificateFile: certificates.clientBundle,
              passphrase: passphrase, trustRootFile: trust ?? certificates.serverCA)
    }

    @Test func theLiveClientSignsOrdersOverMutualTLSWithThePinnedCA() async throws {
        let certificates = try Certificates()
        defer { certificates.remove() }
        try await withTLSBankID(certificates) { port in
            // The configured client: the organisation's certificate, BankID's CA pinned.
            try await withLotsApp(configure: { $0.bankID = live(port, certificates) }) { app in
                let order = try await app.bankIDClient.auth(.init(endUserIp: "192.0.2.10"))
                #expect(!order.orderRef.isEmpty && !order.qrStartSecret.isEmpty)
                let collected = try await app.bankIDClient.collect(orderRef: order.orderRef)
                #expect(collected.status == .pending)
            }

            // The same client trusting another CA refuses BankID's server: only the pinned CA counts.
            try await withLotsApp(configure: { $0.bankID = live(port, certificates, trust: certificates.impostorCA) }) { app in
                await #expect(throws: BankIDError.self) { try await app.bankIDClient.auth(.init(endUserIp: "192.0.2.10")) }
            }

            // Without a client certificate the server does not answer: the success above was the certificate's doing.
            var anonymous = TLSConfiguration.makeClientConfiguration()
            anonymous.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(certificates.serverCA))
            let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(tlsConfiguration: anonymous))
            let client = BankIDClient(baseURL: "https://127.0.0.1:\(port)" + SiteRoute.bankIDTestBaseURL(origin: ""), httpClient: http)
            await #expect(throws: BankIDError.self) { try await client.auth(.init(endUserIp: "192.0.2.10")) }
            try await http.shutdown()
        }
    }

    @Test func aWrongPassphraseStopsStartUpWithAClearMessage() async throws {
        let certificates = try Certificates()
        defer { certificates.remove() }
        do {
            try await withLotsApp(configure: { $0.bankID = live(443, certificates, passphrase: "not-it") }) { _ in
                Issue.record("Lots started with a certificate it cannot open")
            }
        } catch let error as AppConfigError {
            #expect(error.problems.map(\.setting) == ["LOTS_BANKID_CERT_FILE"])
        }
    }
}
