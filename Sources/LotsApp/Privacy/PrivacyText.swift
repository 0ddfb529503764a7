enum PrivacyText: String, TextKey {
    case title = "privacy.title"
    case lead = "privacy.lead"
    case controllerHeading = "privacy.controller_heading"
    case organisationNumber = "privacy.organisation_number"
    case address = "privacy.address"
    case email = "privacy.email"
    case phone = "privacy.phone"
    case dpo = "privacy.dpo"
    case authority = "privacy.authority"
    case rightsHeading = "privacy.rights_heading"
    case rightsText = "privacy.rights_text"
    case noOrganisations = "privacy.no_organisations"
}
