import Fluent
import Foundation
import Testing

@testable import App

/// Every model lists its properties by hand (`var properties`), because Fluent otherwise finds them by reflection
/// on every row it reads or writes, which cost more than the database itself on the busy pages. The hand-written
/// list must be exactly what reflection finds, in the same order, or a field would silently go unread or unsaved.
@Suite struct ModelPropertiesTests {
    static let models: [any Fields.Type] = [
        Notice.self, JobLease.self, UserSession.self, APIToken.self, LoginThrottle.self, PasswordHistory.self,
        Attachment.self, WorkList.self, WorkItem.self, ItemPart.self, ProgressReport.self, ExtensionRequest.self,
        ItemEvent.self, ItemLink.self, AdminCase.self, Hearing.self, Region.self, User.self, App.Unit.self,
        JointMeeting.self, MeetingPerson.self, MemberUnit.self, RosterChange.self, IdempotencyKey.self,
        AuditEntry.self, Supervision.self, SupervisionTarget.self, Robot.self, Delivery.self, NoticeSetting.self,
        JudicialSuggestion.self, SuggestionEvent.self, EnforcementCase.self, EnforcementPayment.self,
        EnforcementCampaign.self, Dispute.self, DisputeEvent.self, DisputeParticipant.self, DisputeTargetRow.self,
        BankruptcyCase.self, BankruptcyMatter.self, LedgerDocument.self,
        NoticeChannel.self,
    ]

    @Test func handWrittenPropertiesAreWhatReflectionFinds() {
        for type in Self.models {
            let model = type.init()
            let listed = model.properties.map { ObjectIdentifier($0 as AnyObject) }
            let reflected = Mirror(reflecting: model).children.compactMap { $0.value as? any AnyProperty }
                .map { ObjectIdentifier($0 as AnyObject) }
            #expect(listed == reflected, "\(type): \(listed.count) listed, \(reflected.count) found by reflection")
        }
    }

    @Test func everyModelIsChecked() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../Sources/App")
        var declared: [String] = []
        var withoutList: [String] = []
        for case let file as URL in FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            // A class body runs from its declaration to the first line that is a lone closing brace.
            for match in text.matches(of: /final class (\w+): Model[^\n]*\n((?:.*\n)*?)\}\n/) {
                declared.append(String(match.output.1))
                if !match.output.2.contains("var properties: [any AnyProperty]") {
                    withoutList.append(String(match.output.1))
                }
            }
        }
        #expect(Set(declared) == Set(Self.models.map { String(describing: $0) }))
        // Without its own list a model falls back to reflection, and the first test cannot tell.
        #expect(withoutList == [])
    }
}
