import Foundation
import LotsCore

/// A field of an assignment (avrop) from Arbetsförmedlingen, as its files and API name it.
enum AFField: String, CaseIterable, Sendable, Codable {
    case implementationReference = "genomforandereferens"
    case orderNumber = "ordernummer"
    case personalNumber = "personnummer"
    case givenName = "fornamn"
    case familyName = "efternamn"
    case phone = "telefon"
    case address = "adress"
    case email = "epost"
    case gender = "kon"
    case referenceNumber = "referensnummer"
    case startsOn = "startdatum"
    case endsOn = "slutdatum"
    case level = "niva"
    case interpreterLanguage = "sprakstod"
    case participationRate = "deltagandegrad"
    case education = "utbildning"
    case workExperience = "arbetslivserfarenhet"
    case caseOfficer = "handlaggare"

    static let required: [AFField] = [.implementationReference, .personalNumber, .givenName, .familyName, .startsOn, .endsOn, .level]

    /// The column headers AF's spreadsheets use (compared without case, spaces and diacritics), and the
    /// API's field names for JSON.
    var names: [String] {
        switch self {
        case .implementationReference: ["Genomförandereferens", "genomforande_referens"]
        case .orderNumber: ["Ordernummer", "Ordernr"]
        case .personalNumber: ["Personnummer", "Samordningsnummer", "Personnummer/samordningsnummer"]
        case .givenName: ["Förnamn"]
        case .familyName: ["Efternamn"]
        case .phone: ["Telefon", "Telefonnummer", "Mobilnummer"]
        case .address: ["Adress", "Postadress"]
        case .email: ["E-post", "E-postadress", "Epost"]
        case .gender: ["Kön"]
        case .referenceNumber: ["Referensnummer", "Referensnr"]
        case .startsOn: ["Startdatum", "Startdatum insats", "startdatum_insats"]
        case .endsOn: ["Slutdatum", "Slutdatum insats", "slutdatum_insats"]
        case .level: ["Nivå"]
        case .interpreterLanguage: ["Språkstöd", "Tolkbehov", "Språkstöd/tolk"]
        case .participationRate: ["Deltagandegrad"]
        case .education: ["Utbildning", "Utbildningsnivå"]
        case .workExperience: ["Arbetslivserfarenhet", "Yrkeserfarenhet"]
        case .caseOfficer: ["Handläggare", "Handläggare AF", "Kontakt handläggare"]
        }
    }

    /// How long a value may be; longer ones are refused rather than cut.
    var maxLength: Int {
        switch self {
        case .address, .education, .workExperience: 1000
        case .caseOfficer: 300
        default: 100
        }
    }

    /// Lower-case, no spaces, underscores, hyphens, slashes or diacritics: "Genomförande­referens" → "genomforandereferens".
    static func normalise(_ header: String) -> String {
        header.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "sv_SE"))
            .filter { $0.isLetter || $0.isNumber }
    }

    private static let byNormalisedName: [String: AFField] = {
        var map: [String: AFField] = [:]
        for field in AFField.allCases {
            map[field.rawValue] = field
            for name in field.names { map[normalise(name)] = field }
        }
        return map
    }()

    init?(header: String) {
        guard let field = Self.byNormalisedName[Self.normalise(header)] else { return nil }
        self = field
    }
}

/// Reads an assignment file into rows of named values: CSV (as `DelimitedText` reads it) with AF's
/// column headers, or JSON (a list of objects, or `{"assignments": [...]}`) with the API's field names.
enum AFAssignmentFile {
    struct Row: Sendable, Equatable {
        /// The line (CSV) or position counted from 1 (JSON) that people see in the preview.
        var line: Int
        var values: FieldValues
    }

    /// A row's values by field, one slot per AF field: a dictionary per row (built, searched and freed a hundred
    /// thousand times) measured as a tenth of a large preview.
    struct FieldValues: Sendable, Equatable {
        private static let fields = AFField.allCases
        private var slots = [String?](repeating: nil, count: FieldValues.fields.count)

