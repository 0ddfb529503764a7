enum MailboxText: String, TextKey {
    case title = "mailbox.title"
    case lead = "mailbox.lead"
    case empty = "mailbox.empty"
    case columnReceived = "mailbox.column_received"
    case columnRecipient = "mailbox.column_recipient"
    case columnSubject = "mailbox.column_subject"
    case from = "mailbox.from"
    case to = "mailbox.to"
    case received = "mailbox.received"
    case back = "mailbox.back"
}
