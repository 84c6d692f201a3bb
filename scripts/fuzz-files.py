#!/usr/bin/env python3
"""Sends mutated office files to every import and upload for a bounded time: none may stop the server.

Starts a demo server of its own (SQLite, a temporary data directory, loopback only). The seeds are real files: the
.xlsx that LibreOffice Calc and openpyxl write (Tests/OfficeFiles/make.py), CSV, and a .docx. Each round takes a seed
and mutates it — an entry of the zip (bytes flipped, XML cut, repeated or spliced with hostile pieces, cell types and
references changed, the part re-encoded), the archive itself (truncated, bytes flipped, entries dropped), or the text
of a CSV (other encodings and line ends, quotes, NUL bytes) — and sends it to the ledger's items and progress imports,
the case import (page and API), the attachment upload and the document reader (`…/documents/parse`).

Every answer must be a refusal (4xx), or, for an attachment, a 303 for a file taken, or, for the document reader,
the draft it read (it writes nothing); never a 5xx or a dropped connection. The import seeds name units that do not exist, so no mutation can make one importable: stored ledger
items, progress reports and cases must be exactly as many after the run as before, and attachments as many more as
were taken. `/health/live` must answer within a second after each file.

    python3 scripts/fuzz-files.py [--binary .build/debug/fuyuan] [--seconds 120] [--seed 1]
"""
import argparse
import io
import json
import os
import random
import re
import shutil

import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
import zipfile

import demoserver

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

HOSTILE = [
    b'<c r="AAAAAAAAAAAAAAAA2" t="s"><v>0</v></c>', b'<c r="ZZZZZ1"><v>1</v></c>', b'<c r="XFE1"><v>1</v></c>',
    b'<!DOCTYPE x [<!ENTITY a "b">]>', b"&#0;", b"&bogus;", b"<![CDATA[", b"]]>", b'<v>4.10423199003071E+17</v>',
    b'<v>99999999999</v>', b'<v>-1</v>', b'<v>60</v>', b'<v>NaN</v>', b'<v>1e309</v>', b't="s"', b't="d"', b't="b"',
    b't="inlineStr"', b's="99999"', b'<row r="0">', b'<row r="1048577">', b'<row r="-5">', b'<is><t>x</t></is>',
    b'<rPh><t>x</t></rPh>', b'<workbookPr date1904="1"/>', b'<sheet name="x" state="hidden" r:id="rId1"/>',
    b'<numFmt numFmtId="14" formatCode="[h]:mm;@"/>', b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"<" * 50, b'"' * 50,
    b"_x000D_", b"_xZZZZ_",
]


class Client:
    """A signed-in session: its cookie and CSRF token."""

    def __init__(self, base, username):
        self.base = base
        request = urllib.request.Request(
            base + "/api/v1/auth/login", data=json.dumps({"username": username, "password": demoserver.PASSWORD}).encode(),
            method="POST", headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as response:
            self.csrf = json.loads(response.read())["csrfToken"]
            self.cookie = re.search(r"fuyuan_session=[^;]+", response.headers["Set-Cookie"]).group(0)

    def get_json(self, path):
        request = urllib.request.Request(self.base + path, headers={"Cookie": self.cookie})
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read())

    def send(self, path, body, content_type):
        request = urllib.request.Request(
            self.base + path, data=body, method="POST",
            headers={"Cookie": self.cookie, "X-CSRF-Token": self.csrf, "Content-Type": content_type})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                response.read()
                return response.status
        except urllib.error.HTTPError as error:
            error.read()
            return error.code

    def upload(self, path, fields, name, data, content_type="application/octet-stream"):
        boundary = "----fuyuan-fuzz-" + uuid.uuid4().hex
        body = io.BytesIO()
        for key, value in [("_csrf", self.csrf)] + fields:
            body.write(f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode())
        body.write(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
                   f"Content-Type: {content_type}\r\n\r\n".encode())
        body.write(data)
        body.write(f"\r\n--{boundary}--\r\n".encode())
        return self.send(path, body.getvalue(), f"multipart/form-data; boundary={boundary}")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