        subscript(field: AFField) -> String? {
            get { slots[Self.slot(field)] }
            set { slots[Self.slot(field)] = newValue }
        }

        private static func slot(_ field: AFField) -> Int {
            // Eighteen cases: comparing them beats hashing one.
            fields.firstIndex(of: field)!
        }
    }

    enum Problem: Error, Sendable, Equatable {
        case notUTF8
        case empty
        case unterminatedQuote(line: Int)
        case malformedJSON
        case missingColumns([AFField])
        case duplicateColumn(AFField)
        case tooManyRows(limit: Int)
    }

    static let maxRows = 200_000

    struct Contents: Sendable {
        var rows: [Row]
        /// Columns that are not AF fields; they are left out and the preview says so.
        var ignoredColumns: [String]
    }

    static func read(_ data: Data) throws(Problem) -> Contents {
        let start = data.drop { [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }.first
        if start == UInt8(ascii: "[") || start == UInt8(ascii: "{") { return try readJSON(data) }
        return try readCSV(data)
    }

    private static func readCSV(_ data: Data) throws(Problem) -> Contents {
        let records: [DelimitedText.Record]
        do { records = try DelimitedText.parse(data).records } catch {
            switch error {
            case .notUTF8: throw .notUTF8
            case .empty: throw .empty
            case .unterminatedQuote(let line): throw .unterminatedQuote(line: line)
            }
        }
        let header = records[0].fields
        var columns: [(index: Int, field: AFField)] = []
        var ignored: [String] = []
        for (index, name) in header.enumerated() {
            guard let field = AFField(header: name) else {
                if !name.trimmingCharacters(in: .whitespaces).isEmpty { ignored.append(name) }
                continue
            }
            guard !columns.contains(where: { $0.field == field }) else { throw .duplicateColumn(field) }
            columns.append((index, field))
        }
        let missing = AFField.required.filter { field in !columns.contains { $0.field == field } }
        guard missing.isEmpty else { throw .missingColumns(missing) }
        guard records.count - 1 <= maxRows else { throw .tooManyRows(limit: maxRows) }
        let rows = records.dropFirst().map { record in
            var values = FieldValues()
            for column in columns {
                values[column.field] = record.fields.indices.contains(column.index) ? record.fields[column.index] : ""
            }
            return Row(line: record.line, values: values)
        }
        guard !rows.isEmpty else { throw .empty }
        return Contents(rows: rows, ignoredColumns: ignored)
    }

    private static func readJSON(_ data: Data) throws(Problem) -> Contents {
        guard let json = try? JSONSerialization.jsonObject(with: data) else { throw .malformedJSON }
        let list: [Any]
        if let array = json as? [Any] { list = array } else if let object = json as? [String: Any], let array = object["assignments"] as? [Any] {
            list = array
        } else {
            throw .malformedJSON
        }
        guard !list.isEmpty else { throw .empty }
        guard list.count <= maxRows else { throw .tooManyRows(limit: maxRows) }
        var ignored = Set<String>()
        let rows = try list.enumerated().map { (index, element) throws(Problem) -> Row in
            guard let object = element as? [String: Any] else { throw .malformedJSON }
            var values = FieldValues()
            for (key, value) in object {
                guard let field = AFField(header: key) else { ignored.insert(key); continue }
                switch value {
                case let text as String: values[field] = text
                case let number as NSNumber: values[field] = number.stringValue
                case is NSNull: break
                default: throw .malformedJSON
                }
            }
            return Row(line: index + 1, values: values)
        }
        return Contents(rows: rows, ignoredColumns: ignored.sorted())
    }
}

/// One assignment that passed every check, in Lots's terms.
struct AFAssignment: Sendable, Equatable {
    var implementationReference: String
    var orderNumber: String?
    var personalNumber: SwedishIdentityNumber
    var givenName: String
    var familyName: String
    var phone: String?
    var address: String?
    var email: String?
    var gender: String?
    var referenceNumber: String?
    var startsOn: CivilDate
    var endsOn: CivilDate
    var level: String
    var interpreterLanguage: String?
    var participationRate: Int?
    var education: String?
    var workExperience: String?
    var caseOfficer: String?

