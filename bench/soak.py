#!/usr/bin/env python3
"""Soak: a working day's mix of reads and writes from many clients for a long time, watching for what only time
shows — any 5xx, memory that keeps growing, answers that slow down, an audit chain that breaks.

    python3 bench/soak.py [--minutes 60] [--clients 16] [--binary .build/release/fuyuan]

Each client signs in as a 鲁山县 or 方城县 user and loops: the ledger (filtered, paged), an item, the litigation
dashboard, the cases list, the roster; every tenth turn, for office users, writes (a new draft item with an
Idempotency-Key, then a correction of it with If-Match, and an edit of a listed item with If-Match). Every minute it prints requests/s, p50/p99 and the server's resident memory. It fails when a
request answers 5xx, when memory in the last quarter of the run is more than 20 % above the second quarter's, or
when `fuyuan verify-audit` does not pass at the end. SQLite in a fresh folder, or DATABASE_URL's empty PostgreSQL.
"""
import argparse
import http.client
import json
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid

import server as bench_server

USERS = [("lushan.office", "410423"), ("lushan.court", "410423"), ("lushan.leader", "410423"),
         ("fangcheng.office", "411322"), ("fangcheng.court", "411322")]


class Client:
    def __init__(self, port, username):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        status, body, response = self.send("POST", "/api/v1/auth/login",
                                           {"username": username, "password": "Fuyuan@2026"}, record=False)
        assert status == 200, body
        self.headers = {"Cookie": response.getheader("Set-Cookie").split(";")[0],
                        "X-CSRF-Token": json.loads(body)["csrfToken"], "Content-Type": "application/json"}
        self.timings, self.errors = [], []

    def send(self, method, path, body=None, headers=None, record=True):
        started = time.perf_counter()
        self.connection.request(method, path, None if body is None else json.dumps(body),
                                dict(getattr(self, "headers", {"Content-Type": "application/json"}), **(headers or {})))
        response = self.connection.getresponse()
        data = response.read()
        if record:
            self.timings.append(time.perf_counter() - started)
            if response.status >= 500:
                self.errors.append(f"{method} {path}: {response.status} {data[:200]!r}")
        return response.status, data, response


def work(client, region, turn):
    client.send("GET", f"/regions/{region}/ledger?state=inProgress&page={turn % 3 + 1}")
    status, body, _ = client.send("GET", f"/api/v1/regions/{region}/items?page={turn % 2 + 1}")
    items = json.loads(body)["items"] if status == 200 else []
    if items:
        client.send("GET", f"/items/{random.choice(items)['id']}")
    client.send("GET", f"/regions/{region}/litigation")
    client.send("GET", f"/regions/{region}/litigation/cases?page=1")
    client.send("GET", f"/regions/{region}/meeting")
    if turn % 10 == 0 and "office" in client.name:
        # A new draft item (the ledger is paged, so pages do not grow with it), then a correction of its wording.
        status, body, response = client.send(
            "POST", "/api/v1/items",
            {"listID": client.list_id, "title": f"浸泡测试事项{uuid.uuid4().hex[:10]}", "content": "", "area": "other",
             "deadline": "2027年6月30日", "leadUnitIDs": [], "responsibleUnitIDs": [client.unit_id],
             "cooperatingUnitIDs": [], "issueNow": False},
            {"Idempotency-Key": str(uuid.uuid4())})
        if status == 201:
            client.send("PATCH", f"/api/v1/items/{json.loads(body)['id']}", {"content": "改正后的内容"},
                        {"If-Match": response.getheader("ETag") or f"\"{json.loads(body)['version']}\""})
        if items:  # 412 when another client edited it first, 422 when it is closed: both fine, a 5xx is not
            item = random.choice(items)
            client.send("PATCH", f"/api/v1/items/{item['id']}", {"content": f"浸泡测试第 {turn} 轮修改"},
                        {"If-Match": f"\"{item['version']}\""})


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, default=60)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--binary", default=".build/release/fuyuan")
    args = parser.parse_args()
    work_dir = tempfile.mkdtemp(prefix="fuyuan-soak-")
    server, port, env = bench_server.start(args.binary, work_dir)
    stop = threading.Event()
    clients = []
    try:
        for index in range(args.clients):
            username, region = USERS[index % len(USERS)]
            client = Client(port, username)
            client.name, client.region = username, region
            if "office" in username:
                _, lists, _ = client.send("GET", f"/api/v1/regions/{region}/lists", record=False)
                _, units, _ = client.send("GET", f"/api/v1/regions/{region}/units", record=False)
                client.list_id, client.unit_id = json.loads(lists)[0]["id"], json.loads(units)[0]["id"]
            clients.append(client)

        def loop(client):
            turn = 0
            while not stop.is_set():
                turn += 1
                try:
                    work(client, client.region, turn)
                except (OSError, http.client.HTTPException) as error:
                    client.errors.append(f"{type(error).__name__}: {error}")
                    return

        threads = [threading.Thread(target=loop, args=(c,), daemon=True) for c in clients]
        for thread in threads:
            thread.start()
        started, memory, minute = time.time(), [], 0
        end = started + args.minutes * 60
        while time.time() < end:
            time.sleep(min(5, max(0, end - time.time())))
            memory.append(bench_server.rss_kib(server.pid) / 1024)
            if time.time() - started >= (minute + 1) * 60 or time.time() >= end:
                minute += 1
                timings = sorted(t for c in clients for t in c.timings)
                count = len(timings)
                for c in clients:
                    c.timings.clear()
                if count:
                    print(f"minute {minute:3d}: {count / 60:7.0f} req/s  p50 {timings[count // 2] * 1000:6.1f} ms  "
                          f"p99 {timings[int(count * 0.99)] * 1000:6.1f} ms  RSS {memory[-1]:6.1f} MB", flush=True)
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
        errors = [e for c in clients for e in c.errors]
        quarter = max(1, len(memory) // 4)
        early = statistics.mean(memory[quarter:2 * quarter] or memory)
        late = statistics.mean(memory[-quarter:])
        verify = subprocess.run([args.binary, "verify-audit"], env=env, capture_output=True, text=True)
        print(f"{args.minutes:g} minutes, {args.clients} clients: {len(errors)} errors; RSS {memory[0]:.0f} MB at "
              f"start, {early:.0f} MB in the second quarter, {late:.0f} MB in the last, {max(memory):.0f} MB peak; "
              f"verify-audit: {verify.stdout.strip().splitlines()[-1] if verify.stdout.strip() else verify.stderr.strip()}")
        if errors:
            print("\n".join(errors[:20]))
        if errors or late > early * 1.2 or verify.returncode != 0:
            sys.exit(1)
    finally:
        stop.set()
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
