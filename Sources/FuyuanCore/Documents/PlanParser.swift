import Foundation

/// Reads a 实施方案 or 工作方案 into a draft for the ledger. Pure: it takes the document's lines and the region's units
/// and writes nothing.
public enum PlanParser {
    public static func parse(_ document: DocumentLines, units: RegionUnits) -> PlanDraft {
        let paragraphs = document.paragraphs()
        var reading = Reading(units: units)
        var roster = RosterReading(units: units)
        for paragraph in paragraphs {
            reading.take(paragraph)
            roster.take(paragraph)
        }
        var draft = reading.draft(header: DocumentHeader.read(paragraphs))
        draft.roster = roster.draft
        draft.unmatched += roster.unmatched
        return draft
    }
}

/// One numbered block of the document and what follows it up to the next number.
private struct Block {
    let number: String
    let kind: NumberMarker.Kind?
    let parent: Int?
    var texts: [String] = []
    var fields: [(label: FieldLabel, value: String)] = []
    var first: Int
    var last: Int
    /// A table's row: its heading is the table's section row, if any.
    var tableHeading: String?

    /// A numbered block is a task when it names units or a deadline; a table's row always is.
    var isTask: Bool { !fields.isEmpty || kind == nil }

    var heading: String {
        let text = DocumentText.closingGaps(texts.first ?? "")
        return number + text.prefix { $0 != "。" }
    }
}

private struct Reading {
    let units: RegionUnits
    var blocks: [Block] = []
    var open: [Int] = []
    var lastOrdinal: [NumberMarker.Kind: Int] = [:]
    var tables: [Int: TableColumns] = [:]
    var tableHeading: [Int: String] = [:]

    init(units: RegionUnits) {
        self.units = units
    }

    mutating func take(_ paragraph: Paragraph) {
        if let cells = paragraph.cells, let table = paragraph.table {
            takeRow(cells, table: table, paragraph: paragraph)
        } else if let marker = NumberMarker(reading: paragraph.text), accepts(marker) {
            while let top = open.last, let kind = blocks[top].kind, kind >= marker.kind { open.removeLast() }
            var block = Block(
                number: marker.written, kind: marker.kind, parent: open.last, first: paragraph.first,
                last: paragraph.last)
            Self.add(marker.rest, to: &block)
            blocks.append(block)
            open.append(blocks.count - 1)
        } else if let top = open.last, FieldLabel.starts(paragraph.text) || blocks[top].fields.isEmpty {
            Self.add(paragraph.text, to: &blocks[top])
            blocks[top].last = paragraph.last
        }
    }

    /// A number counts when it is the first of its kind, starts its sequence again, or follows the last of its kind
    /// within a typing slip (the same number twice, or one or two skipped); 5. after 1. is words of the item.
    private mutating func accepts(_ marker: NumberMarker) -> Bool {
        if let last = lastOrdinal[marker.kind], marker.ordinal != 1, !(last...last + 3).contains(marker.ordinal) {
            return false
        }
        lastOrdinal[marker.kind] = marker.ordinal
        return true
    }

    /// Splits `text` into the item's words and its fields, which may stand on their own line, in parentheses at the
    /// end (（牵头单位：县法院；配合单位：县司法局）) or after the last sentence.
    private static func add(_ text: String, to block: inout Block) {
        let fields = FieldLabel.fields(in: Substring(text)).filter { field in
            guard field.range.lowerBound != text.startIndex else { return true }
            let before = text[text.index(before: field.range.lowerBound)]
            return "（(。；; \u{3000}".contains(before)
        }
        guard let first = fields.first else {
            block.texts.append(text)
            return
        }
        var words = String(text[..<first.range.lowerBound])
        while let last = words.last, "（( \u{3000}".contains(last) { words.removeLast() }
        if !words.isEmpty { block.texts.append(words) }
        block.fields += fields.map { ($0.label, $0.value) }
    }

