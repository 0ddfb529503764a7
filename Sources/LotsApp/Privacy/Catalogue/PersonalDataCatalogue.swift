/// How a column holding personal data is protected at rest.
enum Protection: String, Sendable {
    /// AES-GCM under the data subject's key, bound to table, column and row.
    case encrypted
    /// An HMAC under an organisation key: searchable by exact value, not readable.
    case blindIndex = "blind_index"
    /// A reference to a person's row (an id): personal data only together with that row.
    case pseudonym
    /// In clear, for a stated reason.
    case clear
}

/// What one column holds.
enum ColumnClass: Sendable {
    case personal(DataCategory, ProcessingActivityKey, Protection, because: String? = nil)
    /// Holds nothing about a person (ids of non-personal rows, timestamps of technical events, settings).
    case notPersonal
}

/// Every column of every table, classified. A test compares this with the live database schema and fails
/// on any column that is not listed, so a new field cannot hold personal data untagged. Register
/// extracts, retention and statistics read their field lists from here.
enum PersonalDataCatalogue {
    struct Table: Sendable {
        enum Subject: String, Sendable { case participant, staff, member, none }
        var name: String
        var subject: Subject
        var columns: [String: ColumnClass]
    }

    static func table(_ name: String, _ subject: Table.Subject, _ columns: [String: ColumnClass]) -> Table {
        Table(name: name, subject: subject, columns: columns)
    }

    /// Technical tables of the migration tool, outside the catalogue.
    static let ignoredTables: Set<String> = ["_fluent_migrations"]

    static let tables: [Table] = platform + identity + privacy + participants

    static func table(named name: String) -> Table? { tables.first { $0.name == name } }

    /// The personal columns of one kind of data subject, e.g. for a register extract.
    static func personalColumns(of subject: Table.Subject) -> [(table: String, column: String, category: DataCategory, activity: ProcessingActivityKey)] {
        tables.filter { $0.subject == subject }.flatMap { table in
            table.columns.sorted { $0.key < $1.key }.compactMap { column, kind in
                guard case .personal(let category, let activity, _, _) = kind else { return nil }
                return (table.name, column, category, activity)
            }
        }
    }
}
