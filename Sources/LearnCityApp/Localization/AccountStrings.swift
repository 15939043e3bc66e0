/// Strings of accounts, passwords, tokens, citizen registration and identity confirmation.
struct AccountStrings: Sendable {
    let usernameOrID, registerLink, forgotPassword: String
    let throttled: @Sendable (_ minutes: Int) -> String
    let changePasswordTitle, currentPassword, newPassword, confirmPassword, passwordChanged: String
    let passwordTooShort, passwordsDiffer, wrongCurrentPassword, mustChangeNotice: String
    let accountsTitle, newAccount, displayName, organisation, roles, create, noOrganisation: String
    let accountCreated, resetPassword, passwordResetShown, usernameTaken, usernameInvalid, noAccounts: String
    let tokensTitle, tokenName, tokenDays, createToken, tokenCreated, revoke, revoked, expires, noTokens: String
    let registerTitle, registerIntro, name, residentID, phone, registerButton, registered: String
    let invalidResidentID, invalidPhone: String
    let idWrongLength: @Sendable (_ count: Int) -> String
    let idInvalidCharacters, idInvalidRegion, idInvalidBirthDate, idWrongCheckDigit: String
    let myAccountTitle, linkPending, linked, codeLabel, confirmButton, codeInvalid, linkedNow: String
    let identityTitle, identityIntro, lookupButton, issueLinkCode, issueResetCode, noAccountForID: String
    let codeIssued: @Sendable (_ code: String, _ hours: Int) -> String
    let claimingAccounts: @Sendable (_ count: Int) -> String
    let resetTitle, resetIntro, resetDone: String
    let tooManyClaims: @Sendable (_ limit: Int) -> String
    let registrationThrottled: @Sendable (_ minutes: Int) -> String
    let tokenScopes, scopeRead, scopeWrite, scopeReveal, scopesRequired: String
    let menu: (people: String, organisations: String, accounts: String, tokens: String, identity: String,
               audit: String, password: String)
}

extension AccountStrings {
    static let zh = AccountStrings(
        usernameOrID: "用户名或身份证号", registerLink: "市民注册", forgotPassword: "忘记密码",
        throttled: { minutes in "登录失败次数过多，请 \(minutes) 分钟后再试。" },
        changePasswordTitle: "修改密码", currentPassword: "当前密码", newPassword: "新密码", confirmPassword: "再次输入新密码",
        passwordChanged: "密码已修改。", passwordTooShort: "密码至少 10 个字符。", passwordsDiffer: "两次输入的密码不一致。",
        wrongCurrentPassword: "当前密码不正确。", mustChangeNotice: "这是管理员为您设置的密码，请先设置自己的新密码。",
        accountsTitle: "账号管理", newAccount: "新建账号", displayName: "姓名", organisation: "所属单位", roles: "角色",
        create: "创建", noOrganisation: "（无）",
        accountCreated: "账号已创建。初始密码只显示这一次，请当面交给本人：", resetPassword: "重置密码",
        passwordResetShown: "密码已重置。新密码只显示这一次，请当面交给本人：",
        usernameTaken: "该用户名已被使用。", usernameInvalid: "用户名为 3–32 位字母、数字、点、下划线或连字符。",
        noAccounts: "还没有账号。",
        tokensTitle: "API 令牌", tokenName: "用途说明", tokenDays: "有效天数", createToken: "创建令牌",
        tokenCreated: "令牌只显示这一次，请立即保存：", revoke: "吊销", revoked: "已吊销", expires: "到期", noTokens: "还没有令牌。",
        registerTitle: "市民注册", registerIntro: "注册后，请携带身份证到就近的学习中心确认身份，之后即可查看自己的学习档案。",
        name: "姓名", residentID: "身份证号", phone: "手机号", registerButton: "注册",
        registered: "注册成功。请携带身份证到就近的学习中心领取确认码。",
        invalidResidentID: "身份证号无效", invalidPhone: "请输入 11 位手机号码。",
        idWrongLength: { count in "应为 18 位，实为 \(count) 位" }, idInvalidCharacters: "含有无效字符",
        idInvalidRegion: "地区码无效", idInvalidBirthDate: "出生日期无效", idWrongCheckDigit: "校验位错误",
        myAccountTitle: "我的账号", linkPending: "身份尚未确认：请携带身份证到学习中心领取确认码，并在下面输入。",
        linked: "已关联学习档案：", codeLabel: "确认码", confirmButton: "确认", codeInvalid: "确认码不正确或已过期。",
        linkedNow: "身份已确认，学习档案已关联。",
        identityTitle: "身份确认与密码重置",
        identityIntro: "请核验本人身份证原件后再操作。确认码只显示一次，请当面交给本人。",
        lookupButton: "查询", issueLinkCode: "发放身份确认码", issueResetCode: "发放密码重置码",
        noAccountForID: "没有以此身份证号注册的账号。",
        codeIssued: { code, hours in "确认码：\(code)（\(hours) 小时内有效，只能使用一次）" },
        claimingAccounts: { count in "以此身份证号注册的账号：\(count) 个" },
        resetTitle: "重置密码", resetIntro: "请携带身份证到学习中心领取密码重置码。", resetDone: "密码已重置，请用新密码登录。",
        tooManyClaims: { limit in "以此身份证号注册的账号已有 \(limit) 个，不能再注册。如需找回账号，请携带身份证到学习中心重置密码。" },
        registrationThrottled: { minutes in "注册次数过多，请 \(minutes) 分钟后再试。" },
        tokenScopes: "权限范围", scopeRead: "读取（read）", scopeWrite: "写入（write）：导入与撤销导入等修改",
        scopeReveal: "明文（reveal）：查看未遮盖的身份证号和手机号，请谨慎授予", scopesRequired: "请至少选择一项。",
        menu: (people: "人员", organisations: "组织机构", accounts: "账号管理", tokens: "API 令牌",
               identity: "身份确认", audit: "审计日志", password: "修改密码"))