urllib.request.install_opener(urllib.request.build_opener(NoRedirect))


# MARK: seeds


def seeds(work):
    """The files mutated: office files as programs write them, with unit names no region has."""
    made = os.path.join(work, "office")
    subprocess.run([sys.executable, os.path.join(ROOT, "Tests", "OfficeFiles", "make.py"), made], check=True)
    files = {}
    for name in sorted(os.listdir(made)):
        data = open(os.path.join(made, name), "rb").read()
        files[name] = without_units(data) if data.startswith(b"PK") else no_units(data)
    files["items.csv"] = "事项,完成时限,牵头单位\n建立机制,2025-06-30,查无此单位\n持续推进事项,长期坚持,查无此单位\n".encode()
    files["progress.csv"] = "序号,单位,进展情况,相关数据\n1,查无此单位,已完成,12\n".encode("gb18030")
    header = "案号,审理法院,审级,被告单位,区划代码,行政行为类别,原告类型,立案日期,结案日期,裁判结果,败诉原因,开庭日期,负责人出庭,出庭负责人职务,是否正职,是否出声\n"
    files["cases.csv"] = (header + "（2025）豫0423行初9号,鲁山县人民法院,一审,查无此单位,410423,工伤认定,个人,2025-03-05,,,,,,,,\n").encode()
    files["note.docx"] = docx("府院联动工作实施方案")
    return files


def no_units(data):
    """`data` with every unit name the office files use replaced by one no region has."""
    for name in ["县法院", "县人社局", "县自然资源局"]:
        data = data.replace(name.encode(), "查无此单位".encode())
    return data


