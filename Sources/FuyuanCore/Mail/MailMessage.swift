import Foundation

/// One mail in Chinese, as the product sends it: plain text and HTML alternatives in UTF-8, each base64-encoded (so
/// that every line is short and 7-bit, whatever the relay), the subject and the sender's name as RFC 2047 encoded
/// words.
public struct MailMessage: Sendable, Equatable {
    public var from: String
    public var fromName: String
    public var to: String
    public var subject: String
    public var text: String
    public var html: String
    /// Without the angle brackets; the same on every attempt, so that a receiver can tell a resend.
    public var messageID: String
    public var date: Date

    public init(
        from: String, fromName: String, to: String, subject: String, text: String, html: String, messageID: String,
        date: Date
    ) {
        self.from = from
        self.fromName = fromName
        self.to = to
        self.subject = subject
        self.text = text
        self.html = html
        self.messageID = messageID
        self.date = date
    }

    /// The message as it goes after DATA: CRLF line ends, no line longer than 78 characters; without the final dot.
    public func rendered() -> String {
        let boundary = "=_fuyuan_" + messageID.filter { $0.isLetter || $0.isNumber }
        var lines = [
            "Date: " + Self.dateHeader(date),
            "From: " + Self.encodedWords(fromName) + " <\(from)>",
            "To: <\(to)>",
            "Subject: " + Self.encodedWords(subject),
            "Message-ID: <\(messageID)>",
            "MIME-Version: 1.0",
            "Content-Type: multipart/alternative; boundary=\"\(boundary)\"",
            "",
        ]
        for (type, body) in [("text/plain", text), ("text/html", html)] {
            lines += [
                "--" + boundary,
                "Content-Type: \(type); charset=UTF-8",
                "Content-Transfer-Encoding: base64",
                "",
            ]
            lines += Self.base64Lines(body)
        }
        lines.append("--" + boundary + "--")
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// `text` as RFC 2047 B-encoded words of at most 75 characters, folded onto continuation lines, each word a
    /// whole number of characters (never a split UTF-8 sequence); plain ASCII without specials stays as it is.
    public static func encodedWords(_ text: String) -> String {
        if text.allSatisfy({ $0.isASCII && !$0.isNewline && $0 != "=" && $0 != "?" }) { return text }
        // "=?UTF-8?B?" + "?=" is 12 characters and 45 bytes make 60 of base64: 72, with room for "Subject: ".
        var words: [[UInt8]] = []
        var chunk: [UInt8] = []
        for character in text where !character.isNewline {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 45 {
                words.append(chunk)
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?UTF-8?B?" + Data($0).base64EncodedString() + "?=" }.joined(separator: "\r\n ")
    }

    private static func base64Lines(_ body: String) -> [String] {
        let encoded = Data(body.utf8).base64EncodedString()
        return stride(from: 0, to: encoded.count, by: 76).map { start in
            let from = encoded.index(encoded.startIndex, offsetBy: start)
            let to = encoded.index(from, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
            return String(encoded[from..<to])
        }
    }

    private static func dateHeader(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = CalendarDay.timeZone
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }
}
