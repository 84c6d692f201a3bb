import Foundation
import Testing

@testable import App

@Suite struct XLSXTests {
    @Test func writesWhatItReadsBack() throws {
        let rows = [
            ["序号", "事项", "完成时限"], ["1", "建立<行政复议>咨询委员会 & 机制", "2023年12月"], ["2", "'=1+1", ""],
            ["3", "多行\n文本", "持续推进"],
        ]
        let data = try XLSX.workbook(sheet: "工作台账", rows: rows)
        #expect(data.prefix(2) == Data("PK".utf8))
        // A trailing empty cell is not there for a person, so it is not read either.
        var shown = rows
        shown[2] = ["2", "'=1+1"]
        #expect(try XLSX.rows(of: data) == shown)
    }

    @Test func columnNames() {
        #expect([0, 1, 25, 26, 27, 701, 702].map(XLSX.column) == ["A", "B", "Z", "AA", "AB", "ZZ", "AAA"])
    }

    @Test func refusesWhatIsNotAWorkbook() throws {
        #expect(throws: XLSX.Problem.self) { try XLSX.rows(of: Data("序号,事项\n1,x".utf8)) }
        let workbook = try XLSX.workbook(sheet: "x", rows: [["a"]])
        let truncated = workbook.prefix(workbook.count / 2)
        #expect(throws: XLSX.Problem.self) { try XLSX.rows(of: Data(truncated)) }
    }
}
