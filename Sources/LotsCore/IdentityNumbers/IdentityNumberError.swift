/// Why an identity number was refused; each case maps to a message the user can act on.
public enum IdentityNumberError: Error, Sendable, Equatable {
    case empty
    /// Characters other than digits and the allowed separator.
    case invalidCharacters
    /// Not 10 or 12 digits (Swedish) / not 11 characters (Finnish).
    case invalidLength
    case invalidSeparator
    /// The birth date part is not a real calendar date.
    case invalidDate
    /// The birth date lies after the reference date.
    case dateInFuture
    /// Birth number 000, or a Finnish individual number below 002.
    case invalidIndividualNumber
    case invalidChecksum
}
