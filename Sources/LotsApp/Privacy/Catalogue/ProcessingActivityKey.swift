/// The processing activities personal data is held for. The ROM2 ones follow section 4 of the ROM2
/// privacy notice, row by row; the partnership ones its notice; the platform ones are what any
/// deployment does to run the service securely.
enum ProcessingActivityKey: String, CaseIterable, Sendable, Codable {
    case rom2Registration = "rom2.registration"
    case rom2Documentation = "rom2.documentation"
    case rom2MailOuts = "rom2.mail_outs"
    case rom2ApplicationDocuments = "rom2.application_documents"
    case rom2ParticipantLists = "rom2.participant_lists"
    case rom2ReportingToAF = "rom2.reporting_to_af"
    case rom2WorkSignal = "rom2.work_signal"
    case rom2ResultPayment = "rom2.result_payment"
    case rom2FinalReport = "rom2.final_report"
    case rom2Statistics = "rom2.statistics"
    case rom2SubjectRights = "rom2.subject_rights"
    case partnershipMembership = "partnership.membership"
    case partnershipCommunication = "partnership.communication"
    case partnershipEvents = "partnership.events"
    case partnershipObligations = "partnership.obligations"
    case platformStaffAccounts = "platform.staff_accounts"
    case platformSecurityLogging = "platform.security_logging"
}
