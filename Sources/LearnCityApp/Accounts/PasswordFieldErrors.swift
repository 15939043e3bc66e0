import LearnCityCore

extension AccountStrings {
    /// The policy's verdict on a new password and its confirmation, as messages next to the
    /// `password` and `confirm` fields (empty when the password is fine).
    func passwordErrors(_ password: String?, confirm: String?) -> [String: String] {
        switch PasswordPolicy.check(password ?? "", confirmation: confirm ?? "") {
        case .tooShort: ["password": passwordTooShort]
        case .differs: ["confirm": passwordsDiffer]
        case nil: [:]
        }
    }
}
