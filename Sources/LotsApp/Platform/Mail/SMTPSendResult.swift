/// What the server said when it accepted a message.
public struct SMTPSendResult: Sendable, Hashable {
    /// A recipient the server refused at RCPT TO; the message was not sent to it.
    public struct Rejection: Sendable, Hashable {
        public var recipient: MailAddress
        public var code: Int
        public var message: String
        /// 4xx: the same recipient may be accepted on a later try.
        public var isTransient: Bool { (400..<500).contains(code) }
    }

    /// The reply code to the end of DATA, normally 250.
    public var code: Int
    /// The reply text to the end of DATA; most servers put their queue ID here.
    public var message: String
    public var acceptedRecipients: [MailAddress]
    public var rejectedRecipients: [Rejection]
}
