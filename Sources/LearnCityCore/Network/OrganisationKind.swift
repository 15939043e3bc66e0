/// What an organisation is in the continuing-education system (design.md §3).
///
/// The three-level network is university → college → centre; everything else (member units,
/// providers, schools, …) hangs off the city or a county, because departments are not
/// geographic.
public enum OrganisationKind: String, CaseIterable, Codable, Sendable {
    case leadingGroup = "leading_group"                  // 继续教育工作领导小组
    case leadingGroupOffice = "leading_group_office"     // 领导小组办公室
    case countyLeadership = "county_leadership"          // 县级继续教育领导机构
    case university = "university"                       // 继续教育大学
    case college = "college"                             // 继续教育学院
    case communityCentre = "community_centre"            // 社区继续教育中心
    case villageCentre = "village_centre"                // 村级继续教育中心
    case enterpriseCentre = "enterprise_centre"          // 企业继续教育中心
    case memberUnit = "member_unit"                      // 成员单位
    case trainingProvider = "training_provider"          // 培训机构
    case school = "school"                               // 学校、高校
    case correspondenceStation = "correspondence_station" // 函授站点
    case socialOrganisation = "social_organisation"      // 社会组织
    case enterprise = "enterprise"                       // 企业

    /// Community, village and enterprise centres: the third level of the network.
    public var isCentre: Bool {
        self == .communityCentre || self == .villageCentre || self == .enterpriseCentre
    }

    /// The level of the three-level network, or nil for bodies outside it.
    public var networkLevel: Int? {
        switch self {
        case .university: return 1
        case .college: return 2
        case .communityCentre, .villageCentre, .enterpriseCentre: return 3
        default: return nil
        }
    }
}
