import LearnCityCore

/// Strings of the digital learning-resource library and online courses.
struct LibraryStrings: Sendable {
    let title, intro, search, allKinds, kind, empty, upload, uploadHint, titleLabel, subject, keywords, licence, provider: String
    let file, size, open, noPlayer, tooLarge, notAllowed, noFile, titleAndProvider: String
    let items, itemDone, done, progress, addItem, noItems: String
    let kindNames: [ContentSniffer.Kind: String]
}

extension LibraryStrings {
    static let zh = LibraryStrings(
        title: "学习资源库", intro: "视频、音频、文档和图片，随时随地学习。", search: "查找", allKinds: "全部类型", kind: "类型",
        empty: "没有找到资源。", upload: "上传资源", uploadHint: "视频（MP4、WebM）、音频（MP3、M4A、OGG、WAV）、文档（PDF、Word、PowerPoint、Excel）和图片，单个文件不超过 1 GB；类型按文件内容判断，不看扩展名。",
        titleLabel: "标题", subject: "学科", keywords: "关键词", licence: "使用许可", provider: "提供单位", file: "文件", size: "大小",
        open: "打开文档", noPlayer: "浏览器无法播放此文件。", tooLarge: "文件超过 1 GB，不能上传。",
        notAllowed: "只能上传视频、音频、文档或图片；此文件的内容不属于这些类型。", noFile: "请选择要上传的文件。",
        titleAndProvider: "请填写标题并选择提供单位。",
        items: "课程内容", itemDone: "学完了", done: "已学完", progress: "学习进度", addItem: "添加资源到课程", noItems: "此课程还没有内容。",
        kindNames: [.video: "视频", .audio: "音频", .document: "文档", .image: "图片"])

    static let en = LibraryStrings(
        title: "Learning resources", intro: "Video, audio, documents and images, to learn any time.", search: "Find", allKinds: "All kinds", kind: "Kind",
        empty: "No resources found.", upload: "Upload a resource",
        uploadHint: "Video (MP4, WebM), audio (MP3, M4A, OGG, WAV), documents (PDF, Word, PowerPoint, Excel) and images, up to 1 GB each; the type is read from the file's content, not its name.",
        titleLabel: "Title", subject: "Subject", keywords: "Keywords", licence: "Licence", provider: "Provider", file: "File", size: "Size",
        open: "Open the document", noPlayer: "Your browser cannot play this file.", tooLarge: "The file is larger than 1 GB.",
        notAllowed: "Only video, audio, documents and images can be uploaded; this file's content is none of them.",
        noFile: "Choose a file to upload.", titleAndProvider: "Give a title and choose the provider.",
        items: "Course content", itemDone: "Done", done: "done", progress: "Progress", addItem: "Add a resource to the course",
        noItems: "This course has no content yet.",
        kindNames: [.video: "video", .audio: "audio", .document: "document", .image: "image"])
}
