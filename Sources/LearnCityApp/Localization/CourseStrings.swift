import LearnCityCore

/// Strings of the course catalogue, enrolment and "my learning".
struct CourseStrings: Sendable {
    let title, intro, searchPlaceholder, allRegions, allCategories, featuredOnly, filter, noCourses, featured: String
    let category, provider, region, hours, dates, venue, capacity, seatsLeft, unlimited, mode, schedule, teachers, description: String
    let code, kind, status, newCourse, editCourse, save, enrol, enrolled, withdraw, signInToEnrol, linkFirst: String
    let participants, noParticipants, enrolByID, residentID, complete, completeAll, drop, completed, dropped: String
    let notOpen, full, alreadyEnrolled, unknownPerson, codeTaken, kindOnlyCourses, invalidNumber, invalidDate: String
    let notEnrolled, expertRole: String
    /// The participants page's completion date: the course's end by default, never a day to come.
    let completionDate, completionInFuture: String
    let myLearning, myLearningIntro, myCourses, noLearning, experts, lecturer, reviewer, addExpert: String
    let courseCount: @Sendable (Int) -> String
    let modeNames: [Course.Mode: String]
    let statusNames: [Course.Status: String]
    let enrolmentNames: [Enrolment.Status: String]
    /// Categories from the work plan, offered as suggestions (any text is allowed).
    let categories: [String]
}

extension CourseStrings {
    static let seedCategories = ["市花腊梅种植", "健康坝坝舞", "计算机技术", "法律常识", "家庭理财", "家庭安全", "卫生保健", "书画摄影", "民俗文化",
                                 "党政人才", "企业经营管理", "专业技术", "高技能", "实用技术", "社会工作", "就业创业"]

    static let zh = CourseStrings(
        title: "课程", intro: "在身边的学习中心、学院和培训机构学习：按区县、机构和类别查找课程，报名参加。",
        searchPlaceholder: "课程名称", allRegions: "全部区县", allCategories: "全部类别", featuredOnly: "只看特色课程", filter: "查找",
        noCourses: "没有找到符合条件的课程。", featured: "特色课程",
        category: "类别", provider: "举办单位", region: "区县", hours: "学时", dates: "时间", venue: "地点", capacity: "名额",
        seatsLeft: "剩余名额", unlimited: "不限", mode: "方式", schedule: "安排", teachers: "授课教师", description: "简介",
        code: "课程编号", kind: "记录类型", status: "状态", newCourse: "新增课程", editCourse: "修改课程", save: "保存",
        enrol: "报名", enrolled: "已报名", withdraw: "取消报名", signInToEnrol: "登录后报名", linkFirst: "请先到学习中心确认身份，才能报名和查看学习记录。",
        participants: "学员", noParticipants: "还没有学员报名。", enrolByID: "按身份证号报名（现场）", residentID: "身份证号",
        complete: "结业", completeAll: "全部结业", drop: "退出", completed: "已结业", dropped: "已退出",
        notOpen: "该课程目前不接受报名。", full: "名额已满。", alreadyEnrolled: "已经报名了。", unknownPerson: "本单位服务区域内没有找到此人：请先登记，或请其所在区县为其报名。",
        codeTaken: "该编号已被使用。", kindOnlyCourses: "课程只能是社区教育或职业培训；学历和资格认证请导入记录。",
        invalidNumber: "请填写有效数字。", invalidDate: "请填写有效日期，如 2014-07-01。",
        notEnrolled: "报名后才能学习此课程。", expertRole: "担任",
        completionDate: "结业日期", completionInFuture: "结业日期不能晚于今天。",
        myLearning: "我的学习", myLearningIntro: "你的学习记录、学时和报名的课程。", myCourses: "我报名的课程", noLearning: "还没有学习记录。",
        experts: "专家", lecturer: "主讲", reviewer: "评审", addExpert: "关联专家",
        courseCount: { n in "共 \(n) 门课程" },
        modeNames: [.offline: "线下", .online: "线上", .blended: "线上线下结合"],
        statusNames: [.open: "报名中", .closed: "停止报名", .finished: "已结束"],
        enrolmentNames: [.enrolled: "已报名", .completed: "已结业", .dropped: "已退出"],
        categories: seedCategories)

    static let en = CourseStrings(
        title: "Courses", intro: "Learn at a centre, college or provider near you: find courses by county, organisation and category, and enrol.",
        searchPlaceholder: "Course title", allRegions: "All counties", allCategories: "All categories", featuredOnly: "Featured only", filter: "Find",
        noCourses: "No courses match.", featured: "Featured",
        category: "Category", provider: "Provider", region: "County", hours: "Hours", dates: "Dates", venue: "Venue", capacity: "Places",
        seatsLeft: "Places left", unlimited: "no limit", mode: "Mode", schedule: "Schedule", teachers: "Teachers", description: "About",
        code: "Course code", kind: "Record kind", status: "Status", newCourse: "New course", editCourse: "Edit course", save: "Save",
        enrol: "Enrol", enrolled: "Enrolled", withdraw: "Withdraw", signInToEnrol: "Sign in to enrol",
        linkFirst: "Confirm your identity at a learning centre first to enrol and see your records.",
        participants: "Participants", noParticipants: "Nobody has enrolled yet.", enrolByID: "Enrol by resident ID (walk-in)", residentID: "Resident ID",
        complete: "Completed", completeAll: "All completed", drop: "Dropped out", completed: "completed", dropped: "dropped",
        notOpen: "This course is not taking enrolments.", full: "No places left.", alreadyEnrolled: "Already enrolled.",
        unknownPerson: "No such person in your area: register them first, or ask their own county to enrol them.", codeTaken: "This code is taken.",
        kindOnlyCourses: "A course is community education or vocational training; degrees and certificates arrive as records.",
        invalidNumber: "Enter a valid number.", invalidDate: "Enter a real date, e.g. 2014-07-01.",
        notEnrolled: "Enrol to take this course.", expertRole: "As",
        completionDate: "Completion date", completionInFuture: "The completion date cannot be later than today.",
        myLearning: "My learning", myLearningIntro: "Your learning records, hours and courses.", myCourses: "My courses", noLearning: "No learning records yet.",
        experts: "Experts", lecturer: "lecturer", reviewer: "reviewer", addExpert: "Link an expert",
        courseCount: { n in "\(n) courses" },
        modeNames: [.offline: "in person", .online: "online", .blended: "blended"],
        statusNames: [.open: "open", .closed: "closed", .finished: "finished"],
        enrolmentNames: [.enrolled: "enrolled", .completed: "completed", .dropped: "dropped"],
        categories: seedCategories)
}
