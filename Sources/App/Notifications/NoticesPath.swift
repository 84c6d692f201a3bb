/// The addresses of the notification centre.
enum NoticesPath {
    static let notices: PathPattern = "/notices"
    static let read: PathPattern = "/notices/read"
    static let run: PathPattern = "/notices/run"
}

extension SitePath {
    static let notices = NoticesPath.notices.path()
    static let noticesRead = NoticesPath.read.path()
    static let noticesRun = NoticesPath.run.path()
}
