import Foundation

@testable import App

extension AdminCase {
    /// A first-instance penalty case of an individual against `defendant`, filed on `filedOn`, in its unit's region,
    /// not concluded: rows to fill lists and rankings with.
    convenience init(fixture number: String, filedOn: String, defendant: App.Unit) {
        self.init()
        id = UUID()
        caseNumber = number
        court = "法院"
        procedure = .firstInstance
        actionType = .penalty
        plaintiffKind = .individual
        self.filedOn = filedOn
        $defendant.id = defendant.id!
        $region.id = defendant.$region.id
    }
}
