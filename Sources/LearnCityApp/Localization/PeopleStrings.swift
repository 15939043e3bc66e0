/// Strings of the people and organisation registries and the audit log.
struct RegistryStrings: Sendable {
    let peopleTitle, searchPlaceholder, searchButton, name, residentID, phone, gender, birthDate, region: String
    let noPeople, newPerson, editPerson, save, saved, reveal, revealedNote, exportCSV, exportXLSX, male, female: String
    let residentIDExists, genderMismatch, regionOutOfScope, nameRequired, previousPage, nextPage: String
    let peopleCount: @Sendable (_ count: Int) -> String
    let urbanRural, urban, rural, employed, employedYes, employedNo, occupation, industry, workplace, invalidChoice: String
    let organisationsTitle, kind, parent, children, accounts, noOrganisations, nameZh, nameEn: String
    let newOrganisation, code, codeTaken, director, demonstration, move, moveCycle, close, closed, history, childCount: String
    let auditTitle, time, actor, address, action, entity, summary, noEvents, filter, from, to, all: String
    let auditAction: @Sendable (AuditAction) -> String
    let duplicatesTitle, duplicatesIntro, noDuplicates, samePhone, sameNameBirth, keep, mergeReason, mergeButton: String
    let mergeDone, mergeChooseKeep, mergeReasonRequired: String
    let duplicateGroup: @Sendable (Int) -> String
    let possibleDuplicates: @Sendable (Int) -> String
    let externalIDsTitle, noExternalIDs, provider, externalID, addExternalID, remove, externalIDInvalid, externalIDTaken: String
}

extension RegistryStrings {
    static let zh = RegistryStrings(
        peopleTitle: "人员", searchPlaceholder: "姓名或身份证号", searchButton: "搜索", name: "姓名", residentID: "身份证号",
        phone: "手机号", gender: "性别", birthDate: "出生日期", region: "区县", noPeople: "没有找到人员。",
        newPerson: "新增人员", editPerson: "修改人员信息", save: "保存", saved: "已保存。", reveal: "显示完整号码",
        revealedNote: "本次查看已记入审计日志。", exportCSV: "导出 CSV", exportXLSX: "导出 Excel", male: "男", female: "女",
        residentIDExists: "该身份证号不能在此登记：此人可能已登记，请与其所在区县联系。", genderMismatch: "性别与身份证号不符。",
        regionOutOfScope: "只能登记本辖区的人员。", nameRequired: "请填写姓名。", previousPage: "上一页", nextPage: "下一页",
        peopleCount: { count in "共 \(count) 人" },
        urbanRural: "城乡", urban: "城镇", rural: "农村", employed: "就业状态", employedYes: "在职", employedNo: "未在职",
        occupation: "职业类别", industry: "行业", workplace: "工作单位", invalidChoice: "请从列表中选择。",
        organisationsTitle: "组织机构", kind: "类型", parent: "上级", children: "下属机构", accounts: "工作人员账号",
        noOrganisations: "没有可查看的组织机构。", nameZh: "中文名称", nameEn: "英文名称",
        newOrganisation: "新建机构", code: "机构代码", codeTaken: "该代码已被使用。", director: "中心主任（负责人）",
        demonstration: "示范性中心", move: "移到新的上级", moveCycle: "不能移到自己的下级之下。", close: "撤销机构", closed: "已撤销",
        history: "隶属变更记录", childCount: "下属",
        auditTitle: "审计日志", time: "时间", actor: "操作人", address: "地址", action: "操作", entity: "对象",
        summary: "内容", noEvents: "没有符合条件的记录。", filter: "筛选", from: "起始日期", to: "截止日期", all: "全部",
        auditAction: { action in
            switch action {
            case .create: "新建"
            case .update: "修改"
            case .delete: "删除"
            case .signIn: "登录"
            case .signInFailed: "登录失败"
            case .signOut: "退出"
            case .reveal: "查看完整号码"
            case .export: "导出"
            case .passwordChange: "修改密码"
            case .passwordReset: "重置密码"
            case .tokenCreate: "创建令牌"
            case .tokenRevoke: "吊销令牌"
            case .register: "市民注册"
            case .identityCode: "发放身份确认码"
            case .identityConfirmed: "身份确认"
            case .resetCode: "发放密码重置码"
            }
        },
        duplicatesTitle: "疑似重复人员", duplicatesIntro: "姓名和出生日期相同、或手机号相同的不同身份证号登记，可能是同一个人（如身份证号录错）。选择保留的一条并说明理由，其余合并到它：学习记录、账号和外部账号都会转到保留的人名下，被合并的登记保留备查。",
        noDuplicates: "没有发现疑似重复的人员。", samePhone: "手机号相同", sameNameBirth: "姓名和出生日期相同", keep: "保留",
        mergeReason: "合并理由", mergeButton: "合并到保留的一条", mergeDone: "已合并。",
        mergeChooseKeep: "请选择要保留的一条。", mergeReasonRequired: "请填写合并理由。",
        duplicateGroup: { n in "第 \(n) 组" }, possibleDuplicates: { n in "有 \(n) 条登记与此人姓名、出生日期或手机号相同，可能重复。" },
        externalIDsTitle: "外部平台账号", noExternalIDs: "没有登记外部平台账号。", provider: "平台（机构）", externalID: "账号",
        addExternalID: "添加", remove: "删除", externalIDInvalid: "请选择机构并填写账号（不超过100个字符）。",
        externalIDTaken: "该机构的这个账号已对应另一个人。")

