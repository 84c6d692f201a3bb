import Foundation
import Testing

@testable import FuyuanCore

@Suite struct MailMessageTests {
    static let message = MailMessage(
        from: "fuyuan@fuyuan.test", fromName: "府院通", to: "lushan.office@fuyuan.test",
        subject: "府院通每日提醒（2026年12月7日）：逾期事项和待审核事项共计十二条，请及时处理", text: "一\n二\n", html: "<p>一</p>",
        messageID: "1f2e@fuyuan", date: Date(timeIntervalSince1970: 1_796_623_200))

    @Test func theHeadersAreSevenBitWithTheSubjectInEncodedWords() {
        let lines = Self.message.rendered().components(separatedBy: "\r\n")
        #expect(
            Array(lines.prefix(9)) == [
                "Date: Mon, 07 Dec 2026 14:00:00 +0800",
                "From: =?UTF-8?B?5bqc6Zmi6YCa?= <fuyuan@fuyuan.test>",
                "To: <lushan.office@fuyuan.test>",
                // At most 45 bytes a word, never a character split (computed apart in Python).
                "Subject: =?UTF-8?B?5bqc6Zmi6YCa5q+P5pel5o+Q6YaS77yIMjAyNuW5tDEy5pyIN+aXpe+8iQ==?=",
                " =?UTF-8?B?77ya6YC+5pyf5LqL6aG55ZKM5b6F5a6h5qC45LqL6aG55YWx6K6h5Y2B5LqM?=",
                " =?UTF-8?B?5p2h77yM6K+35Y+K5pe25aSE55CG?=",
                "Message-ID: <1f2e@fuyuan>",
                "MIME-Version: 1.0",
                "Content-Type: multipart/alternative; boundary=\"=_fuyuan_1f2efuyuan\"",
            ])
        #expect(lines.allSatisfy { $0.utf8.count <= 998 && $0.allSatisfy(\.isASCII) })
    }

    @Test func eachEncodedWordHoldsWholeCharacters() {
        let words = MailMessage.encodedWords(Self.message.subject).components(separatedBy: "\r\n ")
        let decoded = words.map { word in
            let base64 = String(word.dropFirst("=?UTF-8?B?".count).dropLast(2))
            return Data(base64Encoded: base64).flatMap { String(data: $0, encoding: .utf8) } ?? "?"
        }
        #expect(decoded.joined() == Self.message.subject)
        #expect(words.allSatisfy { $0.count <= 75 })
        #expect(MailMessage.encodedWords("Fuyuan test") == "Fuyuan test")
    }

    @Test func theBodiesAreBase64InLinesOf76() {
        let rendered = Self.message.rendered()
        #expect(
            rendered.contains(
                "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n5LiACuS6jAo=\r\n"))
        #expect(
            rendered.contains(
                "Content-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\nPHA+5LiAPC9wPg==\r\n"
            ))
        #expect(rendered.hasSuffix("--=_fuyuan_1f2efuyuan--\r\n"))
    }
}
