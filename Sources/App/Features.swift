extension Feature {
    /// Every feature of the app, in the order their migrations run (a feature's tables before those that refer to
    /// them).
    static let all: [Feature] = [
        .platform, .org, .home, .auth, .audit, .ledger, .supervision, .notifications, .litigation, .suggestions,
        .enforcement, .disputes, .bankruptcy, .documents,
        .operations,
    ]
}
