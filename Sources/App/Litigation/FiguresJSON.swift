import Vapor

/// The figures answer written by `JSONBytes`: a province's breakdown by unit is ten thousand rows, which
/// `JSONEncoder` takes over 100 ms to write and this a few. `FiguresJSONTests` holds the bytes to `JSONEncoder`'s.
extension LitigationAPI.Answer {
    func encodeResponse(for request: Request) async throws -> Response {
        Self.response(encoded)
    }

    static func response(_ encoded: ByteBuffer) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(buffer: encoded))
    }

    /// The weight of a kept answer in `FiguresCache`'s unit, rows of figures: one is about 300 bytes of JSON.
    @Sendable static func weight(_ encoded: ByteBuffer) -> Int { encoded.readableBytes / 300 + 1 }

    var encoded: ByteBuffer {
        var json = JSONBytes(capacity: 512 + (breakdown?.count ?? 0) * 400)
        json.object { json in
            if let breakdown {
                json.key("breakdown")
                json.array(breakdown) { json, row in
                    json.object { json in
                        json.key("figures")
                        row.figures.write(into: &json)
                        json.key("key")
                        json.string(row.key)
                        json.key("label")
                        json.string(row.label)
                    }
                }
            }
            json.key("doubleDecline")
            json.bool(doubleDecline)
            json.key("figures")
            figures.write(into: &json)
            json.key("from")
            json.string(from)
            json.key("previous")
            previous.write(into: &json)
            json.key("region")
            json.string(region)
            json.key("to")
            json.string(to)
        }
        return ByteBuffer(bytes: json.bytes)
    }
}

extension LitigationAPI.FiguresDTO {
    fileprivate func write(into json: inout JSONBytes) {
        json.object { json in
            json.key("appearanceRate")
            json.double(appearanceRate)
            json.key("appeared")
            json.int(appeared)
            json.key("carriedOver")
            json.int(carriedOver)
            json.key("caseload")
            json.int(caseload)
            json.key("concluded")
            json.int(concluded)
            json.key("heard")
            json.int(heard)
            json.key("lossRate")
            json.double(lossRate)
            json.key("losses")
            json.int(losses)
            json.key("mediatedWithdrawalRate")
            json.double(mediatedWithdrawalRate)
            json.key("new")
            json.int(new)
            json.key("pending")
            json.int(pending)
            json.key("principalAppearanceRate")
            json.double(principalAppearanceRate)
            json.key("received")
            json.int(received)
            json.key("spokeRate")
            json.double(spokeRate)
        }
    }
}
