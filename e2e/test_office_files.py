"""Files as people send them: a ledger typed in LibreOffice Calc with a date cell imported on the ledger page, and
large or hostile uploads that must not hold up anyone else (/health/live answers within 100 ms throughout)."""
import io
import json
import re
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
import zipfile

from conftest import BASE, PASSWORD, sign_in


def libreoffice_xlsx(tmp_path, name, csv_text):
    source = tmp_path / f"{name}.csv"
    source.write_text(csv_text, encoding="utf-8")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
             "--infilter=CSV:44,34,76,1,,2052,false,true", "--convert-to", "xlsx:Calc MS Excel 2007 XML",
             "--outdir", str(tmp_path), str(source)],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    return tmp_path / f"{name}.xlsx"


def import_on_the_ledger_page(page, workbook):
    sign_in(page, "fangcheng.office")
    page.goto("/regions/411322/ledger")
    page.click("text=从 Excel / CSV 导入事项或进展")
    page.set_input_files("#import-form input[type=file]", str(workbook))
    page.click("#import-form button[type=submit]")


def test_a_ledger_typed_in_libreoffice_imports_with_its_date(page, tmp_path):
    workbook = libreoffice_xlsx(
        tmp_path, "台账", "事项,完成时限,牵头单位\n在浏览器中导入的日期事项,2025-06-30,县法院\n")
    import_on_the_ledger_page(page, workbook)
    page.wait_for_url(re.compile(r".*imported=1&what=items"))
    page.fill("input[name=q]", "在浏览器中导入的日期事项")
    page.click("#ledger-filter button[type=submit]")
    assert page.inner_text("#ledger-total") == "共 1 项"
    row = page.locator("#ledger tbody tr").nth(0)
    assert "2025年6月30日" in row.inner_text()
    assert "方城县人民法院" in row.inner_text()


def test_a_rounded_id_number_is_refused_on_the_page(page, tmp_path):
    workbook = libreoffice_xlsx(
        tmp_path, "身份证", "事项,完成时限,牵头单位,身份证号\n带身份证号的事项,2025-06-30,县法院,410423199003071234\n")
    import_on_the_ledger_page(page, workbook)
    cells = page.locator("#import-problems tbody tr td")
    assert cells.nth(0).inner_text() == "2"
    assert cells.nth(1).inner_text() == "身份证号"
    assert cells.nth(2).inner_text().startswith("数字超过 15 位，已被表格软件舍入")


# MARK: no upload holds the server


def session(username):
    request = urllib.request.Request(
        BASE + "/api/v1/auth/login", data=json.dumps({"username": username, "password": PASSWORD}).encode(),
        method="POST", headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        csrf = json.loads(response.read())["csrfToken"]
        cookie = re.search(r"fuyuan_session=[^;]+", response.headers["Set-Cookie"]).group(0)
    return cookie, csrf


def post(path, body, content_type, cookie, csrf):
    request = urllib.request.Request(
        BASE + path, data=body, method="POST",
        headers={"Cookie": cookie, "X-CSRF-Token": csrf, "Content-Type": content_type})
    try:
        with urllib.request.urlopen(request, timeout=600) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def multipart(fields, name, data):
    boundary = "----fuyuan-" + uuid.uuid4().hex
    body = io.BytesIO()
    for key, value in fields:
        body.write(f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode())
    body.write(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n\r\n'.encode())
    body.write(data)
    body.write(f"\r\n--{boundary}--\r\n".encode())
    return body.getvalue(), f"multipart/form-data; boundary={boundary}"


def workbook(sheet_xml_chunks):
    """A workbook whose one sheet is the given pieces of XML, deflated as they come."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            for chunk in sheet_xml_chunks:
                sheet.write(chunk)
    return out.getvalue()


def styled_empty_rows(count):
    yield b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    yield '<row r="1"><c r="A1" t="inlineStr"><is><t>事项</t></is></c></row>'.encode()
    for start in range(2, count + 1, 10_000):
        yield b"".join(b'<row r="%d" s="1" customFormat="1"><c r="A%d" s="1"/></row>' % (r, r)
                       for r in range(start, min(start + 10_000, count + 1)))
    yield b"</sheetData></worksheet>"


def unpacks_huge(size):
    yield b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    chunk = b"<row/>" * (1 << 20)
    for _ in range(size // len(chunk)):
        yield chunk
    yield b"</sheetData></worksheet>"


def watch_live(stop, latencies):
    while not stop.is_set():
        started = time.perf_counter()
        with urllib.request.urlopen(BASE + "/health/live", timeout=10) as response:
            response.read()
        latencies.append(time.perf_counter() - started)
        time.sleep(0.02)


def test_large_and_hostile_uploads_hold_up_nobody():
    cookie, csrf = session("fangcheng.office")
    court_cookie, court_csrf = session("lushan.court")
    lists = json.loads(urllib.request.urlopen(urllib.request.Request(
        BASE + "/api/v1/regions/411322/lists", headers={"Cookie": cookie}), timeout=30).read())
    list_id = (lists["lists"] if isinstance(lists, dict) else lists)[0]["id"]
    header = "案号,审理法院,审级,被告单位,区划代码,行政行为类别,原告类型,立案日期,结案日期,裁判结果,败诉原因,开庭日期,负责人出庭,出庭负责人职务,是否正职,是否出声\n"
    cases = (header + "".join(
        f"（2020）豫0423行初{n}号,鲁山县人民法院,一审,查无此单位,410423,工伤认定,个人,2020-03-05,,,,,,,,\n"
        for n in range(1, 300_001))).encode()
    uploads = [
        ("a million styled empty rows", lambda: post(
            "/regions/411322/ledger/import",
            *multipart([("_csrf", csrf), ("listID", list_id), ("kind", "items")], "rows.xlsx",
                       workbook(styled_empty_rows(1_048_576))), cookie, csrf)),
        ("a sheet that unpacks to 1.1 GB", lambda: post(
            "/regions/411322/ledger/import",
            *multipart([("_csrf", csrf), ("listID", list_id), ("kind", "items")], "bomb.xlsx",
                       workbook(unpacks_huge(1_100 << 20))), cookie, csrf)),
        ("300 000 case rows", lambda: post(
            "/api/v1/litigation/cases/import", cases, "text/csv", court_cookie, court_csrf)),
    ]
    for name, send in uploads:
        stop = threading.Event()
        latencies = []
        watcher = threading.Thread(target=watch_live, args=(stop, latencies))
        watcher.start()
        try:
            status, body = send()
        finally:
            stop.set()
            watcher.join()
        assert status == 422, f"{name}: {status} {body[:300]!r}"
        assert len(latencies) > 3, name
        assert max(latencies) < 0.1, f"{name}: /health/live took {max(latencies) * 1000:.0f} ms"
