import Foundation
import FuyuanCore
import Testing

struct UnitNameMatcherTests {
    let lushan = UnitNameMatcher(
        units: [
            "鲁山县人民政府", "鲁山县人民政府办公室", "鲁山县人力资源和社会保障局", "鲁山县人民法院", "鲁山县自然资源局",
            "鲁山县市场监督管理局", "张官营镇人民政府",
        ], regionName: "鲁山县")

    @Test(arguments: [
        ("鲁山县人力资源和社会保障局", "鲁山县人力资源和社会保障局"), ("县人社局", "鲁山县人力资源和社会保障局"),
        ("人社局", "鲁山县人力资源和社会保障局"), ("县政府", "鲁山县人民政府"), ("鲁山县政府", "鲁山县人民政府"),
        ("县政府办", "鲁山县人民政府办公室"), ("法院", "鲁山县人民法院"), ("县法院", "鲁山县人民法院"),
        ("鲁山法院", "鲁山县人民法院"), ("自然资源局", "鲁山县自然资源局"), ("县市场监管局", "鲁山县市场监督管理局"),
        ("张官营镇政府", "张官营镇人民政府"), (" 鲁山县人民法院 ", "鲁山县人民法院"),
    ])
    func matchesTheUsualVariants(_ written: String, _ unit: String) {
        #expect(lushan.match(written) == .unit(unit))
    }

    @Test func unknownNamesComeWithTheClosestCandidates() {
        // 自然资源和规划局 shares 5 of 8 characters with 自然资源局, 4 of 10 with 人力资源和社会保障局, 1 of 8 with 市场监督管理局.
        #expect(
            lushan.match("县自然资源和规划局")
                == .none(closest: ["鲁山县自然资源局", "鲁山县人力资源和社会保障局", "鲁山县市场监督管理局"]))
        // 教育局 shares only 局: 1/5, 1/7, 1/10.
        #expect(
            lushan.match("县教育局") == .none(closest: ["鲁山县自然资源局", "鲁山县市场监督管理局", "鲁山县人力资源和社会保障局"]))
    }
}

struct CSVTests {
    @Test func readsQuotesCommasAndLineBreaks() throws {
        let text = "序号,事项,内容\r\n1,\"建立机制，落实\",\"多行\n文本\"\n2,\"他说\"\"好\"\"\",\n"
        #expect(try CSV.rows(text) == [["序号", "事项", "内容"], ["1", "建立机制，落实", "多行\n文本"], ["2", "他说\"好\"", ""]])
    }

    @Test func unclosedQuoteIsAnError() {
        #expect(throws: CSV.Problem(description: "第 2 行：引号没有成对闭合")) { try CSV.rows("a,b\n1,\"x\n") }
    }

    @Test func decodesUTF8WithOrWithoutBOMAndGBK() throws {
        #expect(try CSV.text(from: Data([0xEF, 0xBB, 0xBF] + Array("事项".utf8))) == "事项")
        #expect(try CSV.text(from: Data("事项".utf8)) == "事项")
        // 事项,鲁山县人民政府 as Excel saves it on Chinese Windows (GBK)
        let gbk: [UInt8] = [
            0xCA, 0xC2, 0xCF, 0xEE, 0x2C, 0xC2, 0xB3, 0xC9, 0xBD, 0xCF, 0xD8, 0xC8, 0xCB, 0xC3, 0xF1, 0xD5, 0xFE, 0xB8,
            0xAE, 0x0A,
        ]
        #expect(try CSV.text(from: Data(gbk)) == "事项,鲁山县人民政府\n")
        #expect(throws: CSV.Problem.self) { try CSV.text(from: Data([0xFF, 0xFE, 0x8B, 0x4E])) }
        #expect(throws: CSV.Problem.self) { try CSV.text(from: Data([0x61, 0x0A, 0xFF, 0xFF, 0xFF])) }
    }

    /// Pieces cut anywhere (inside a character, a quoted field, a CR LF) read as the whole text does.
    @Test func piecesReadLikeTheWhole() throws {
        let text = "案号,被告单位\r\n\"（2023）豫0423行初15号\",\"县\"\"人社局\"\"\r\n多行\"\r\n"
        let whole = try CSV.rows(text)
        let bytes = Array(text.utf8)
        for size in [1, 2, 3, 5, 7] {
            var decoder = CSV.Decoder()
            var parser = CSV.Parser()
            var rows: [[String]] = []
            for start in stride(from: 0, to: bytes.count, by: size) {
                let piece = Data(bytes[start..<min(start + size, bytes.count)])
                parser.feed(try decoder.decode(piece, final: false)) { rows.append($0) }
            }
            parser.feed(try decoder.decode(Data(), final: true)) { rows.append($0) }
            try parser.finish { rows.append($0) }
            #expect(rows == whole, "pieces of \(size) bytes")
        }
        #expect(whole == [["案号", "被告单位"], ["（2023）豫0423行初15号", "县\"人社局\"\r\n多行"]])
    }
}
