import Foundation
import Testing

@testable import FuyuanCore

@Suite struct XMLScannerTests {
    /// Every token of `xml`, fed `piece` bytes at a time, text wanted everywhere.
    static func tokens(_ xml: [UInt8], piece: Int = 3) throws -> [String] {
        var scanner = XMLScanner()
        scanner.wantsText = true
        var out: [String] = []
        func drain(_ final: Bool) throws {
            while let token = try scanner.next(final: final) {
                switch token {
                case .start(let element):
                    out.append(
                        "<\(element.name)"
                            + element.attributes.sorted { $0.key < $1.key }.map { " \($0)=\($1)" }.joined() + ">")
                case .end(let name): out.append("</\(name)>")
                case .text(let text): out.append(text)
                }
            }
        }
        var index = 0
        while index < xml.count {
            scanner.feed(xml[index..<min(index + piece, xml.count)])
            index += piece
            try drain(false)
        }
        try drain(true)
        return out
    }

    static func tokens(_ xml: String, piece: Int = 3) throws -> [String] { try tokens(Array(xml.utf8), piece: piece) }

    @Test func readsPrefixedElementsEntitiesAndCDATAInAnyPieces() throws {
        let xml = """
            \u{FEFF}<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <!-- a comment with > inside --><x:sst xmlns:x="urn:x" count='2'><x:si><x:t xml:space="preserve">甲 &amp; 乙 &lt;&#x4E19;&#19969;&gt;</x:t></x:si><![CDATA[<not a tag>]]><empty a="&quot;1&quot;"/></x:sst>
            """
        let expected = [
            "<sst count=2>", "<si>", "<t space=preserve>", "甲 & 乙 <丙丁>", "</t>", "</si>", "<not a tag>",
            "<empty a=\"1\">", "</empty>", "</sst>",
        ]
        for piece in [1, 2, 5, 64, 4096] {
            #expect(try Self.tokens(xml, piece: piece) == expected, "pieces of \(piece)")
        }
    }

    @Test func textIsSkippedUnlessWanted() throws {
        var scanner = XMLScanner()
        scanner.feed(Array("<a>skipped<b>kept</b></a>".utf8))
        var seen: [String] = []
        while let token = try scanner.next(final: true) {
            switch token {
            case .start(let element):
                seen.append(element.name)
                scanner.wantsText = element.name == "b"
            case .end(let name): seen.append("/" + name)
            case .text(let text): seen.append(text)
            }
        }
        #expect(seen == ["a", "b", "kept", "/b", "/a"])
    }

