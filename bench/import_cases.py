#!/usr/bin/env python3
"""Imports N administrative cases (default 100 000) through the cases page's streaming import and reports rows/s,
the progress lines as they arrive, and the server's peak resident memory.

    python3 bench/import_cases.py [--rows 100000] [--format csv|xlsx] [--binary .build/release/fuyuan]

It starts its own server on a fresh SQLite database with the demo data (or on DATABASE_URL if set, which must name
an empty database), signs in as lushan.court and posts one generated file. Loopback only.
"""
import argparse
import http.client
import json
import pathlib
import sys
import tempfile
import threading
import time

import server as bench_server

HEADER = ["案号", "审理法院", "审级", "被告单位", "区划代码", "行政行为类别", "原告类型", "立案日期", "结案日期", "裁判结果", "败诉原因",
          "开庭日期", "负责人出庭", "出庭负责人职务", "是否正职", "是否出声"]
DEFENDANTS = ["县人社局", "县自然资源局", "县公安局", "县住建局", "县市场监管局", "县政府"]
ACTIONS = ["行政处罚", "行政强制", "行政许可", "信息公开", "工伤认定", "行政登记"]


def rows(count, first_year):
    """Deterministic cases of 鲁山县 in two years from `first_year` (clear of the demo's and the generator's), one
    hearing each on every other row."""
    for n in range(1, count + 1):
        year = first_year + n % 2
        filed = f"{year}-{1 + n % 11:02d}-{1 + n % 27:02d}"
        concluded = f"{year}-12-{1 + n % 28:02d}" if n % 3 else ""
        outcome = ("撤销" if n % 7 == 0 else "驳回诉讼请求") if concluded else ""
        cause = "违反法定程序" if outcome == "撤销" else ""
        hearing = [f"{year}-12-01", "是" if n % 10 else "否", "局长" if n % 10 else "", "是" if n % 20 else "否",
                   "是" if n % 10 else "否"] if n % 2 and concluded else ["", "", "", "", ""]
        if hearing[1] == "否":
            hearing[2:] = ["", "否", "否"]
        yield [f"（{year}）豫0423行初{n}号", "鲁山县人民法院", "一审", DEFENDANTS[n % len(DEFENDANTS)], "410423",
               ACTIONS[n % len(ACTIONS)], "个人" if n % 5 else "企业", filed, concluded, outcome, cause, *hearing]


def write_file(path, count, fmt, first_year=2030):
    if fmt == "csv":
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(",".join(HEADER) + "\r\n")
            for row in rows(count, first_year):
                f.write(",".join(row) + "\r\n")
    else:
        import openpyxl
        book = openpyxl.Workbook(write_only=True)
        sheet = book.create_sheet("cases")
        sheet.append(HEADER)
        for row in rows(count, first_year):
            sheet.append(row)
        book.save(path)


def post_file(port, pid, session, path, fmt, quiet=False):
    """Posts one file to the cases page's import as `session`; returns (seconds, peak RSS in KiB), exits on refusal."""
    peak = [bench_server.rss_kib(pid)]
    stop = threading.Event()

    def sample():
        while not stop.is_set():
            try:
                peak[0] = max(peak[0], bench_server.rss_kib(pid))
            except OSError:
                return
            time.sleep(0.1)

    threading.Thread(target=sample, daemon=True).start()
    cookie, csrf = session
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    started = time.time()
    try:
        with open(path, "rb") as body:
            connection.request("POST", "/regions/410423/litigation/cases/import", body,
                               {"Cookie": cookie, "X-CSRF-Token": csrf, "Accept": "application/json",
                                "Content-Type": "text/csv" if fmt == "csv" else "application/octet-stream",
                                "Content-Length": str(path.stat().st_size)})
            response = connection.getresponse()
            last = None
            while line := response.readline():
                last = json.loads(line)
                if not quiet:
                    print(f"  {time.time() - started:6.1f} s  {json.dumps(last, ensure_ascii=False)[:160]}")
    finally:
        stop.set()
    if not last or "done" not in last:
        sys.exit(f"import failed: {json.dumps(last, ensure_ascii=False)[:400]}")
    return time.time() - started, peak[0]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--format", choices=["csv", "xlsx"], default="csv")
    parser.add_argument("--binary", default=".build/release/fuyuan")
    args = parser.parse_args()
    work = pathlib.Path(tempfile.mkdtemp(prefix="fuyuan-bench-"))
    data = work / f"cases.{args.format}"
    started = time.time()
    write_file(data, args.rows, args.format)
    print(f"generated {args.rows} rows ({data.stat().st_size >> 20} MB) in {time.time() - started:.1f} s")
    server, port, _ = bench_server.start(args.binary, str(work))
    try:
        idle = bench_server.rss_kib(server.pid)
        elapsed, peak = post_file(port, server.pid, bench_server.sign_in(port, "lushan.court"), data, args.format)
        print(f"{args.rows} rows from .{args.format} in {elapsed:.1f} s: {args.rows / elapsed:,.0f} rows/s; "
              f"server RSS {idle >> 10} MB idle, {peak >> 10} MB peak (file {data.stat().st_size >> 20} MB)")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
