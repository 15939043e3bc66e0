/// Strings of the shortcuts above the unit checkboxes of notices, meetings and report forms.
struct RecipientStrings: Sendable {
    let shortcuts, shortcutsHint, memberUnits, counties, colleges, centres, unknownGroup: String

    static let zh = RecipientStrings(
        shortcuts: "快捷选择", shortcutsHint: "勾选的类别在提交时并入下面勾选的单位（仅限未撤销的单位）。",
        memberUnits: "全部成员单位", counties: "全部区县领导机构", colleges: "全部继续教育学院", centres: "全部学习中心",
        unknownGroup: "所选的单位类别无效，请重新选择。")

    static let en = RecipientStrings(
        shortcuts: "Shortcuts",
        shortcutsHint: "Ticked groups are added to the units ticked below when the form is sent (open units only).",
        memberUnits: "All member units", counties: "All counties", colleges: "All colleges", centres: "All centres",
        unknownGroup: "The chosen group of units is not valid; please choose again.")
}
