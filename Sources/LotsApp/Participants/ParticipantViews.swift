import Foundation

/// One row of a participant list: what a caseload or unit list shows, decrypted.
struct ParticipantSummary: Sendable, Equatable {
    var id: UUID
    var name: String
    var caseNumber: String
    var startsOn: String
    var endsOn: String
    var unitName: String
    var handledareName: String?
    var protectedIdentity: Bool
    /// AF's meeting cadence for the shown (current) placement.
    var warnings: [MeetingCadence.Warning] = []
}

/// One mail-out in a participant's sent log.
struct MailOutLogRow: Sendable, Equatable {
    var sentAt: Date
    var subject: String
    var status: MailOutRecipient.Status
}

/// A handledare's meetings of the day and the attendance still to register.
struct Agenda: Sendable, Equatable {
    struct Item: Sendable, Equatable {
        var participantID: UUID
        var name: String
        var startsAt: Date
        var kind: AppointmentKind
        var mode: MeetingMode
        var title: String?
        var status: AttendanceStatus
    }

    var today: [Item]
    var overdue: [Item]
}

/// A participant's profile as shown to a staff member allowed to see it.
struct ParticipantProfile: Sendable, Equatable {
    struct PlacementRow: Sendable, Equatable {
        var caseNumber: String
        var referenceNumber: String?
        var level: String
        var startsOn: String
        var endsOn: String
        var endedOn: String?
        var unitName: String
        var handledareName: String?
    }

    var id: UUID
    var givenName: String
    var familyName: String
    var personalNumber: String
    /// Nil when the participant has a protected identity: contact details are then not even decrypted.
    var contact: Contact?
    var gender: String?
    var education: String?
    var workExperience: String?
    var interpreterLanguage: String?
    var protectedIdentity: Bool
    var placements: [PlacementRow]
    var basis: AccessBasis
    /// Booked meetings and activities, newest first.
    var appointments: [AppointmentRow] = []
    /// AF's meeting cadence, for the current placement.
    var warnings: [MeetingCadence.Warning] = []
    /// The mail-outs sent to the participant, newest first.
    var mailOuts: [MailOutLogRow] = []
    var documents: [ApplicationDocuments.Row] = []
    var journal: [JournalRow] = []
    /// The plan's fields (see `ParticipantPlan.fields`); empty when none is written yet.
    var plan: [String: String] = [:]
    /// The CV built with the form (see `ParticipantCV.fields`).
    var cv: [String: String] = [:]
    /// AF's sensitive details: loaded only for the participant's own page; staff open them on a page of their own.
    var afDetails: [String: String]? = nil
    /// The reader's own unpublished entry, to continue.
    var journalDraft: JournalRow?
    var mailOptOut = false

    /// The reader may book meetings and register attendance (their own caseload, or granted access).
    var mayDocument: Bool { basis.allowsDocumenting }

    struct Contact: Sendable, Equatable {
        var phone: String?
        var email: String?
        var address: String?
    }
}

/// One search hit. A restricted hit is a colleague's participant: the staff learns only that there is
/// one, in which unit, and may ask for access with a reason.
struct ParticipantSearchHit: Sendable, Equatable {
    var id: UUID
    var name: String?
    var caseNumber: String?
    var unitName: String
    var restricted: Bool
}
