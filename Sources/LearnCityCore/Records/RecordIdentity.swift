/// Who a record is about is part of what it is. An office's record id (or a row number taken
/// for one) can come back in another file for another person; matching on the key alone turned
/// one person's training into someone else's lecture and moved the figures with it.
public enum RecordIdentity {
    public enum Match: Equatable, Sendable {
        /// The stored record is the row's record: it may be ignored (identical) or updated.
        case same
        /// The key names a record of another person or kind: a conflict, never an update.
        case keyReused
    }

    /// `storedPerson` and `rowPerson` are person ids; a row whose person the import would create
    /// has none (nil), and so can never be a stored record's person.
    public static func match(storedPerson: Int, storedKind: RecordKind, rowPerson: Int?, rowKind: RecordKind) -> Match {
        storedPerson == rowPerson && storedKind == rowKind ? .same : .keyReused
    }
}

/// Names as rows and registrations write them.
public enum PersonName {
    /// The same name, ignoring spaces (half- and full-width) and the dot of minority names
    /// written in either form (阿卜杜·热合曼, 阿卜杜•热合曼).
    public static func same(_ a: String, _ b: String) -> Bool {
        normalised(a) == normalised(b)
    }

    static func normalised(_ name: String) -> String {
        String(CellText.normalise(name).unicodeScalars.filter { !$0.properties.isWhitespace }
            .map { "·•・.".unicodeScalars.contains($0) ? "·" : Character($0) })
    }

    /// A name as a message may show it: 胡*梅, 张*, 欧**华 — enough for the person who typed the
    /// row to recognise whom the ID belongs to, not enough to learn a stranger's name.
    public static func masked(_ name: String) -> String {
        let characters = Array(normalised(name))
        switch characters.count {
        case 0: return ""
        case 1: return "*"
        case 2: return String(characters[0]) + "*"
        default:
            let middle = String(repeating: "*", count: characters.count - 2)
            return String(characters[0]) + middle + String(characters[characters.count - 1])
        }
    }
}