    static let en = RegistryStrings(
        peopleTitle: "People", searchPlaceholder: "Name or resident ID", searchButton: "Search", name: "Name",
        residentID: "Resident ID", phone: "Phone", gender: "Gender", birthDate: "Date of birth", region: "County",
        noPeople: "No people found.", newPerson: "New person", editPerson: "Edit person", save: "Save", saved: "Saved.",
        reveal: "Show the full number", revealedNote: "This view has been written to the audit log.", exportCSV: "Export CSV",
        exportXLSX: "Export Excel",
        male: "Male", female: "Female",
        residentIDExists: "This resident ID cannot be registered here: the person may already be registered; ask their county.",
        genderMismatch: "The gender does not match the resident ID.", regionOutOfScope: "You can only register people of your area.",
        nameRequired: "Please enter the name.", previousPage: "Previous", nextPage: "Next",
        peopleCount: { count in "\(count) people" },
        urbanRural: "Urban/rural", urban: "Urban", rural: "Rural", employed: "Employment", employedYes: "Employed",
        employedNo: "Not employed", occupation: "Occupation", industry: "Industry", workplace: "Workplace",
        invalidChoice: "Choose from the list.",
        organisationsTitle: "Organisations", kind: "Kind", parent: "Parent", children: "Units below", accounts: "Staff accounts",
        noOrganisations: "No organisations you can see.", nameZh: "Chinese name", nameEn: "English name",
        newOrganisation: "New organisation", code: "Code", codeTaken: "This code is taken.", director: "Director (head)",
        demonstration: "Demonstration centre", move: "Move under another parent", moveCycle: "It cannot move under its own units.",
        close: "Close", closed: "Closed", history: "Where it hung before", childCount: "Units",
        auditTitle: "Audit log", time: "Time", actor: "Who", address: "From", action: "Action", entity: "Object",
        summary: "Summary", noEvents: "Nothing matches.", filter: "Filter", from: "From", to: "To", all: "All",
        auditAction: { action in
            switch action {
            case .create: "Create"
            case .update: "Update"
            case .delete: "Delete"
            case .signIn: "Sign-in"
            case .signInFailed: "Failed sign-in"
            case .signOut: "Sign-out"
            case .reveal: "Reveal"
            case .export: "Export"
            case .passwordChange: "Password change"
            case .passwordReset: "Password reset"
            case .tokenCreate: "Token created"
            case .tokenRevoke: "Token revoked"
            case .register: "Citizen registration"
            case .identityCode: "Identity code issued"
            case .identityConfirmed: "Identity confirmed"
            case .resetCode: "Reset code issued"
            }
        },
        duplicatesTitle: "Possible duplicates", duplicatesIntro: "Registrations under different resident IDs with the same name and birth date, or the same phone, may be one person (a mistyped ID). Pick the one to keep and give a reason; the others are merged into it: learning records, accounts and external ids move to it, and the merged registrations stay on file.",
        noDuplicates: "No possible duplicates found.", samePhone: "same phone", sameNameBirth: "same name and birth date", keep: "Keep",
        mergeReason: "Reason for merging", mergeButton: "Merge into the one kept", mergeDone: "Merged.",
        mergeChooseKeep: "Choose the registration to keep.", mergeReasonRequired: "Give a reason for the merge.",
        duplicateGroup: { n in "Group \(n)" }, possibleDuplicates: { n in "\(n) other registration(s) share this person's name and birth date or phone: a possible duplicate." },
        externalIDsTitle: "External platform accounts", noExternalIDs: "No external accounts recorded.", provider: "Platform (organisation)",
        externalID: "Account id", addExternalID: "Add", remove: "Remove", externalIDInvalid: "Choose an organisation and enter an id (at most 100 characters).",
        externalIDTaken: "This organisation's id already belongs to another person.")
}