def without_units(workbook):
    """The workbook with its unit name replaced inside every part (the parts are compressed: the bytes of the
    archive itself never hold the name)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(workbook)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            target.writestr(entry, no_units(source.read(entry)))
    return out.getvalue()


def docx(text):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>')
    return out.getvalue()


# MARK: mutations


def mutate_bytes(rng, data):
    data = bytearray(data)
    kind = rng.randrange(6)
    if not data:
        return bytes(rng.choice(HOSTILE))
    if kind == 0:
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] = rng.randrange(256)
    elif kind == 1:
        return bytes(data[: rng.randrange(len(data))])
    elif kind == 2:
        at = rng.randrange(len(data))
        return bytes(data[:at] + rng.choice(HOSTILE) + data[at:])
    elif kind == 3:
        start = rng.randrange(len(data))
        end = min(len(data), start + rng.randint(1, 200))
        return bytes(data[:start] + data[start:end] * rng.randint(2, 50) + data[end:])
    elif kind == 4:
        start = rng.randrange(len(data))
        return bytes(data[:start] + data[start + rng.randint(1, 100):])
    else:
        text = bytes(data)
        swaps = [(b't="s"', b't="n"'), (b't="n"', b't="s"'), (b'r="A', b'r="XFD'), (b"<v>", b"<v>9"),
                 (b'numFmtId="165"', b'numFmtId="14"'), (b"<si>", b"<si><rPh><t>x</t></rPh>"), (b"\n", b"\r")]
        old, new = rng.choice(swaps)
        return text.replace(old, new, rng.randint(1, 20))
    return bytes(data)


def reencode(rng, data):
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return data
    encoding = rng.choice(["utf-16", "utf-16-be", "utf-32", "cp037", "gb18030", "latin-1"])
    try:
        return text.encode(encoding, errors="replace")
    except LookupError:
        return data


def mutate_zip(rng, data):
    if rng.random() < 0.2:
        return mutate_bytes(rng, data)
    source = zipfile.ZipFile(io.BytesIO(data))
    names = source.namelist()
    target = rng.choice(names)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name in names:
            part = source.read(name)
            if name == target:
                if rng.random() < 0.1:
                    continue
                part = reencode(rng, part) if rng.random() < 0.15 else mutate_bytes(rng, part)
            z.writestr(name, part)
    return out.getvalue()


def mutate_text(rng, data):
    if rng.random() < 0.3:
        return reencode(rng, data)
    if rng.random() < 0.2:
        return data.replace(b"\n", b"\r")
    return mutate_bytes(rng, data)


# MARK: the run


def counts(database):
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=30) as db:
        return {table: db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
                for table in ["work_items", "progress_reports", "admin_cases", "hearings", "attachments"]}


def live(base):
    started = time.time()
    with urllib.request.urlopen(base + "/health/live", timeout=5) as response:
        response.read()
    return time.time() - started


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/debug/fuyuan")
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="fuyuan-fuzz-files.")
    server, base, data_dir = demoserver.start(args.binary, work)
    failures = []
    sent = 0
    taken_attachments = 0
    try:
        office = Client(base, "fangcheng.office")
        court = Client(base, "lushan.court")
        lists = office.get_json("/api/v1/regions/411322/lists")
        list_id = (lists["lists"] if isinstance(lists, dict) else lists)[0]["id"]
        items = office.get_json("/api/v1/regions/411322/items")["items"]
        item_id = items[0]["id"]
        files = seeds(work)
        before = counts(os.path.join(data_dir, "fuyuan.sqlite"))
        rng = random.Random(args.seed)
        deadline = time.time() + args.seconds
        while time.time() < deadline:
            name = rng.choice(sorted(files))
            original = files[name]
            data = mutate_zip(rng, original) if original.startswith(b"PK") else mutate_text(rng, original)
            targets = [
                ("ledger items", lambda: office.upload(
                    "/regions/411322/ledger/import", [("listID", list_id), ("kind", "items")], name, data)),
                ("ledger progress", lambda: office.upload(
                    "/regions/411322/ledger/import", [("listID", list_id), ("kind", "progress")], name, data)),
                ("case API", lambda: court.send("/api/v1/litigation/cases/import", data,
                                                XLSX_TYPE if data.startswith(b"PK") else "text/csv")),
                ("attachment", lambda: office.upload(f"/items/{item_id}/attachments", [], name, data)),
                ("document parse", lambda: office.send(
                    "/api/v1/regions/411322/documents/parse", data,
                    DOCX_TYPE if data.startswith(b"PK") else "text/plain")),
            ]
            for target, send in targets:
                sent += 1
                try:
                    status = send()
                except Exception as error:  # a dropped connection or a time-out
                    status = f"no answer ({error})"
                if target == "attachment" and status == 303:
                    taken_attachments += 1
                elif target == "document parse" and status == 200:
                    pass  # read and answered; a parse writes nothing
                elif not (isinstance(status, int) and 400 <= status < 500):
                    failures.append(f"{target} ← mutated {name}: {status}")
                    open(os.path.join(work, f"failure-{len(failures)}-{name}"), "wb").write(data)
                try:
                    if live(base) > 1:
                        failures.append(f"/health/live slow after {target} ← mutated {name}")
                except OSError as error:
                    failures.append(f"server down after {target} ← mutated {name}: {error}")
                    raise SystemExit("\n".join(failures))
        after = counts(os.path.join(data_dir, "fuyuan.sqlite"))
        expected = dict(before, attachments=before["attachments"] + taken_attachments)
        if after != expected:
            failures.append(f"stored data changed: before {before}, after {after}, expected {expected}")
        if server.poll() is not None:
            failures.append(f"the server exited with {server.returncode}")
    finally:
        server.terminate()
        server.wait()
    if failures:
        print("\n".join(failures[:30]))
        sys.exit(f"file fuzzing failed after {sent} files; the files and the server's log are in {work}")
    print(f"sent {sent} mutated files in {args.seconds:.0f} s: every one refused or taken whole, the server stayed up")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
