extension ActivityTemplate {
    private static let members = ["member"]
    private static let untilLeaving: [String: String] = [
        "sv": "Så länge det behövs för anmälan som kontaktperson och tillhörande kontakter; raderas när medlemmen raderar sina uppgifter. Antalet registrerade sparas som statistik.",
        "en": "As long as needed for the registration as a contact person and related contacts; erased when the member deletes their data. The number of registrations is kept as statistics.",
        "fi": "Niin kauan kuin se on tarpeen yhteyshenkilöilmoittautumisen ja siihen liittyvien yhteydenpitojen vuoksi; poistetaan, kun jäsen poistaa tietonsa. Rekisteröityneiden määrä säilytetään tilastona.",
    ]
    private static let ministry: [String: String] = [
        "sv": "Ansvariga för partnerskapsprogrammet; kontaktpersoner vid NTM-centralernas partnerskapsprogram (för kommunikation på plattformen); personuppgiftsbiträden för anmälan och nyhetsbrev.",
        "en": "Those responsible for the partnership programme; contact persons of the ELY Centres' partnership programme (for communication on the platform); processors for registration and newsletters.",
        "fi": "Kumppanuusohjelmasta vastaavat; ELY-keskusten kumppanuusohjelman yhteyshenkilöt (alustalla viestimistä varten); ilmoittautumis- ja uutiskirjepalvelujen käsittelijät.",
    ]

    static let partnershipSecurity: [String: String] = [
        "sv": "Tekniskt skyddade uppgifter: personliga konton, kryptering med en nyckel per person, loggning av visningar och sökningar.",
        "en": "Technically protected data: personal accounts, encryption with one key per person, logging of views and searches.",
        "fi": "Teknisesti suojatut tiedot: henkilökohtaiset tilit, henkilökohtaisella avaimella salaus, katselujen ja hakujen kirjaaminen.",
    ]

    /// The partnership platform's notice, as processing activities.
    static let partnership: [ActivityTemplate] = [
        .init(key: .partnershipMembership,
              name: ["sv": "Användarkonton och samarbete på plattformen", "en": "Member accounts and collaboration on the platform", "fi": "Käyttäjätilit ja yhteistyö alustalla"],
              data: ["sv": "Förnamn och efternamn, kontaktuppgifter, organisationens namn och kontaktuppgifter, verksamhetens målgrupp och tema.",
                     "en": "First and last name, contact details, the organisation's name and contact details, the target group and theme of the work.",
                     "fi": "Etu- ja sukunimi, yhteystiedot, organisaation nimi ja yhteystiedot, toiminnan kohderyhmä ja teema."],
              purpose: ["sv": "Att sköta kundrelationer som gäller plattformen: inloggning, arbetsrum, diskussioner och sökning av kontaktpersoner.",
                        "en": "To manage the platform's member relations: sign-in, workrooms, discussions and the contact-person search.",
                        "fi": "Alustan asiakassuhteiden hoitaminen: kirjautuminen, työtilat, keskustelut ja yhteyshenkilöhaku."],
              categories: [.name, .email, .phone, .organisationDetails, .activityTarget], subjects: members, bases: [.consent, .publicInterest],
              recipients: ministry, trigger: .memberLeaves, period: nil, action: .cryptoShred, retention: untilLeaving),
        .init(key: .partnershipCommunication,
              name: ["sv": "Information, nyhetsbrev och enkäter", "en": "Information, newsletters and surveys", "fi": "Tiedotus, uutiskirjeet ja kyselyt"],
              data: ["sv": "Namn och kontaktuppgifter.", "en": "Name and contact details.", "fi": "Nimi ja yhteystiedot."],
              purpose: ["sv": "Information och meddelanden om uppdateringar av plattformen; riktning av material, enkäter och respons.",
                        "en": "Information and notices about updates of the platform; targeting material, surveys and feedback.",
                        "fi": "Tiedotus alustan päivityksistä; materiaalin, kyselyjen ja palautteen kohdentaminen."],
              categories: [.name, .email, .communication], subjects: members, bases: [.consent],
              recipients: ministry, trigger: .memberLeaves, period: nil, action: .cryptoShred, retention: untilLeaving),
        .init(key: .partnershipEvents,
              name: ["sv": "Evenemang", "en": "Events", "fi": "Tapahtumat"],
              data: ["sv": "Namn, kontaktuppgifter och organisation för anmälda.", "en": "Name, contact details and organisation of those registered.",
                     "fi": "Ilmoittautuneiden nimi, yhteystiedot ja organisaatio."],
              purpose: ["sv": "Organisering och marknadsföring av evenemang i anslutning till plattformen.",
                        "en": "Organising and promoting events connected with the platform.",
                        "fi": "Alustaan liittyvien tapahtumien järjestäminen ja markkinointi."],
              categories: [.name, .email, .organisationDetails], subjects: members, bases: [.consent, .publicInterest],
              recipients: ministry, trigger: .memberLeaves, period: nil, action: .cryptoShred, retention: untilLeaving),
        .init(key: .partnershipObligations,
              name: ["sv": "Bokföring och skyldigheter mot EU", "en": "Bookkeeping and obligations towards the EU", "fi": "Kirjanpito ja EU-velvoitteet"],
              data: ["sv": "Namn och organisation i de underlag som skyldigheterna kräver.", "en": "Name and organisation in the records the obligations require.",
                     "fi": "Nimi ja organisaatio velvoitteiden edellyttämissä asiakirjoissa."],
              purpose: ["sv": "Uppfyllandet av ministeriets skyldigheter som gäller bokföring och EU.", "en": "Meeting the ministry's bookkeeping and EU obligations.",
                        "fi": "Ministeriön kirjanpitoa ja EU:ta koskevien velvoitteiden täyttäminen."],
              categories: [.name, .organisationDetails], subjects: members, bases: [.legalObligation],
              recipients: ministry, trigger: .memberLeaves, period: nil, action: .none,
              retention: ["sv": "Enligt bokförings- och EU-bestämmelserna.", "en": "As the bookkeeping and EU rules require.", "fi": "Kirjanpito- ja EU-säännösten mukaisesti."]),
    ]
}
