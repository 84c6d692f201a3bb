import Fluent
import FuyuanCore

/// Every migration, in the order it runs. Append only. `seal` tags what is authenticated under the data key.
func migrations(seal: FieldSeal) -> [any Migration] {
    [
        CreateRegion(),
        CreateUnit(),
        CreateJointMeeting(),
        CreateUser(),
        CreateAuthTables(),
        CreateAuditEntry(),
        CreateLedger(),
        CreateSupervision(),
        CreateNotices(),
        CreateAttachment(),
        CreateLitigation(),
        ChainAuditEntries(),
        CreatePasswordHistory(),
        CreateIdempotencyKeys(),
        AddVersions(),
        AddSecondFactor(),
        IndexCasesForTheList(),
        AddSessionConfirmation(),
        AddItemVersions(),
        CreateAuditForwarding(),
        AddGrantTags(seal: seal),
        AddLastSignIn(),
        CountFiguresGenerations(),
    ]
}
