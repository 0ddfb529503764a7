import Fluent
import Foundation
import LotsCore
import Vapor

/// Application documents on the participant's profile: upload, download, share with an employer.
enum DocumentsController {
    private static func ids(_ req: Request) throws -> (participant: UUID, document: UUID?) {
        guard let participant = req.parameters.get("participantID", as: UUID.self) else { throw Abort(.notFound) }
        return (participant, req.parameters.get("documentID", as: UUID.self))
    }

    private static func back(_ req: Request, _ participantID: UUID, _ outcome: String) -> Response {
        req.redirect(to: SiteRoute.participant(.value(participantID)).path + "?document=" + outcome)
    }

    private static func outcome(_ problem: ApplicationDocuments.Problem) throws -> String {
        switch problem {
        case .notFound: throw Abort(.notFound)
        case .noAccess: throw Abort(.forbidden)
        case .empty: "problem_empty"
        case .tooLarge: "problem_too_large"
        case .unsupportedType: "problem_type"
        case .recipientMissing: "problem_recipient"
        case .consentMissing: "problem_consent"
        }
    }

    @Sendable
    static func upload(req: Request) async throws -> Response {
        struct Form: Content {
            var kind: String
            var file: File?
        }
        let (participantID, _) = try ids(req)
        guard let form = try? req.content.decode(Form.self), let kind = ApplicationDocument.Kind(rawValue: form.kind) else {
            return back(req, participantID, "problem_empty")
        }
        do {
            _ = try await req.application.applicationDocuments.upload(
                Data(buffer: form.file?.data ?? ByteBuffer()), fileName: form.file?.filename ?? "", kind: kind, participantID: participantID,
                by: try req.staffActor(), on: req.db)
        } catch let problem as ApplicationDocuments.Problem {
            return back(req, participantID, try outcome(problem))
        }
        return back(req, participantID, "uploaded")
    }

    @Sendable
    static func download(req: Request) async throws -> Response {
        let (participantID, documentID) = try ids(req)
        guard let documentID else { throw Abort(.notFound) }
        do {
            let (data, name, type) = try await req.application.applicationDocuments.open(documentID, participantID: participantID, by: try req.staffActor(), on: req.db)
            return attachment(data, name: name, type: type)
        } catch let problem as ApplicationDocuments.Problem {
            _ = try outcome(problem)
            throw Abort(.notFound)
        }
    }

    /// A participant downloads one of their own documents from their page.
    @Sendable
    static func downloadOwn(req: Request) async throws -> Response {
        guard let session = req.signedIn, session.kind == .participant, let documentID = req.parameters.get("documentID", as: UUID.self) else {
            throw Abort(.notFound)
        }
        do {
            let (data, name, type) = try await req.application.applicationDocuments.openOwn(documentID, participantID: session.accountID,
                                                                                             organisationID: session.organisationID, on: req.db)
            return attachment(data, name: name, type: type)
        } catch is ApplicationDocuments.Problem {
            throw Abort(.notFound)
        }
    }

    static func attachment(_ data: Data, name: String, type: DocumentType) -> Response {
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.replaceOrAdd(name: .contentType, value: type.mediaType)
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        return response
    }

    @Sendable
    static func share(req: Request) async throws -> Response {
        struct Form: Content {
            var recipient: String?
            var consentedOn: String?
            var consent: String?
        }
        let (participantID, documentID) = try ids(req)
        guard let documentID else { throw Abort(.notFound) }
        let form = try? req.content.decode(Form.self)
        let consentedOn = form?.consent == "yes" ? form?.consentedOn.flatMap(CivilDate.init(parsing:)) : nil
        do {
            try await req.application.applicationDocuments.share(documentID, participantID: participantID, recipient: form?.recipient ?? "",
                                                                 consentedOn: consentedOn, by: try req.staffActor(), on: req.db)
        } catch let problem as ApplicationDocuments.Problem {
            return back(req, participantID, try outcome(problem))
        }
        return back(req, participantID, "shared")
    }
}

