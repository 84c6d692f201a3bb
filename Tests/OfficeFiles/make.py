#!/usr/bin/env python3
"""Makes the office files the import tests read, as real office programs write them, into the folder given.

- LibreOffice Calc (headless) opens each CSV here as a person's typing would be read (dates and numbers become
  date and number cells) and saves it as .xlsx: `ledger-items.xlsx`, `cases.xlsx`, …
- openpyxl writes the shapes Excel and WPS produce that LibreOffice does not: custom date formats, dates with times,
  the 1904 date system, a rounded 18-digit number, hidden sheets, rows and columns, a header merged over two rows,
  rich text, line breaks in a cell and rows that carry only formatting.
- LibreOffice Writer saves the seed plans (Tests/Fixtures/Documents) and a task table typed as HTML
  (`lushan-tasks.html`: merged cells, a line break in a cell, a numbered list) as .docx; `word_numbering` writes by
  hand what Word and WPS write and Writer does not: 一、 （一） ① as automatic numbering, a cell merged downwards, a
  deleted revision and a text box with its fallback copy.

Called once per test run by Tests/AppTests/Support/OfficeFiles.swift; scripts/test installs both programs.
"""
import datetime
import pathlib
import subprocess
import sys
import tempfile
import zipfile

import openpyxl
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import PatternFill
from openpyxl.utils.datetime import CALENDAR_MAC_1904

HERE = pathlib.Path(__file__).resolve().parent


def libreoffice(out: pathlib.Path) -> None:
    """Each CSV here through LibreOffice Calc: comma, double quote, UTF-8 (76), from row 1, language zh-CN (2052),
    special numbers (dates) detected."""
    csvs = sorted(str(path) for path in HERE.glob("*.csv"))
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                "soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                "--infilter=CSV:44,34,76,1,,2052,false,true", "--convert-to", "xlsx:Calc MS Excel 2007 XML",
                "--outdir", str(out), *csvs,
            ],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300,
        )
    for csv in csvs:
        made = out / (pathlib.Path(csv).stem + ".xlsx")
        if not made.exists():
            sys.exit(f"LibreOffice did not write {made.name}")


