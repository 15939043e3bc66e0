/// Index terms for Chinese and mixed text: every pair of adjacent CJK characters (so that the
/// two-character words that matter — 法律, 金融 — always match, which FTS5 trigram and pg_trgm
/// cannot do), each single CJK character of a one-character query, and lower-cased Latin words
/// and numbers.
public enum SearchTerms {
    public static func index(_ text: String) -> Set<String> {
        var terms = Set<String>()
        for run in runs(text) {
            if run.isCJK {
                let characters = Array(run.text)
                if characters.count == 1 { terms.insert(String(characters[0])) }
                for index in characters.indices.dropLast() { terms.insert(String(characters[index...index + 1])) }
                for character in characters { terms.insert(String(character)) }
            } else {
                terms.insert(run.text.lowercased())
            }
        }
        return terms
    }

    /// The terms a query needs; a document matches when it has all of them.
    public static func query(_ text: String) -> Set<String> {
        var terms = Set<String>()
        for run in runs(text) {
            if run.isCJK {
                let characters = Array(run.text)
                if characters.count == 1 { terms.insert(run.text) }
                for index in characters.indices.dropLast() { terms.insert(String(characters[index...index + 1])) }
            } else {
                terms.insert(run.text.lowercased())
            }
        }
        return terms
    }

    struct Run { var text: String; var isCJK: Bool }

    /// Splits text into runs of CJK characters and runs of letters/digits; the rest separates.
    static func runs(_ text: String) -> [Run] {
        var runs: [Run] = []
        var current = "", currentIsCJK = false
        func flush() { if !current.isEmpty { runs.append(Run(text: current, isCJK: currentIsCJK)); current = "" } }
        for character in CellText.normalise(text) {
            let cjk = character.unicodeScalars.allSatisfy { (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value) }
            let word = character.isLetter || character.isNumber
            if cjk {
                if !currentIsCJK { flush() }
                currentIsCJK = true
                current.append(character)
            } else if word {
                if currentIsCJK { flush() }
                currentIsCJK = false
                current.append(character)
            } else {
                flush()
            }
        }
        flush()
        return runs
    }
}