enum DocumentsSection {
    static func render(_ profile: ParticipantProfile, outcome: String?, context: PageContext) -> Node<HTML.BodyContext> {
        let t = context.texts
        let message: (DocumentText, Bool)? = switch outcome {
        case "uploaded": (.uploaded, true)
        case "shared": (.shared, true)
        case "problem_empty": (.problemEmpty, false)
        case "problem_too_large": (.problemTooLarge, false)
        case "problem_type": (.problemType, false)
        case "problem_recipient": (.problemRecipient, false)
        case "problem_consent": (.problemConsent, false)
        default: nil
        }
        return .section(
            .class("card"), .data(named: "e2e", value: "documents"),
            .h2(.text(t(DocumentText.heading))),
            .unwrap(message) { text, success in
                .p(.class(success ? "alert alert-success" : "alert alert-error"), .attribute(named: "role", value: success ? "status" : "alert"), .text(t(text)))
            },
            .if(profile.documents.isEmpty, .p(.class("muted"), .text(t(DocumentText.none))), else: .ul(
                .class("plain-list"),
                .forEach(profile.documents) { document in
                    .li(
                        .data(named: "document", value: document.id.uuidString.lowercased()),
                        .text(t(kindText(document.kind)) + " " + t(DocumentText.version, ["version": String(document.version)]) + ": "),
                        .if(profile.mayDocument, .a(.href(SiteRoute.participantDocument(.value(profile.id), .value(document.id)).path),
                                                    .attribute(named: "translate", value: "no"), .text(document.fileName)),
                            else: .span(.attribute(named: "translate", value: "no"), .text(document.fileName))),
                        .text(" (\(document.fileType.uppercased()), \(max(1, document.sizeBytes / 1024)) kB) "), Components.time(document.uploadedAt),
                        .forEach(document.disclosures) { disclosure in
                            .p(.class("muted"), .text(t(DocumentText.sharedWith, ["date": disclosure.consentedOn]) + " "),
                               .span(.attribute(named: "translate", value: "no"), .text(disclosure.recipient)))
                        },
                        .if(profile.mayDocument, shareForm(profile.id, document, context))
                    )
                })),
            .if(profile.mayDocument, uploadForm(profile.id, context))
        )
    }

    static func kindText(_ kind: ApplicationDocument.Kind) -> DocumentText {
        switch kind {
        case .cv: .kindCV
        case .coverLetter: .kindCoverLetter
        }
    }

    private static func uploadForm(_ participantID: UUID, _ context: PageContext) -> Node<HTML.BodyContext> {
        let t = context.texts
        return .form(
            .method(.post), .action(SiteRoute.participantDocuments(.value(participantID)).path), .enctype(.multipartData), .class("account-form"),
            .data(named: "e2e", value: "document-upload"),
            Components.csrfField(context.csrfToken),
            .h3(.text(t(DocumentText.uploadHeading))),
            .label(.for("document-kind"), .text(t(DocumentText.kind))),
            .select(.id("document-kind"), .attribute(named: "name", value: "kind"),
                    .forEach(ApplicationDocument.Kind.allCases) { Components.option($0.rawValue, t(kindText($0)), selected: $0 == .cv) }),
            .label(.for("document-file"), .text(t(DocumentText.file)), .span(.class("hint"), .id("document-file-hint"), .text(t(DocumentText.fileHint)))),
            .input(.type(.file), .id("document-file"), .name("file"), .required(true), .attribute(named: "accept", value: ".pdf,.docx,.odt"),
                   .attribute(named: "aria-describedby", value: "document-file-hint")),
            .div(.class("form-actions"), .button(.type(.submit), .class("button"), .text(t(DocumentText.uploadButton))))
        )
    }

    private static func shareForm(_ participantID: UUID, _ document: ApplicationDocuments.Row, _ context: PageContext) -> Node<HTML.BodyContext> {
        let t = context.texts
        let suffix = document.id.uuidString.prefix(8).lowercased()
        return .element(named: "details", nodes: [
            .element(named: "summary", nodes: [.text(t(DocumentText.shareHeading))]),
            .form(
                .method(.post), .action(SiteRoute.participantDocumentShare(.value(participantID), .value(document.id)).path), .class("stacked-form"),
                .data(named: "e2e", value: "document-share"),
                Components.csrfField(context.csrfToken),
                .label(.for("recipient-\(suffix)"), .text(t(DocumentText.recipient))),
                .input(.type(.text), .id("recipient-\(suffix)"), .name("recipient"), .required(true), .attribute(named: "maxlength", value: "300")),
                .label(.for("consented-\(suffix)"), .text(t(DocumentText.consentedOn))),
                .input(.type(.date), .id("consented-\(suffix)"), .name("consentedOn"), .required(true)),
                .div(.class("choice"),
                     .input(.type(.checkbox), .id("consent-\(suffix)"), .name("consent"), .value("yes"), .required(true)),
                     .label(.for("consent-\(suffix)"), .text(t(DocumentText.consent)))),
                .button(.type(.submit), .class("button"), .text(t(DocumentText.shareButton)))
            ),
        ])
    }
}

enum DocumentText: String, TextKey {
    case heading = "documents.heading"
    case none = "documents.none"
    case uploaded = "documents.uploaded"
    case shared = "documents.shared"
    case problemEmpty = "documents.problem_empty"
    case problemTooLarge = "documents.problem_too_large"
    case problemType = "documents.problem_type"
    case problemRecipient = "documents.problem_recipient"
    case problemConsent = "documents.problem_consent"
    case kindCV = "documents.kind_cv"
    case kindCoverLetter = "documents.kind_cover_letter"
    case version = "documents.version"
    case sharedWith = "documents.shared_with"
    case uploadHeading = "documents.upload_heading"
    case kind = "documents.kind"
    case file = "documents.file"
    case fileHint = "documents.file_hint"
    case uploadButton = "documents.upload_button"
    case shareHeading = "documents.share_heading"
    case recipient = "documents.recipient"
    case consentedOn = "documents.consented_on"
    case consent = "documents.consent"
    case shareButton = "documents.share_button"
}
