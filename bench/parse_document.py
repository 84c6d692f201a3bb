#!/usr/bin/env python3
"""Reads a 100-page 实施方案 through `POST /api/v1/regions/411322/documents/parse` and reports the time of each ask
against issue 24's target (a 100-page document read in under a second), as text and as a .docx saved by LibreOffice
Writer (skipped when `soffice` is missing).

    python3 bench/parse_document.py [--pages 100] [--asks 20] [--binary .build/release/fuyuan]

The document is seed 004's 30 linkage items (Tests/Fixtures/Documents) written again and again under new headings,
renumbered, until it fills the pages asked for (a page of a 公文 is 22 lines of 28 characters). It starts its own
server on a fresh SQLite database with the demo data and signs in as fangcheng.office. Loopback only.
"""
import argparse
import http.client
import json
import pathlib
import re
import statistics
import subprocess
import sys
import tempfile
import time

import server as bench_server

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEED = ROOT / "Tests" / "Fixtures" / "Documents" / "seed-004-fangcheng-plan.txt"
PAGE_CHARACTERS = 22 * 28


def chinese(number):
    """1 → 一, 12 → 十二, 35 → 三十五."""
    names = "一二三四五六七八九"
    if number < 10:
        return names[number - 1]
    tens = "" if number < 20 else names[number // 10 - 1]
    return tens + "十" + (names[number % 10 - 1] if number % 10 else "")


def document(pages):
    """The seed's head, then its items section repeated under 二、三、四… until `pages` pages are filled, its items
    numbered on (31. after 30.)."""
    text = SEED.read_text(encoding="utf-8")
    head, rest = text.split("二、重点联动事项", 1)
    items = rest.split("三、保障措施", 1)[0]
    parts, number, section = [head], 0, 0
    while sum(len(part) for part in parts) < pages * PAGE_CHARACTERS:
        section += 1
        block = re.sub(r"^(\d+)\. ", lambda m, n=number: f"{int(m.group(1)) + n}. ", items, flags=re.M)
        number += 30
        parts.append(f"{chinese(section + 1)}、重点联动事项（第 {section} 部分）{block}")
    return "".join(parts), number


def ask(port, cookie, csrf, body, content_type):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    started = time.perf_counter()
    connection.request("POST", "/api/v1/regions/411322/documents/parse", body,
                       {"Cookie": cookie, "X-CSRF-Token": csrf, "Content-Type": content_type})
    response = connection.getresponse()
    answer = response.read()
    elapsed = time.perf_counter() - started
    if response.status != 200:
        sys.exit(f"parse answered {response.status}: {answer[:300]!r}")
    return elapsed, len(json.loads(answer)["items"])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--asks", type=int, default=20)
    parser.add_argument("--binary", default=str(ROOT / ".build/release/fuyuan"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        text, items = document(args.pages)
        source = pathlib.Path(work) / "plan.txt"
        source.write_text(text, encoding="utf-8")
        files = [("text", source.read_bytes(), "text/plain; charset=utf-8")]
        try:
            subprocess.run(["soffice", f"-env:UserInstallation=file://{work}/profile", "--headless", "--norestore",
                            "--infilter=Text (encoded):UTF8,LF,,,", "--convert-to", "docx:MS Word 2007 XML",
                            "--outdir", work, str(source)], check=True, capture_output=True, timeout=300)
            files.append((".docx", (pathlib.Path(work) / "plan.docx").read_bytes(),
                          "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
        except (OSError, subprocess.CalledProcessError):
            print("soffice is missing: the .docx is not measured")
        process, port, _ = bench_server.start(args.binary, work)
        try:
            cookie, csrf = bench_server.sign_in(port, "fangcheng.office")
            print(f"a document of {len(text)} characters ({len(text) / PAGE_CHARACTERS:.0f} pages), {items} items")
            for name, body, content_type in files:
                ask(port, cookie, csrf, body, content_type)
                times = []
                for _ in range(args.asks):
                    elapsed, found = ask(port, cookie, csrf, body, content_type)
                    times.append(elapsed)
                if found != items:
                    sys.exit(f"{name}: {found} items read, {items} written")
                print(f"| parse {args.pages} pages as {name} ({len(body) >> 10} KiB, {found} items) "
                      f"| p50 {statistics.median(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms "
                      f"(target < 1000 ms) |")
        finally:
            process.terminate()
            process.wait()


if __name__ == "__main__":
    main()