    private mutating func takeRow(_ cells: [String], table: Int, paragraph: Paragraph) {
        if let columns = TableColumns(header: cells) {
            tables[table] = columns
            return
        }
        guard let columns = tables[table] else { return }
        let filled = Set(cells.filter { !$0.isEmpty })
        if filled.count == 1, let only = filled.first {
            tableHeading[table] = DocumentText.closingGaps(only)
            return
        }
        let number = columns.number.map { cells.indices.contains($0) ? cells[$0] : "" } ?? ""
        var block = Block(
            number: number, kind: nil, parent: open.last,
            first: paragraph.first, last: paragraph.last, tableHeading: tableHeading[table])
        block.texts = [columns.text(of: cells)]
        for (label, index) in columns.fields where cells.indices.contains(index) && !cells[index].isEmpty {
            block.fields.append((label, cells[index]))
        }
        blocks.append(block)
    }

    func draft(header: PlanDraft.Header) -> PlanDraft {
        // A plan names the same few units again and again: each name is looked up once.
        var known: [String: RegionUnits.Found] = [:]
        func lookUp(_ name: String) -> RegionUnits.Found {
            if let found = known[name] { return found }
            let found = units.find(name)
            known[name] = found
            return found
        }
        var sentenceNames: [String: String?] = [:]
        func sentenceUnit(_ token: String) -> String? {
            if let known = sentenceNames[token] { return known }
            let unit = units.findInSentence(token)
            sentenceNames[token] = unit
            return unit
        }
        var items: [PlanDraft.Item] = []
        var unmatched: [PlanDraft.Unmatched] = []
        for block in blocks where block.isTask {
            var roles = ItemUnits()
            let text = DocumentText.closingGaps(block.texts.joined())
            for (label, value) in block.fields {
                guard let role = label.role else { continue }
                for written in ItemUnits.names(in: value) {
                    let (name, stated) = ItemUnits.statedLead(written)
                    switch lookUp(name) {
                    case .units(let names): roles.add(names, as: stated ?? role, fromField: true)
                    case .unmatched(let candidates):
                        let entry = PlanDraft.Unmatched(
                            name: name, item: items.count + 1, role: stated ?? role, candidates: candidates)
                        if !unmatched.contains(entry) { unmatched.append(entry) }
                    }
                }
            }
            roles.addSentences(of: text, finding: sentenceUnit)
            let deadlineText = block.fields.first { $0.label == .deadline && !$0.value.isEmpty }?.value ?? ""
            items.append(
                PlanDraft.Item(
                    number: block.number,
                    heading: block.tableHeading ?? block.parent.map { blocks[$0].heading } ?? "",
                    title: PlanDraft.Item.title(of: text), text: text, lead: roles.lead,
                    responsible: roles.responsible, cooperating: roles.cooperating,
                    deadlineText: DocumentText.closingGaps(deadlineText),
                    deadline: PlanDeadline.read(deadlineText)
                        ?? (deadlineText.isEmpty ? PlanDeadline.find(in: text) : nil),
                    lines: block.first...block.last))
        }
        return PlanDraft(header: header, items: items, roster: RosterDraft(), unmatched: unmatched)
    }
}

/// Which column of a task table holds what, from its header row (序号, 工作任务, 牵头单位, 责任单位, 配合单位, 完成时限).
private struct TableColumns {
    var number: Int?
    var task: Int?
    var fields: [(FieldLabel, Int)] = []

    init?(header cells: [String]) {
        for (index, cell) in cells.enumerated() {
            let name = cell.filter { !$0.isWhitespace }
            // 牵头县领导 names a leader, not a unit.
            if !name.contains("领导"),
                let label = FieldLabel.allCases.first(where: { label in label.words.contains { name.hasPrefix($0) } })
            {
                fields.append((label, index))
            } else if name == "序号" || name == "编号" {
                number = index
            } else if task == nil, ["任务", "措施", "内容", "事项", "举措", "工作"].contains(where: name.contains) {
                task = index
            }
        }
        guard !fields.isEmpty else { return nil }
        if number == nil && task != 0 && !fields.contains(where: { $0.1 == 0 }) { number = 0 }
    }

    /// The task's words: its column, or else the longest cell that is no field.
    func text(of cells: [String]) -> String {
        if let task, cells.indices.contains(task) { return cells[task] }
        let taken = Set(fields.map(\.1) + [number].compactMap { $0 })
        return cells.enumerated().filter { !taken.contains($0.offset) }.map(\.element).max { $0.count < $1.count } ?? ""
    }
}
