/// Strings of notices, receipts and replies.
struct NoticeStrings: Sendable {
    let title, none, issue, number, numberHint, numberTaken, titleLabel, body, to, unitsRequired: String
    let sign, reply, sendReply, signedAt, notSigned, unsigned, allSigned, unreplied, allReplied: String
    let correct, saveCorrection, corrected, withdraw, withdrawn, reason, reasonRequired, isWithdrawn, unchanged: String

    static let zh = NoticeStrings(
        title: "通知", none: "没有通知。", issue: "发出通知", number: "文号", numberHint: "如：××继教办〔2014〕12号", numberTaken: "该文号已使用。",
        titleLabel: "标题", body: "正文", to: "发送单位", unitsRequired: "请至少选择一个单位。",
        sign: "签收", reply: "回执", sendReply: "提交回执",
        signedAt: "已签收", notSigned: "未签收", unsigned: "未签收的单位", allSigned: "各单位均已签收。",
        unreplied: "未回执的单位", allReplied: "各单位均已回执。",
        correct: "更正", saveCorrection: "保存更正", corrected: "已更正", withdraw: "撤回通知", withdrawn: "已撤回",
        reason: "撤回理由", reasonRequired: "请写明撤回理由。", isWithdrawn: "此通知已撤回，不能再更改。", unchanged: "标题和正文都没有改动。")
    static let en = NoticeStrings(
        title: "Notices", none: "No notices.", issue: "Issue a notice", number: "Document number", numberHint: "e.g. ××继教办〔2014〕12号",
        numberTaken: "This document number is used.", titleLabel: "Title", body: "Text", to: "To", unitsRequired: "Choose at least one unit.",
        sign: "Sign for it", reply: "Reply", sendReply: "Send the reply",
        signedAt: "signed", notSigned: "not signed", unsigned: "Not signed by", allSigned: "Every unit has signed.",
        unreplied: "No reply from", allReplied: "Every unit has replied.",
        correct: "Correct", saveCorrection: "Save the correction", corrected: "Corrected", withdraw: "Withdraw the notice",
        withdrawn: "Withdrawn", reason: "Reason for withdrawing", reasonRequired: "Say why the notice is withdrawn.",
        isWithdrawn: "This notice is withdrawn and can no longer change.", unchanged: "Neither the title nor the text changed.")
}