    @Test func refusesWhatOfficeFilesNeverHold() {
        let refused: [(String, [UInt8])] = [
            ("a DTD", Array(#"<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>"#.utf8)),
            ("an undeclared entity", Array("<x>&secret;</x>".utf8)),
            ("another encoding", Array(#"<?xml version="1.0" encoding="GBK"?><x/>"#.utf8)),
            // `<?xml … ?><!DOCTYPE` in EBCDIC (code page 037): not even a `<` to start with.
            ("EBCDIC", [0x4C, 0x6F, 0xA7, 0x94, 0x93, 0x40, 0x4C, 0x5A, 0xC4, 0xD6, 0xC3, 0xE3, 0xE8, 0xD7, 0xC5]),
            ("UTF-16", [0xFF, 0xFE, 0x3C, 0x00, 0x78, 0x00, 0x2F, 0x00, 0x3E, 0x00]),
            ("UTF-16 without a mark", [0x3C, 0x00, 0x78, 0x00, 0x2F, 0x00, 0x3E, 0x00]),
            ("unbalanced tags", Array("<a><b></a></b>".utf8)),
            ("a truncated document", Array("<a><b>".utf8)),
            ("a truncated tag", Array("<a><b attr=\"1".utf8)),
            ("two roots", Array("<a/><b/>".utf8)),
            ("text outside the root", Array("<a/>text".utf8)),
            ("invalid UTF-8", [0x3C, 0x61, 0x3E, 0xFF, 0xFE, 0x3C, 0x2F, 0x61, 0x3E]),
            ("a NUL character reference", Array("<a>&#0;</a>".utf8)),
            ("nothing", []),
        ]
        for (name, bytes) in refused {
            #expect(throws: XMLScanner.Problem.self, "\(name)") { try Self.tokens(bytes) }
        }
    }

    @Test func aTagLongerThanTheLimitIsRefusedWithoutWaitingForItsEnd() {
        var scanner = XMLScanner(maximumTokenLength: 1000)
        scanner.feed(Array("<a b=\"".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 2000))
        #expect(throws: XMLScanner.Problem(description: "内容不是有效的 XML（标签过长）")) { try scanner.next() }
    }
}

@Suite struct CellValueTests {
    @Test func formatsShowDatesMonthsTimesOrNumbers() {
        let shapes: [(String, CellValue.Shape)] = [
            (#"yyyy"年"m"月"d"日""#, .date), ("yyyy/m/d h:mm", .date), (#"yyyy\-mm\-dd"#, .date), ("m/d/yy", .date),
            (#"yyyy"年"m"月""#, .month), ("h:mm:ss", .time), ("[h]:mm", .time), ("0.00", .number), ("General", .number),
            ("#,##0.00_);[Red](#,##0.00)", .number), ("0.00E+00", .number), (#"0"天""#, .number), ("@", .number),
            ("[$-F800]dddd, mmmm dd, yyyy", .date), (#"[DBNum1][$-804]yyyy"年"m"月"d"日";@"#, .date),
        ]
        for (code, shape) in shapes { #expect(CellValue.shape(code: code) == shape, "\(code)") }
        #expect(CellValue.shape(formatID: 14, code: nil) == .date)
        #expect(CellValue.shape(formatID: 31, code: nil) == .date)
        #expect(CellValue.shape(formatID: 20, code: nil) == .time)
        #expect(CellValue.shape(formatID: 0, code: nil) == .number)
        #expect(CellValue.shape(formatID: 49, code: nil) == .number)
    }

    @Test func serialsAreDaysOfTheRightSystem() {
        func day(_ serial: Double, _ date1904: Bool = false) -> String? {
            CellValue.day(serial: serial, date1904: date1904)?.description
        }
        #expect(day(45838) == "2025-06-30")
        #expect(day(45838.999) == "2025-06-30")
        #expect(day(45838.9999999999) == "2025-07-01")
        #expect(day(1) == "1900-01-01")
        #expect(day(59) == "1900-02-28")
        #expect(day(60) == nil)
        #expect(day(61) == "1900-03-01")
        #expect(day(0) == nil)
        #expect(day(-1) == nil)
        #expect(day(2_958_466) == nil)
        #expect(day(44376, true) == "2025-06-30")
        #expect(day(0, true) == "1904-01-01")
    }

    @Test func numbersReadAsTheyAreShown() {
        func reading(_ raw: String, _ shape: CellValue.Shape = .number) -> CellValue.Reading {
            CellValue.reading(raw, shape: shape, date1904: false)
        }
        #expect(reading("410423") == .text("410423"))
        #expect(reading("410423.0") == .text("410423"))
        #expect(reading("0.1") == .text("0.1"))
        #expect(reading("1E-7") == .text("0.0000001"))
        #expect(reading("-3") == .text("-3"))
        #expect(reading("999999999999999") == .text("999999999999999"))
        #expect(reading("4.10423199003071E+17") == .rounded("4.10423199003071E+17"))
        #expect(reading("1000000000000000") == .rounded("1000000000000000"))
        #expect(reading("45838", .date) == .text("2025-06-30"))
        #expect(reading("45261", .month) == .text("2023年12月"))
        #expect(reading("0.5625", .time) == .text("13:30"))
        #expect(reading("60", .date) == .notADay("60"))
        #expect(reading("abc", .date) == .text("abc"))
    }
}
