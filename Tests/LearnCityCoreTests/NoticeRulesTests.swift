import LearnCityCore
import Testing

@Suite("Notice corrections and withdrawals")
struct NoticeRulesTests {
    @Test("A correction needs a title and a change; a withdrawal a reason; a withdrawn notice is final")
    func rules() {
        let current = (title: "通知", body: "正文")
        #expect(
            NoticeRules.correction(title: " 新通知 ", body: "正文", current: current, withdrawn: false)
                == .success(.init(title: "新通知", body: "正文")))
        #expect(
            NoticeRules.correction(title: "  ", body: "x", current: current, withdrawn: false)
                == .failure(.titleRequired))
        #expect(
            NoticeRules.correction(title: "通知", body: "正文", current: current, withdrawn: false) == .failure(.unchanged))
        #expect(NoticeRules.correction(title: "新", body: "", current: current, withdrawn: true) == .failure(.withdrawn))
        #expect(NoticeRules.withdrawal(reason: " 重复 \n", withdrawn: false) == .success("重复"))
        #expect(NoticeRules.withdrawal(reason: "", withdrawn: false) == .failure(.reasonRequired))
        #expect(NoticeRules.withdrawal(reason: "重复", withdrawn: true) == .failure(.withdrawn))
    }
}
