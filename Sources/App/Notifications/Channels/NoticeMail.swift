import Foundation
import FuyuanCore

/// The mail of a delivery: a greeting, the title, the lines, the link to the page, in plain text and in HTML.
enum NoticeMail {
    static let senderName = "府院通"

    static func compose(
        _ delivery: Delivery, to address: String, name: String, from sender: String, publicURL: String, at now: Date
    ) -> MailMessage {
        let lines = delivery.lineList
        let link = publicURL + delivery.link
        let text =
            "\(name)，您好：\n\n\(delivery.title)，共 \(lines.count) 条：\n\n" + lines.joined(separator: "\n")
            + "\n\n请登录府院通查看和处理：\(link)\n\n——府院通（本邮件由系统自动发送，请勿直接回复）\n"
        let html = element("html", []) {
            element("body", []) {
                p { "\(name)，您好：" }
                p { "\(delivery.title)，共 \(lines.count) 条：" }
                ul { for line in lines { li { line } } }
                p {
                    "请登录府院通查看和处理："
                    a(.attr("href", link)) { link }
                }
                p { "——府院通（本邮件由系统自动发送，请勿直接回复）" }
            }
        }
        return MailMessage(
            from: sender, fromName: senderName, to: address, subject: delivery.title, text: text,
            html: "<!DOCTYPE html>" + html.rendered,
            messageID: "\(delivery.id?.uuidString.lowercased() ?? "test")@fuyuan",
            date: now)
    }
}
