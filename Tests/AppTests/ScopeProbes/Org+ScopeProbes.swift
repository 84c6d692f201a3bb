@testable import App

extension ScopeMatrixTests {
    /// `Feature.org`'s routes, each tried by every caller.
    static let orgProbes: [Probe] = [
        .get("regions/go", "/regions/go?code=410423", "LOOOOOOOOOO"),
        .get("regions/:code/units", "/regions/410423/units", readLushan),
        .form(
            .POST, "regions/:code/units", "/regions/410423/units", writeLushanUnits,
            [("name", "鲁山县信访局{who}"), ("kind", "department")]),
        .get("units/:id/edit", "/units/{unit}/edit", writeLushanUnits),
        .form(.POST, "units/:id", "/units/{unit}", writeLushanUnits, [("name", "鲁山县司法局"), ("kind", "department")]),
        .get("regions/:code/meeting", "/regions/410423/meeting", readLushan),
        .get("regions/:code/meeting/edit", "/regions/410423/meeting/edit", writeLushanRoster),
        .form(
            .POST, "regions/:code/meeting", "/regions/410423/meeting", writeLushanRoster,
            [
                ("name", "鲁山县府院联动联席会议{who}"), ("officeUnitID", ""), ("approvedBy", "县长"), ("approvedOn", "2026-11-01"),
            ]),
        .get("admin/regions", "/admin/regions", sysadminOnly),
        .form(
            .POST, "admin/regions", "/admin/regions", sysadminOnly,
            [("code", "410402"), ("name", "新华区"), ("parentCode", "410400")]),
        .get("admin/users", "/admin/users", "LOOFFFFFFFF"),
        .get("admin/users/new", "/admin/users/new", sysadminOnly),
        .form(
            .POST, "admin/users", "/admin/users", sysadminOnly,
            [("username", "new.user"), ("displayName", "新用户"), ("role", "liaison"), ("unitID", "{unit}")]),
        .form(.POST, "admin/users/:id/role", "/admin/users/{target}/role", securityOnly, [("role", "leader")]),
        .form(.POST, "admin/users/:id/unlock", "/admin/users/{target}/unlock", securityOnly),
        .form(.POST, "admin/users/:id/second-factor/reset", "/admin/users/{target}/second-factor/reset", securityOnly),
        .form(.POST, "admin/users/:id/reset-password", "/admin/users/{target}/reset-password", sysadminOnly),
        .form(.POST, "admin/users/:id/active", "/admin/users/{target}/active", sysadminOnly, [("active", "0")]),
        .get("api/v1/regions", "/api/v1/regions", "LOFFOOOOOOO"),
        .json(
            .POST, "api/v1/regions", "/api/v1/regions", sysadminOnly,
            ["code": "410402", "name": "新华区", "parentCode": "410400"]),
        .get("api/v1/regions/:code", "/api/v1/regions/410423", readLushan),
        .get("api/v1/regions/:code/units", "/api/v1/regions/410423/units", readLushan),
        .json(
            .POST, "api/v1/regions/:code/units", "/api/v1/regions/410423/units", writeLushanUnits,
            ["name": "鲁山县信访局{who}", "kind": "department"]),
        .get("api/v1/units/:id", "/api/v1/units/{unit}", readLushan),
        .json(.PATCH, "api/v1/units/:id", "/api/v1/units/{unit}", writeLushanUnits, ["kind": "department"]),
        .get("api/v1/regions/:code/joint-meeting", "/api/v1/regions/410423/joint-meeting", readLushan),
        .json(.PUT, "api/v1/regions/:code/joint-meeting", "/api/v1/regions/410423/joint-meeting", writeLushanRoster),
        .get("api/v1/users", "/api/v1/users", "LOOFFFFFFFF"),
        .json(
            .POST, "api/v1/users", "/api/v1/users", sysadminOnly,
            ["username": "new.user", "displayName": "新用户", "role": "liaison", "unitID": "{unit}"]),
        .get("api/v1/users/:id", "/api/v1/users/{court}", "LOOFFFFFFFF"),
    ]
}
