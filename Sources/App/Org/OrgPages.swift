import Fluent
import FuyuanCore
import Vapor

/// Pages of regions, units and joint meetings.
struct OrgPages {
    func regionGo(_ request: Request) async throws -> Response {
        let code = (try? request.query.get(String.self, at: "code")) ?? ""
        guard RegionCode(code) != nil else { throw AppError.invalid("区划代码格式不正确") }
        return request.redirect(to: SitePath.region(code).url)
    }

    func units(_ request: Request) async throws -> HTMLPage {
        let caller = try request.caller(for: .readOrganisation)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        return try await unitsPage(request, region: region, caller: caller, problems: [], notice: nil)
    }

    func createUnit(_ request: Request) async throws -> Response {
        let caller = try request.caller(for: .editUnits)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        let form = try request.content.decode(UnitInput.self)
        do {
            try await UnitStore.create(form, region: region, as: try request.acting())
        } catch let error as AppError where error.status == .unprocessableEntity || error.status == .conflict {
            return try await unitsPage(request, region: region, caller: caller, problems: [error.reason], notice: nil)
                .encodeResponse(status: error.status, for: request)
        }
        return request.redirect(to: SitePath.units(region.code).url + "?created=1")
    }

    func editUnitPage(_ request: Request) async throws -> HTMLPage {
        let caller = try request.caller(for: .editUnits)
        let unit = try await caller.scope.unit(id: request.idParameter(), on: request.db)
        let region = try unit.joined(Region.self)
        guard caller.mayWrite(inRegion: try region.requireID()) else { throw AppError.forbidden }
        return UnitEditView.render(
            .init(
                id: try unit.requireID(), name: unit.name, kind: unit.kind, version: unit.version,
                regionCode: region.code,
                regionName: region.name, problems: []), shell: try await request.shell(regionCode: region.code))
    }

    func updateUnit(_ request: Request) async throws -> Response {
        let caller = try request.caller(for: .editUnits)
        let unit = try await caller.scope.unit(id: request.idParameter(), on: request.db)
        let region = try unit.joined(Region.self)
        let form = try request.content.decode(UnitInput.self)
        let seen = try? request.content.get(Int.self, at: "version")
        do {
            try await UnitStore.update(unit, with: form, expected: seen, as: try request.acting())
        } catch let error as AppError where error.status == .unprocessableEntity || error.status == .conflict {
            // A stale form shows the other person's version to compare with; the typed values stay in the fields.
            let current = try await caller.scope.unit(id: unit.requireID(), on: request.db)
            let problems =
                error.code == "stale"
                ? ["单位\(error.reason)。现在的名称是“\(current.name)”，类别是“\(current.kind.label)”。"] : [error.reason]
            return try await UnitEditView.render(
                .init(
                    id: unit.requireID(), name: form.name, kind: form.kind, version: current.version,
                    regionCode: region.code, regionName: region.name, problems: problems),
                shell: try await request.shell(regionCode: region.code)
            )
            .encodeResponse(status: error.status, for: request)
        }
        return request.redirect(to: SitePath.units(region.code).url)
    }

    private func unitsPage(_ request: Request, region: Region, caller: Caller, problems: [String], notice: String?)
        async throws -> HTMLPage
    {
        let units = try await OrgQueries.units(of: region, on: request.db)
        let created = (try? request.query.get(String.self, at: "created")) != nil
        let regionID = try region.requireID()
        let lower = try await OrgQueries.lowerRegions(of: region, scope: caller.scope, on: request.db)
        let ids = [regionID] + lower.compactMap(\.id)
        let unitCounts = try await OrgQueries.unitCounts(regionIDs: ids, on: request.db)
        let memberCounts = try await OrgQueries.memberCounts(regionIDs: ids, on: request.db)
        let model = UnitsView.Model(
            regionCode: region.code, regionName: region.name,
            memberUnits: memberCounts[regionID] ?? 0,
            users: try await OrgQueries.userCount(regionID: regionID, on: request.db),
            lowerRegions: try lower.map {
                try .init(
                    code: $0.code, name: $0.name, level: $0.level.label, units: unitCounts[$0.requireID()] ?? 0,
                    memberUnits: memberCounts[$0.requireID()])
            },
            units: try units.map { try .init(id: $0.requireID(), name: $0.name, kind: $0.kind.label) },
            canEdit: caller.role.may(.editUnits) && caller.mayWrite(inRegion: regionID),
            problems: problems, notice: notice ?? (created ? "单位已添加" : nil))
        return UnitsView.render(model, shell: try await request.shell(regionCode: region.code))
    }