    static let en = AccountStrings(
        usernameOrID: "Username or resident ID", registerLink: "Register as a citizen", forgotPassword: "Forgot your password?",
        throttled: { minutes in "Too many failed sign-ins; try again in \(minutes) minutes." },
        changePasswordTitle: "Change password", currentPassword: "Current password", newPassword: "New password",
        confirmPassword: "New password again", passwordChanged: "Your password has been changed.",
        passwordTooShort: "At least 10 characters.", passwordsDiffer: "The two passwords differ.",
        wrongCurrentPassword: "The current password is not correct.",
        mustChangeNotice: "An administrator set this password; please choose your own first.",
        accountsTitle: "Accounts", newAccount: "New account", displayName: "Name", organisation: "Organisation", roles: "Roles",
        create: "Create", noOrganisation: "(none)",
        accountCreated: "Account created. The first password is shown only now; hand it over in person:",
        resetPassword: "Reset password",
        passwordResetShown: "Password reset. The new password is shown only now; hand it over in person:",
        usernameTaken: "This username is taken.", usernameInvalid: "3–32 letters, digits, dots, underscores or hyphens.",
        noAccounts: "No accounts yet.",
        tokensTitle: "API tokens", tokenName: "What it is for", tokenDays: "Valid for (days)", createToken: "Create token",
        tokenCreated: "The token is shown only now; store it at once:", revoke: "Revoke", revoked: "Revoked",
        expires: "Expires", noTokens: "No tokens yet.",
        registerTitle: "Register as a citizen",
        registerIntro: "After registering, bring your ID card to a learning centre to confirm who you are; then you can see your learning records.",
        name: "Name", residentID: "Resident ID number", phone: "Mobile phone", registerButton: "Register",
        registered: "Registered. Bring your ID card to a learning centre to collect a confirmation code.",
        invalidResidentID: "Not a valid resident ID", invalidPhone: "Enter an 11-digit mobile number.",
        idWrongLength: { count in "18 characters expected, \(count) given" },
        idInvalidCharacters: "it contains characters that do not belong", idInvalidRegion: "the area code is not valid",
        idInvalidBirthDate: "the birth date is not a date", idWrongCheckDigit: "the check digit is wrong",
        myAccountTitle: "My account",
        linkPending: "Not confirmed yet: collect a code at a learning centre (bring your ID card) and enter it below.",
        linked: "Linked to the learning records of: ", codeLabel: "Confirmation code", confirmButton: "Confirm",
        codeInvalid: "The code is wrong or has expired.", linkedNow: "Confirmed: your learning records are linked.",
        identityTitle: "Identity confirmation and password reset",
        identityIntro: "Check the original ID card first. A code is shown once; hand it over in person.",
        lookupButton: "Look up", issueLinkCode: "Issue identity code", issueResetCode: "Issue password-reset code",
        noAccountForID: "No account registered with this resident ID.",
        codeIssued: { code, hours in "Code: \(code) (valid \(hours) hours, once)" },
        claimingAccounts: { count in "Accounts registered with this ID: \(count)" },
        resetTitle: "Reset password", resetIntro: "Collect a password-reset code at a learning centre (bring your ID card).",
        resetDone: "Your password has been reset; sign in with the new one.",
        tooManyClaims: { limit in
            "This resident ID already has \(limit) accounts; no more can be registered. "
                + "To recover yours, bring your ID card to a learning centre for a password reset."
        },
        registrationThrottled: { minutes in "Too many registrations; try again in \(minutes) minutes." },
        tokenScopes: "Scopes", scopeRead: "Read (read)", scopeWrite: "Write (write): imports, undoing imports and other changes",
        scopeReveal: "Reveal (reveal): unmasked resident ID and phone numbers; grant sparingly",
        scopesRequired: "Choose at least one.",
        menu: (people: "People", organisations: "Organisations", accounts: "Accounts", tokens: "API tokens",
               identity: "Identity", audit: "Audit log", password: "Change password"))
}
