/// Strings of the expert database.
struct ExpertStrings: Sendable {
    let heading, searchPlaceholder, newExpert, none: String
    let name, title, affiliation, fields, keywords, phone, email, availability: String
}

extension ExpertStrings {
    static let zh = ExpertStrings(heading: "专家库", searchPlaceholder: "关键词，如 法律、金融", newExpert: "新增专家", none: "没有找到专家。",
                                  name: "姓名", title: "职称", affiliation: "单位", fields: "领域", keywords: "专长关键词",
                                  phone: "联系电话", email: "邮箱", availability: "可参与时间")
    static let en = ExpertStrings(heading: "Experts", searchPlaceholder: "Keyword, e.g. 法律, 金融", newExpert: "New expert",
                                  none: "No experts found.", name: "Name", title: "Title", affiliation: "Affiliation", fields: "Fields",
                                  keywords: "Expertise keywords", phone: "Phone", email: "Email", availability: "Availability")
}