def dates(out: pathlib.Path) -> None:
    """A ledger typed in Excel: deadlines as date cells in the formats people pick, and numbers that are not dates."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "工作台账"
    sheet.append(["事项", "完成时限", "牵头单位", "编号"])
    rows = [
        ("自定义中文日期格式", datetime.datetime(2025, 6, 30), 'yyyy"年"m"月"d"日"', 410423),
        ("带时间的日期", datetime.datetime(2025, 6, 30, 18, 30), "yyyy/m/d h:mm", 0.5),
        ("内置日期格式", datetime.datetime(2026, 1, 15), "mm-dd-yy", 12.25),
        ("年月格式", datetime.datetime(2023, 12, 1), 'yyyy"年"m"月"', -3),
        ("一九〇〇年二月", datetime.datetime(1900, 2, 28), "yyyy-mm-dd", 1e-7),
    ]
    for title, day, number_format, number in rows:
        sheet.append([title, day, "县法院", number])
        sheet.cell(row=sheet.max_row, column=2).number_format = number_format
    sheet.append(["身份证号被舍入", datetime.datetime(2025, 6, 30), "县法院", 410423199003071234])
    sheet.cell(row=sheet.max_row, column=2).number_format = "yyyy-mm-dd"
    book.save(out / "dates.xlsx")

    book = openpyxl.Workbook()
    book.epoch = CALENDAR_MAC_1904
    sheet = book.active
    sheet.append(["事项", "完成时限"])
    sheet.append(["1904 日期系统", datetime.datetime(2025, 6, 30)])
    sheet.cell(row=2, column=2).number_format = "yyyy-mm-dd"
    book.save(out / "date1904.xlsx")


def shapes(out: pathlib.Path) -> None:
    """A workbook as a person keeps it: a hidden first sheet of notes, then the data with a two-row merged header, a
    hidden row and column, rich text, a line break in a cell, and thousands of rows carrying only a fill."""
    book = openpyxl.Workbook()
    notes = book.active
    notes.title = "填写说明"
    notes.append(["这一页是说明，已隐藏"])
    notes.sheet_state = "hidden"
    data = book.create_sheet("数据")
    data.append(["事项", "备注（隐藏列）", "办理情况", None])
    data.append([None, None, "牵头单位", "完成时限"])
    data.merge_cells("A1:A2")
    data.merge_cells("C1:D1")
    data.append(["第一项", "看不见", "县法院", "长期坚持"])
    data.append(["隐藏的一行", "", "县法院", "持续推进"])
    data.row_dimensions[4].hidden = True
    data.column_dimensions["B"].hidden = True
    data.append([CellRichText(TextBlock(InlineFont(b=True), "加粗"), "与普通"), "", "县法院", "每季度"])
    data.append(["第一行\n第二行", "", "县法院", "适时"])
    fill = PatternFill("solid", fgColor="FFFF00")
    for row in range(7, 5007):
        data.cell(row=row, column=1).fill = fill
    book.save(out / "shapes.xlsx")


def documents(out: pathlib.Path) -> None:
    """The seed plans and the task table through LibreOffice Writer, as .docx."""
    seeds = sorted(str(path) for path in (HERE.parent / "Fixtures" / "Documents").glob("seed-*.txt"))
    with tempfile.TemporaryDirectory() as profile:
        for infilter, files in [("--infilter=Text (encoded):UTF8,LF,,,", seeds), (None, [str(HERE / "lushan-tasks.html")])]:
            subprocess.run(
                [
                    "soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                    *([infilter] if infilter else []), "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out),
                    *files,
                ],
                check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300,
            )
    for made in [pathlib.Path(path).stem + ".docx" for path in seeds] + ["lushan-tasks.docx"]:
        if not (out / made).exists():
            sys.exit(f"LibreOffice did not write {made}")


WORD = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'


def word_numbering(out: pathlib.Path) -> None:
    """A plan as Word saves one whose numbers are automatic: 一、 then （一） then ① (numbering.xml), a task table
    whose 牵头单位 cell is merged down over two rows, a deleted revision, and a text box kept twice (mc:Choice and
    mc:Fallback)."""
    def paragraph(text, level=None, num="1"):
        numbered = f'<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr></w:pPr>' \
            if level is not None else ""
        return f"<w:p>{numbered}<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"

    def cell(text, merge=None):
        restart = ' w:val="restart"' if merge == "restart" else ""
        props = f"<w:tcPr><w:vMerge{restart}/></w:tcPr>" if merge else ""
        return f"<w:tc>{props}{paragraph(text)}</w:tc>"

    body = "".join([
        paragraph("鲁政办〔2025〕20号"),
        paragraph("鲁山县人民政府办公室关于印发鲁山县行政争议化解工作方案的通知"),
        "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><w:txbxContent>"
        + paragraph("文本框中的说明") + "</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>"
        + paragraph("文本框中的说明") + "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>",
        paragraph("重点任务", 0),
        paragraph("建立化解中心。责任单位：县法院、县司法局", 1),
        paragraph("设立登记窗口。牵头单位：县法院；完成时限：2025年6月底前", 2),
        paragraph("建立移送机制。牵头单位：县司法局；完成时限：2025年9月30日", 2),
        "<w:p><w:r><w:t>完善联动机制。</w:t></w:r><w:del w:id=\"1\" w:author=\"审核人\"><w:r><w:delText>已删去的文字"
        "</w:delText></w:r></w:del><w:r><w:t>牵头单位：政府办</w:t></w:r></w:p>".replace("<w:p>", '<w:p><w:pPr><w:numPr>'
        '<w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr>', 1),
        paragraph("保障措施", 0),
        "<w:tbl><w:tr>" + cell("序号") + cell("工作任务") + cell("牵头单位") + cell("完成时限") + "</w:tr>"
        + "<w:tr>" + cell("1") + cell("落实经费保障") + cell("县财政局", "restart") + cell("长期坚持") + "</w:tr>"
        + "<w:tr>" + cell("2") + cell("落实执行款预算") + cell("", "continue") + cell("每半年") + "</w:tr></w:tbl>",
    ])
    levels = "".join(
        f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for level, fmt, text in [(0, "chineseCounting", "%1、"), (1, "chineseCounting", "（%2）"),
                                 (2, "decimalEnclosedCircle", "%3")])
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/'
        'document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'wordprocessingml.numbering+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
        'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        "word/document.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {WORD}><w:body>'
        f"{body}<w:sectPr/></w:body></w:document>",
        "word/numbering.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering {WORD}>'
        f'<w:abstractNum w:abstractNumId="0">{levels}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/>'
        "</w:num></w:numbering>",
    }
    with zipfile.ZipFile(out / "word-numbering.docx", "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)


def main() -> None:
    out = pathlib.Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    libreoffice(out)
    dates(out)
    shapes(out)
    documents(out)
    word_numbering(out)


if __name__ == "__main__":
    main()
