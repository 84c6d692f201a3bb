extension DailyJob {
    /// After 08:00, the automatic urges of replies to judicial suggestions that are missing.
    static let suggestionReminders = DailyJob(name: "suggestion-reminders", fromHour: 8) { app, now in
        let count = try await SuggestionStore.remind(on: app.db, now: now)
        app.logger.info("judicial suggestion reminders: \(count)")
    }
}
