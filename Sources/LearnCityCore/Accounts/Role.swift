/// What an account may do. Every account is also scoped to an organisation subtree; the role
/// says which actions, the organisation says over which data.
public enum Role: String, CaseIterable, Codable, Sendable {
    case systemAdmin = "system_admin"          // 系统管理员
    case cityOffice = "city_office"            // 领导小组办公室 (sees everything)
    case memberUnitReporter = "member_unit"    // 成员单位填报员
    case countyAdmin = "county_admin"          // 县级管理员
    case centreAdmin = "centre_admin"          // 学习中心管理员
    case providerStaff = "provider_staff"      // 培训机构工作人员
    case teacher = "teacher"                   // 教师
    case expertReviewer = "expert_reviewer"    // 评审专家
    case financeOfficer = "finance_officer"    // 财务人员
    case learner = "learner"                   // 学员 (citizen)

    /// Staff roles sign in to the workspace; learners use the citizens' portal.
    public var isStaff: Bool { self != .learner }
}