    func meeting(_ request: Request) async throws -> HTMLPage {
        let caller = try request.caller(for: .readOrganisation)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        let loaded = try await RosterStore.load(region: region, seal: request.fieldSeal, on: request.db)
        let saved = (try? request.query.get(String.self, at: "saved")) != nil
        let regionID = try region.requireID()
        let model = loaded.page(
            regionCode: region.code, regionName: region.name,
            canEdit: caller.role.may(.editRoster) && caller.mayWrite(inRegion: regionID),
            notice: saved ? "联席会议组成已更新，调整记录已保存" : nil)
        return RosterView.render(model, shell: try await request.shell(regionCode: region.code))
    }

    func editMeetingPage(_ request: Request) async throws -> HTMLPage {
        let caller = try request.caller(for: .editRoster)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        guard caller.mayWrite(inRegion: try region.requireID()) else { throw AppError.forbidden }
        let loaded = try await RosterStore.load(region: region, seal: request.fieldSeal, on: request.db)
        // The form shows liaisons' phones whole: who saw them is in the audit log (DJ-PI-02).
        let phones = loaded.members.count { !$0.member.sealedPhone.isEmpty }
        if phones > 0 {
            try await request.db.write { db in
                try await request.audit(
                    .personalDataViewed, object: ("joint_meeting", loaded.meeting?.id?.uuidString ?? region.code),
                    summary: "查看\(region.name)联席会议联络员电话（完整号码）\(phones) 个", on: db)
            }
        }
        let form = loaded.form(regionName: region.name, today: CalendarDay(containing: request.now))
        return try await meetingEditPage(request, region: region, form: form, problems: [])
    }

    func saveMeeting(_ request: Request) async throws -> Response {
        let caller = try request.caller(for: .editRoster)
        let region = try await caller.scope.region(code: request.parameters.require("code"), on: request.db)
        let posted = try request.content.decode(RosterEditView.Posted.self)
        let form = posted.values
        do {
            try await RosterStore.save(
                try posted.input(), region: region, expected: form.version == 0 ? nil : form.version,
                as: try request.acting())
        } catch let error as AppError where error.status == .unprocessableEntity || error.code == "stale" {
            // A stale form keeps what was typed and takes the current version: saving again is a decision.
            var form = form
            if error.code == "stale" {
                form.version =
                    try await RosterStore.load(region: region, seal: request.fieldSeal, on: request.db).meeting?.version
                    ?? 0
            }
            let problems =
                error.code == "stale"
                ? ["联席会议组成\(error.reason)（请先在联席会议页面查看对方的调整）。"] : error.problems
            return try await meetingEditPage(request, region: region, form: form, problems: problems)
                .encodeResponse(status: error.status, for: request)
        }
        return request.redirect(to: SitePath.meeting(region.code).url + "?saved=1")
    }

    private func meetingEditPage(
        _ request: Request, region: Region, form: RosterEditView.FormValues, problems: [String]
    ) async throws -> HTMLPage {
        let units = try await OrgQueries.units(of: region, on: request.db)
        return RosterEditView.render(
            .init(
                regionCode: region.code, regionName: region.name,
                units: try units.map { (try $0.requireID(), $0.name) }, form: form,
                problems: problems),
            shell: try await request.shell(regionCode: region.code))
    }
}
