import Foundation
import Testing
import VaporTesting

@testable import App

@Suite struct OpenAPITests {
    static func document() throws -> Data {
        try OpenAPIDocument.document(of: Feature.all).prettyBytes
    }

    /// `{name}` in the document is `:name` in the router.
    func documentedOperations() throws -> Set<String> {
        let document = try JSONSerialization.jsonObject(with: Self.document()) as! [String: Any]
        let paths = document["paths"] as! [String: [String: Any]]
        return Set(
            paths.flatMap { path, operations in
                operations.keys.map { method in
                    let route = path.split(separator: "/").map {
                        $0.hasPrefix("{") ? ":" + $0.dropFirst().dropLast() : String($0)
                    }.joined(separator: "/")
                    return "\(method.uppercased()) \(route)"
                }
            })
    }

    @Test func documentsExactlyTheRegisteredAPIRoutes() async throws {
        try await withTestApp(demo: false) { app in
            let registered = Set(
                app.routes.all.compactMap { route -> String? in
                    let path = route.path.map(\.description).joined(separator: "/")
                    return path.hasPrefix("api/v1") ? "\(route.method.rawValue) \(path)" : nil
                })
            let documented = try documentedOperations()
            #expect(registered.subtracting(documented).sorted() == [], "registered but not documented")
            #expect(documented.subtracting(registered).sorted() == [], "documented but not registered")
        }
    }

    /// The document as derived from the features and their DTOs, held to `Golden/openapi.json`: a change to the API
    /// shows in review as a diff of that file. Record with `FUYUAN_RECORD_GOLDEN=1`, as the golden pages.
    @Test func isTheGoldenDocument() throws {
        try GoldenPageTests.expect(String(decoding: try Self.document(), as: UTF8.self), file: "openapi.json")
    }

    /// A shape is read from the fields it asks for; one that reads its JSON by hand cannot be, and says so.
    @Test func schemasAreReadFromTheShapes() throws {
        struct Shape: Decodable {
            struct Inner: Decodable { let at: Date? }
            let name: String
            let count: Int?
            let tags: [String: Int]
            let inner: [Inner]
        }
        struct ByHand: Decodable {
            init(from decoder: any Decoder) throws { _ = try decoder.singleValueContainer().decode(String.self) }
        }
        let reader = SchemaReader(names: [:], optionalsNullable: true)
        #expect(
            try reader.schema(of: Shape.self) == [
                "type": "object", "additionalProperties": false, "required": ["name", "tags", "inner"],
                "properties": [
                    "name": ["type": "string"], "count": ["type": "integer", "nullable": true],
                    "tags": ["type": "object", "additionalProperties": ["type": "integer"]],
                    "inner": [
                        "type": "array",
                        "items": [
                            "type": "object", "additionalProperties": false,
                            "properties": ["at": ["type": "string", "format": "date-time", "nullable": true]],
                        ],
                    ],
                ],
            ])
        #expect(throws: SchemaReader.Unreadable.self) { try reader.schema(of: ByHand.self) }
    }

    @Test func isServedAsJSON() async throws {
        try await withTestApp(demo: false) { app in
            let response = try await app.send(.GET, "/api/v1/openapi.json")
            #expect(response.status == .ok)
            #expect(response.headers.contentType == .json)
            #expect(Data(response.body.readableBytesView) == (try Self.document()))
            let served = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [String: Any]
            #expect(served["openapi"] as? String == "3.0.3")
        }
    }
}

@Suite struct APITests {
    @Test func errorsAreJSONWithCodeAndMessage() async throws {
        try await withTestApp { app in
            let anonymous = try await app.send(.GET, "/api/v1/regions")
            #expect(anonymous.status == .unauthorized)
            #expect(anonymous.text == #"{"error":{"code":"unauthorized","message":"请先登录"}}"#)
            let session = try await app.signIn("lushan.office")
            let missing = try await app.send(.GET, "/api/v1/nothing-here", as: session)
            #expect(missing.status == .notFound)
            #expect(missing.text == #"{"error":{"code":"not_found","message":"页面或接口不存在"}}"#)
            let badField = try await app.send(
                .POST, "/api/v1/regions/410423/units", as: session, json: ["name": "鲁山县信访局"])
            #expect(badField.status == .badRequest)
            #expect(badField.text == #"{"error":{"code":"bad_request","message":"缺少字段 kind"}}"#)
            let badKind = try await app.send(
                .POST, "/api/v1/regions/410423/units", as: session, json: ["name": "鲁山县信访局", "kind": "ministry"])
            #expect(badKind.status == .badRequest)
            #expect(badKind.text.contains("字段 kind"))
        }
    }

