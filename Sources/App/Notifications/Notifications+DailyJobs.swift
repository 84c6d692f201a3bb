extension DailyJob {
    /// After 08:00, the digest of what each unit and office must act on.
    static let digest = DailyJob(name: "digest", fromHour: 8) { app, now in
        let count = try await Digest.run(of: app.features, on: app.db, now: now, rules: app.dueRules)
        app.logger.info("daily digest: \(count) notices")
    }
}
