import LotsCore

/// The words of the AF import: outcomes, problems, the preview and the command line.
enum ImportText: String, TextKey {
    case outcomeNew = "import.outcome_new"
    case outcomeExtension = "import.outcome_extension"
    case outcomeUpdate = "import.outcome_update"
    case outcomeDuplicate = "import.outcome_duplicate"
    case outcomeError = "import.outcome_error"
    case problemMissing = "import.problem_missing"
    case problemDate = "import.problem_date"
    case problemEndBeforeStart = "import.problem_end_before_start"
    case problemLevel = "import.problem_level"
    case problemRate = "import.problem_rate"
    case problemEmail = "import.problem_email"
    case problemTooLong = "import.problem_too_long"
    case problemOtherPerson = "import.problem_other_person"
    case problemConflict = "import.problem_conflict"
    case fileNotUTF8 = "import.file_not_utf8"
    case fileEmpty = "import.file_empty"
    case fileQuote = "import.file_quote"
    case fileJSON = "import.file_json"
    case fileMissingColumns = "import.file_missing_columns"
    case fileDuplicateColumn = "import.file_duplicate_column"
    case fileTooManyRows = "import.file_too_many_rows"
    case ignoredColumns = "import.ignored_columns"
    case changedFields = "import.changed_fields"
    case summary = "import.summary"
    case committed = "import.committed"
    case title = "import.title"
    case lead = "import.lead"
    case nav = "nav.import"
    case unit = "import.unit"
    case file = "import.file"
    case fileHint = "import.file_hint"
    case previewButton = "import.preview_button"
    case previewUnit = "import.preview_unit"
    case previewCaption = "import.preview_caption"
    case commitLead = "import.commit_lead"
    case commitButton = "import.commit_button"
    case nothingToImport = "import.nothing_to_import"
    case columnLine = "import.column_line"
    case columnReference = "import.column_reference"
    case columnOutcome = "import.column_outcome"
    case columnReasons = "import.column_reasons"
    case rowsNotListed = "import.rows_not_listed"
    case another = "import.another"
    case toParticipants = "import.to_participants"
    case uploadExpired = "import.upload_expired"

    init(_ outcome: AssignmentImport.Outcome) {
        self = switch outcome {
        case .new: .outcomeNew
        case .extension: .outcomeExtension
        case .update: .outcomeUpdate
        case .duplicate: .outcomeDuplicate
        case .error: .outcomeError
        }
    }
}

extension AFField {
    /// The field as AF's spreadsheets head it (the first of its names), for messages.
    var header: String { names[0] }
}

extension Texts {
    func message(_ problem: AFAssignment.Problem) -> String {
        switch problem {
        case .missing(let field): self(ImportText.problemMissing, ["field": field.header])
        case .identityNumber(let error): self(IdentityNumberText(error))
        case .malformedDate(let field): self(ImportText.problemDate, ["field": field.header])
        case .endBeforeStart: self(ImportText.problemEndBeforeStart)
        case .unknownLevel: self(ImportText.problemLevel)
        case .participationRate: self(ImportText.problemRate)
        case .email: self(ImportText.problemEmail)
        case .tooLong(let field): self(ImportText.problemTooLong, ["field": field.header, "limit": String(field.maxLength)])
        case .referenceOfAnotherPerson: self(ImportText.problemOtherPerson)
        case .conflictsWithLine(let line): self(ImportText.problemConflict, ["line": String(line)])
        }
    }

    func message(_ problem: AFAssignmentFile.Problem) -> String {
        switch problem {
        case .notUTF8: self(ImportText.fileNotUTF8)
        case .empty: self(ImportText.fileEmpty)
        case .unterminatedQuote(let line): self(ImportText.fileQuote, ["line": String(line)])
        case .malformedJSON: self(ImportText.fileJSON)
        case .missingColumns(let fields): self(ImportText.fileMissingColumns, ["columns": fields.map(\.header).joined(separator: ", ")])
        case .duplicateColumn(let field): self(ImportText.fileDuplicateColumn, ["column": field.header])
        case .tooManyRows(let limit): self(ImportText.fileTooManyRows, ["limit": String(limit)])
        }
    }

    /// What a row's preview says besides its outcome: the problems, or the fields an update changes.
    func reasons(_ outcome: AssignmentImport.Outcome) -> [String] {
        switch outcome {
        case .error(let problems): problems.map(message)
        case .update(let fields): [self(ImportText.changedFields, ["fields": fields.map(\.header).joined(separator: ", ")])]
        case .new, .extension, .duplicate: []
        }
    }
}