    /// Why a row cannot be imported; each maps to a message the administrator can act on.
    enum Problem: Hashable, Sendable {
        case missing(AFField)
        case identityNumber(IdentityNumberError)
        case malformedDate(AFField)
        case endBeforeStart
        case unknownLevel
        case participationRate
        case email
        case tooLong(AFField)
        /// The genomförandereferens is registered for another person.
        case referenceOfAnotherPerson
        /// The same genomförandereferens appears earlier in the file with other values.
        case conflictsWithLine(Int)
    }

    static let levels = ["A", "B", "C"]

    /// Checks a row; returns the assignment or every problem found (not just the first).
    static func validate(_ row: AFAssignmentFile.Row, today: CivilDate) -> Result<AFAssignment, ProblemList> {
        var problems: [Problem] = []
        func text(_ field: AFField) -> String? {
            guard let value = row.values[field]?.trimmingWhitespaceAndNewlines(), !value.isEmpty else {
                if AFField.required.contains(field) { problems.append(.missing(field)) }
                return nil
            }
            // Counting bytes first: a value of no more bytes than the limit has no more characters either.
            if value.utf8.count > field.maxLength, value.count > field.maxLength { problems.append(.tooLong(field)); return nil }
            return value
        }
        let reference = text(.implementationReference).map(ParticipantRegistry.canonicalCaseNumber)
        var personalNumber: SwedishIdentityNumber?
        if let number = text(.personalNumber) {
            do { personalNumber = try SwedishIdentityNumber(parsing: number, today: today) } catch { problems.append(.identityNumber(error)) }
        }
        let givenName = text(.givenName)
        let familyName = text(.familyName)
        func date(_ field: AFField) -> CivilDate? {
            guard let value = text(field) else { return nil }
            guard let date = CivilDate(parsing: value) else { problems.append(.malformedDate(field)); return nil }
            return date
        }
        let startsOn = date(.startsOn)
        let endsOn = date(.endsOn)
        if let startsOn, let endsOn, endsOn < startsOn { problems.append(.endBeforeStart) }
        let level = text(.level)?.uppercased()
        if let level, !levels.contains(level) { problems.append(.unknownLevel) }
        var rate: Int?
        if let value = text(.participationRate) {
            let digits = value.contains("%" as Character) ? value.replacingOccurrences(of: "%", with: "").trimmingWhitespace() : value
            if let number = Int(digits), (1...100).contains(number) { rate = number } else { problems.append(.participationRate) }
        }
        let email = text(.email).map(ParticipantRegistry.canonicalEmail)
        if let email {
            let parts = email.split(separator: "@", omittingEmptySubsequences: false)
            if parts.count != 2 || parts[0].isEmpty || !parts[1].contains(".") || email.contains(where: \.isWhitespace) { problems.append(.email) }
        }
        let assignment = AFAssignment(
            implementationReference: reference ?? "", orderNumber: text(.orderNumber), personalNumber: personalNumber ?? SwedishIdentityNumber(
                birthDate: today, birthNumber: 1), givenName: givenName ?? "", familyName: familyName ?? "", phone: text(.phone),
            address: text(.address), email: email, gender: text(.gender), referenceNumber: text(.referenceNumber),
            startsOn: startsOn ?? today, endsOn: endsOn ?? today, level: level ?? "", interpreterLanguage: text(.interpreterLanguage),
            participationRate: rate, education: text(.education), workExperience: text(.workExperience), caseOfficer: text(.caseOfficer))
        return problems.isEmpty ? .success(assignment) : .failure(ProblemList(problems: problems))
    }

    struct ProblemList: Error, Sendable, Equatable { var problems: [Problem] }
}
