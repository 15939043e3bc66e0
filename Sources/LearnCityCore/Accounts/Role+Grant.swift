/// Who may hand out, and therefore manage, which roles.
extension Role {
    /// Roles an account with `roles` may give to others: only system admins make admins or
    /// city-office accounts (the roles that see the whole city); nobody grants what they
    /// may not manage accounts with.
    public static func grantable(by roles: Set<Role>) -> Set<Role> {
        guard roles.allows(.manageAccounts) else { return [] }
        return roles.contains(.systemAdmin) ? Set(Role.allCases) : Set(Role.allCases.filter { !$0.seesEverything })
    }

    /// Whether an account with `actor` roles may reset the password of (or otherwise change) an
    /// account with `target` roles: only when it could have granted every one of them, so
    /// nobody takes over an account stronger than what they could create.
    public static func mayManage(account target: Set<Role>, by actor: Set<Role>) -> Bool {
        !target.isEmpty && target.isSubset(of: grantable(by: actor))
    }
}
