import Vapor

/// A collected multipart body, parsed on the thread pool: parsing 20 MB takes long enough that on an event loop it
/// would hold up every other request the loop serves.
struct MultipartUpload: Sendable {
    let body: ByteBuffer
    let boundary: String

    init(_ request: Request) throws {
        try self.init(contentType: request.headers.contentType, body: request.body.data)
    }

    /// A body collected before, with the request's `Content-Type`.
    init(contentType type: HTTPMediaType?, body: ByteBuffer?) throws {
        guard let type, type.type == "multipart", let boundary = type.parameters["boundary"] else {
            throw AppError(status: .badRequest, code: "bad_request", reason: "请以 multipart/form-data 上传文件")
        }
        guard let body else { throw AppError.invalid("上传：请求中没有内容") }
        (self.body, self.boundary) = (body, boundary)
    }

    func decode<Form: Decodable>(_: Form.Type) throws -> Form {
        try FormDataDecoder().decode(Form.self, from: body, boundary: boundary)
    }

    /// The type the sender declared for the part `field` (Vapor's `File` gives only a type guessed from the name).
    func declaredType(ofPart field: String) -> String? {
        let bytes = Data(body.readableBytesView)
        let marker = Data("--\(boundary)\r\n".utf8)
        let headersEnd = Data("\r\n\r\n".utf8)
        var from = bytes.startIndex
        while let start = bytes.range(of: marker, in: from..<bytes.endIndex),
            let end = bytes.range(of: headersEnd, in: start.upperBound..<bytes.endIndex)
        {
            let lines = String(decoding: bytes[start.upperBound..<end.lowerBound], as: UTF8.self)
                .components(separatedBy: "\r\n")
            let disposition = lines.first { $0.lowercased().hasPrefix("content-disposition:") } ?? ""
            if disposition.contains("name=\"\(field)\"") {
                return lines.first { $0.lowercased().hasPrefix("content-type:") }.map {
                    String($0.dropFirst("content-type:".count)).trimmingCharacters(in: .whitespaces)
                }
            }
            from = end.upperBound
        }
        return nil
    }
}

extension Request {
    /// Decodes the multipart form of this request on the thread pool.
    func decodeUpload<Form: Decodable & Sendable>(_: Form.Type) async throws -> Form {
        let upload = try MultipartUpload(self)
        return try await application.threadPool.runIfActive { try upload.decode(Form.self) }
    }
}
