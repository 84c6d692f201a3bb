#!/usr/bin/env python3
"""Makes the office files the import tests read, as real office programs write them, into the folder given.

- LibreOffice Calc (headless) opens each CSV here as a person's typing would be read (dates and numbers become
  date and number cells) and saves it as .xlsx: `ledger-items.xlsx`, `cases.xlsx`, …
- openpyxl writes the shapes Excel and WPS produce that LibreOffice does not: custom date formats, dates with times,
  the 1904 date system, a rounded 18-digit number, hidden sheets, rows and columns, a header merged over two rows,
  rich text, line breaks in a cell and rows that carry only formatting.

Called once per test run by Tests/AppTests/Support/OfficeFiles.swift; scripts/test installs both programs.
"""
import datetime
import pathlib
import subprocess
import sys
import tempfile

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


def main() -> None:
    out = pathlib.Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    libreoffice(out)
    dates(out)
    shapes(out)


if __name__ == "__main__":
    main()
