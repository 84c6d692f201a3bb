import Fluent

/// Every migration, in the order it runs. Append only.
let migrations: [any Migration] = [
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
]
