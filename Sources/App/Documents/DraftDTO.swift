import Foundation
import FuyuanCore
import Vapor

/// A document as `POST …/documents/parse` answers it: the contract other systems depend on (docs/api.md).
struct DraftDTO: Content {
    struct Document: Content {
        let number: String?
        let date: String?
        let issuers: [String]
        let title: String
    }

    struct DeadlineDTO: Content {
        /// As the document writes it.
        let text: String
        /// Absent when the text is none of the forms the ledger reads.
        let kind: Deadline.Kind?
        /// The day of a date or month deadline (a month's last day).
        let date: String?
        let period: ReportingPeriod?

        init(text: String, deadline: Deadline?) {
            self.text = text.isEmpty ? deadline?.label ?? "" : text
            kind = deadline?.kind
            date = deadline?.completionDay?.description
            if case .periodic(let period, _) = deadline { self.period = period } else { period = nil }
        }
    }

    struct Source: Content {
        /// The first and the last line of the document the item came from, counted from 1 (a paragraph or a table
        /// row is a line).
        let lines: [Int]
    }

    struct Item: Content {
        let number: String
        let heading: String
        let title: String
        let text: String
        let lead: [String]
        let responsible: [String]
        let cooperating: [String]
        let deadline: DeadlineDTO?
        let source: Source

        init(_ item: PlanDraft.Item) {
            (number, heading, title, text) = (item.number, item.heading, item.title, item.text)
            (lead, responsible, cooperating) = (item.lead, item.responsible, item.cooperating)
            deadline =
                item.deadlineText.isEmpty && item.deadline == nil
                ? nil : DeadlineDTO(text: item.deadlineText, deadline: item.deadline)
            source = Source(lines: [item.lines.lowerBound, item.lines.upperBound])
        }
    }

    struct Person: Content {
        let role: MeetingRole
        let name: String
        let post: String
    }

    struct Member: Content {
        let unit: String
        let liaison: String
    }

    struct RosterDTO: Content {
        let people: [Person]
        let memberUnits: [Member]
        let officeHost: String
    }

    struct Unmatched: Content {
        let name: String
        /// The item it was named in, counted from 1; absent for a name of the roster.
        let item: Int?
        let role: PartRole?
        let candidates: [String]
    }

    let document: Document
    let items: [Item]
    /// Present when the document sets up a joint meeting's roster (召集人, 成员, 办公室设在…).
    let roster: RosterDTO?
    let unmatched: [Unmatched]

    init(_ draft: PlanDraft) {
        let header = draft.header
        document = Document(
            number: header.number.isEmpty ? nil : header.number, date: header.date?.description,
            issuers: header.issuers, title: header.title)
        items = draft.items.map(Item.init)
        roster =
            draft.roster.isEmpty
            ? nil
            : RosterDTO(
                people: draft.roster.people.map { Person(role: $0.role, name: $0.name, post: $0.post) },
                memberUnits: draft.roster.memberUnits.map { Member(unit: $0.unit, liaison: $0.liaison) },
                officeHost: draft.roster.officeHost)
        unmatched = draft.unmatched.map {
            Unmatched(name: $0.name, item: $0.item, role: $0.role, candidates: $0.candidates)
        }
    }
}