    @Test func regionsListTheCallersScope() async throws {
        try await withTestApp { app in
            struct Region: Decodable { let code: String; let parentCode: String? }
            func codes(_ user: String, _ query: String = "") async throws -> [String] {
                let response = try await app.send(.GET, "/api/v1/regions" + query, as: try await app.signIn(user))
                return try JSONDecoder().decode([Region].self, from: Data(response.body.readableBytesView)).map(\.code)
            }
            #expect(
                try await codes("henan.office") == [
                    "410000", "410400", "410403", "410423", "410482", "410500", "411300", "411322",
                ])
            #expect(try await codes("pds.office") == ["410400", "410403", "410423", "410482"])
            #expect(try await codes("henan.office", "?parent=410400") == ["410403", "410423", "410482"])
            #expect(try await codes("lushan.court") == ["410423"])
            #expect(try await codes("lushan.office") == ["410423"])
            let sibling = try await app.send(
                .GET, "/api/v1/regions?parent=410400", as: try await app.signIn("lushan.office"))
            #expect(sibling.status == .notFound)
        }
    }

    @Test func unitsAreCreatedAndPatched() async throws {
        try await withTestApp { app in
            let office = try await app.signIn("lushan.office")
            let created = try await app.send(
                .POST, "/api/v1/regions/410423/units", as: office, json: ["name": "鲁山县信访局", "kind": "department"])
            #expect(created.status == .created)
            let unit = try JSONDecoder().decode(OrgDTO.Unit.self, from: Data(created.body.readableBytesView))
            #expect(unit.regionCode == "410423")
            let patched = try await app.send(
                .PATCH, "/api/v1/units/\(unit.id.uuidString)", as: office, json: ["kind": "other"])
            #expect(patched.status == .ok)
            #expect(
                try JSONDecoder().decode(OrgDTO.Unit.self, from: Data(patched.body.readableBytesView)).kind == .other)
            #expect(try await app.unit(named: "鲁山县信访局").kind == .other)
        }
    }

    @Test func usersAreCreatedWithAOneTimePassword() async throws {
        try await withTestApp { app in
            let admin = try await app.signIn("sysadmin")
            let unit = try await app.unit(named: "方城县民政局")
            let response = try await app.send(
                .POST, "/api/v1/users", as: admin,
                json: [
                    "username": "fangcheng.mzj", "displayName": "民政局联络员", "role": "liaison",
                    "unitID": unit.id!.uuidString,
                ])
            #expect(response.status == .created)
            let created = try JSONDecoder().decode(OrgDTO.CreatedUser.self, from: Data(response.body.readableBytesView))
            #expect(created.user.username == "fangcheng.mzj")
            let session = try await app.signIn("fangcheng.mzj", password: created.oneTimePassword)
            let me = try await app.send(.GET, "/api/v1/me", as: session)
            #expect(me.text.contains("\"mustChangePassword\":true"))
            #expect(try await app.send(.GET, "/api/v1/regions/411322", as: session).status == .forbidden)
        }
    }

    /// 20 demo accounts and 200 more: pages of 100 by user name, the whole count and the next page in the headers.
    @Test func usersComeAHundredAPage() async throws {
        try await withTestApp { app in
            let unit = try await app.unit(named: "方城县民政局")
            try await app.db.transaction { db in
                for number in 1...200 {
                    try await User(
                        username: String(format: "bulk.%03d", number), displayName: "批量用户", passwordHash: "x",
                        role: .liaison, unitID: unit.id!, regionID: unit.$region.id, mustChangePassword: true,
                        passwordChangedAt: Date(),
                        seal: app.fieldSeal
                    ).create(on: db)
                }
            }
            let admin = try await app.signIn("sysadmin")
            func page(_ query: String) async throws -> (names: [String], total: String?, next: String?) {
                let response = try await app.send(.GET, "/api/v1/users" + query, as: admin)
                #expect(response.status == .ok)
                let users = try JSONDecoder().decode([OrgDTO.User].self, from: Data(response.body.readableBytesView))
                return (
                    users.map(\.username), response.headers.first(name: "X-Total-Count"),
                    response.headers.first(name: .link)
                )
            }
            let everyone = try await User.query(on: app.db).all().map(\.username).sorted()
            #expect(everyone.count == 220)
            let first = try await page("")
            #expect(first.names == Array(everyone.prefix(100)))
            #expect(first.total == "220")
            #expect(first.next == #"</api/v1/users?page=2>; rel="next""#)
            let all = try await [page("?page=1"), page("?page=2"), page("?page=3")]
            #expect(all.map(\.names.count) == [100, 100, 20])
            #expect(all.flatMap(\.names) == everyone)
            #expect(all[2].next == nil)
            #expect(try await page("?page=4").names == [])
            #expect(try await app.send(.GET, "/api/v1/users?page=two", as: admin).status == .badRequest)
            #expect(try await app.send(.GET, "/api/v1/users?page=0", as: admin).status == .badRequest)
        }
    }
}
