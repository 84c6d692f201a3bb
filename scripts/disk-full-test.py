#!/usr/bin/env python3
"""The server on a full disk (issue 35, point 6), on a small file system made for it (a 64 MB tmpfs; root only).

The demo server's data directory lives on the small file system; the write-ahead log is emptied and the rest of the
space filled, so that every write SQLite makes must grow a file and fails. Then: people still sign in (a stand-in
session carried by the cookie) and read; every write, the import and an attachment answer 507 in Chinese and leave
nothing behind (no partial file, no row); /health/ready says storage_full. Once the filler is removed: writes work
again, the sign-in held meanwhile reaches the audit log, the audit chain verifies, SQLite's integrity check passes and
every write acknowledged before is there.

    scripts/disk-full-test.py [--binary .build/debug/fuyuan]
"""
import argparse
import contextlib
import http.client
import json
import os
import pathlib
import sqlite3
import subprocess
import sys
import tempfile
import uuid

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "bench"))
import demoserver  # noqa: E402
import import_cases  # noqa: E402

FULL_MESSAGE = "服务器存储空间已满，本次操作未保存（已保存的数据不受影响）；请联系系统管理员清理存储空间后重试"


class Client:
    """One person's cookie and CSRF token against the server at `port`."""

    def __init__(self, port):
        self.port = port
        self.cookie = None
        self.csrf = None

    def send(self, method, path, body=None, content_type="application/json", headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        all_headers = dict(headers or {})
        if self.cookie:
            all_headers["Cookie"] = self.cookie
            all_headers["X-CSRF-Token"] = self.csrf
        if body is not None:
            all_headers["Content-Type"] = content_type
            if content_type == "application/json":
                body = json.dumps(body)
        connection.request(method, path, body, all_headers)
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace"), response

    def sign_in(self, username):
        status, body, response = self.send(
            "POST", "/api/v1/auth/login", {"username": username, "password": demoserver.PASSWORD})
        assert status == 200, f"sign-in of {username}: {status} {body}"
        self.cookie = response.getheader("Set-Cookie").split(";")[0]
        self.csrf = json.loads(body)["csrfToken"]
        return self.cookie.split("=", 1)[1]


def expect_full(status, body, what):
    assert status == 507, f"{what}: expected 507, got {status} {body[:300]}"
    assert FULL_MESSAGE in body, f"{what}: {body[:300]}"


def fill(directory):
    """Writes a filler file until the file system refuses; returns its path."""
    filler = os.path.join(directory, "filler")
    chunk = b"\0" * (1 << 20)
    with open(filler, "wb", buffering=0) as out:
        try:
            while True:
                out.write(chunk)
        except OSError:
            pass
        try:
            while True:
                out.write(b"\0" * 512)
        except OSError:
            pass
    return filler


def attach(client, item_id):
    boundary = "fuyuan" + uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n{client.csrf}\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"说明.txt\"\r\n"
            "Content-Type: text/plain\r\n\r\n").encode() + ("磁盘已满时上传的说明。\n" * 20000).encode() + (
        f"\r\n--{boundary}--\r\n").encode()
    return client.send("POST", f"/items/{item_id}/attachments", body, f"multipart/form-data; boundary={boundary}",
                       headers={"Accept": "application/json"})


def stray_files(data_dir):
    """Files a failed write could leave: anything in tmp/, and partial files anywhere."""
    found = []
    for root, _, files in os.walk(data_dir):
        for name in files:
            path = os.path.join(root, name)
            if os.path.relpath(path, data_dir).startswith("tmp" + os.sep) or ".part" in name:
                found.append(path)
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/debug/fuyuan")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    work = tempfile.mkdtemp(prefix="fuyuan-full.")
    small = os.path.join(work, "small")
    os.makedirs(small)
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m,mode=755", "tmpfs", small], check=True)
    server = None
    try:
        server, base, data_dir = demoserver.start(binary, work, data_dir=os.path.join(small, "data"))
        port = int(base.rsplit(":", 1)[1])
        office = Client(port)
        office.sign_in("lushan.office")
        status, body, _ = office.send("POST", "/api/v1/regions/410423/lists",
                                      {"kind": "problem", "title": "磁盘满之前建立的清单", "source": "磁盘测试"})
        assert status == 201, body
        kept_list = json.loads(body)["id"]
        status, body, _ = office.send("GET", "/api/v1/regions/410423/items")
        assert status == 200, body
        items = json.loads(body)
        item_id = next(item["id"] for item in items["items"] if item["state"] not in ("closed", "notApplicable"))
        database = os.path.join(data_dir, "fuyuan.sqlite")
        with contextlib.closing(sqlite3.connect(database)) as db:
            lists_before = db.execute("SELECT count(*) FROM work_lists").fetchone()[0]
            cases_before = db.execute("SELECT count(*) FROM admin_cases").fetchone()[0]
            attachments_before = db.execute("SELECT count(*) FROM attachments").fetchone()[0]
            # Every write from now on must grow the write-ahead log.
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cases_file = pathlib.Path(work) / "cases.csv"
        import_cases.write_file(cases_file, 2000, "csv", first_year=2061)
        print(f"before filling: {subprocess.check_output(['df', '-h', small], text=True).splitlines()[1]}")
        filler = fill(small)

        # Reading and signing in go on.
        court = Client(port)
        court_cookie = court.sign_in("lushan.court")
        assert court_cookie.startswith("s1."), "the court's sign-in wrote a session on a full disk"
        for client, path in [(court, "/api/v1/me"), (court, "/regions/410423/ledger"), (office, "/api/v1/me"),
                             (office, f"/items/{item_id}"), (office, "/regions/410423/litigation")]:
            status, body, _ = client.send("GET", path)
            assert status == 200, f"GET {path} on a full disk: {status} {body[:300]}"
            if not path.startswith("/api/"):
                assert "服务器存储空间已满：可以照常登录和查阅，但暂时不能保存任何修改" in body, f"GET {path} says nothing"
        status, body, _ = court.send("GET", "/health/ready")
        assert (status, json.loads(body)) == (503, {"status": "storage_full"}), body

        # Writes are refused with 507 and leave nothing.
        status, body, _ = office.send("POST", "/api/v1/regions/410423/lists",
                                      {"kind": "problem", "title": "磁盘满时的清单", "source": "磁盘测试"})
        expect_full(status, body, "a new list")
        with open(cases_file, "rb") as upload:
            status, body, _ = court.send("POST", "/api/v1/litigation/cases/import", upload.read(), "text/csv")
        expect_full(status, body, "the cases import")
        status, body, _ = attach(office, item_id)
        expect_full(status, body, "an attachment")
        assert not stray_files(data_dir), f"partial files left: {stray_files(data_dir)}"
        status, body, _ = court.send("POST", "/api/v1/auth/logout")
        assert status == 204, body
        status, body, _ = court.send("GET", "/api/v1/me")
        assert status == 401, f"a signed-out stand-in session still reads: {status}"

        # Room returns: writes work, the held sign-in reaches the audit log, and every check passes.
        os.remove(filler)
        status, body, _ = office.send("POST", "/api/v1/regions/410423/lists",
                                      {"kind": "problem", "title": "腾出空间后的清单", "source": "磁盘测试"})
        assert status == 201, f"a write after room returned: {status} {body}"
        status, body, _ = office.send("GET", "/health/ready")
        assert (status, json.loads(body)) == (200, {"status": "ok"}), body
        court.sign_in("lushan.court")
        with open(cases_file, "rb") as upload:
            status, body, _ = court.send("POST", "/api/v1/litigation/cases/import", upload.read(), "text/csv")
        assert status == 200, f"the import after room returned: {status} {body[:300]}"
        with contextlib.closing(sqlite3.connect(database)) as db:
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert db.execute("SELECT count(*) FROM work_lists WHERE id = ?", (kept_list.upper(),)).fetchone()[0] \
                + db.execute("SELECT count(*) FROM work_lists WHERE id = ?", (kept_list.lower(),)).fetchone()[0] == 1
            assert db.execute("SELECT count(*) FROM work_lists").fetchone()[0] == lists_before + 1
            assert db.execute("SELECT count(*) FROM admin_cases").fetchone()[0] == cases_before + 2000
            assert db.execute("SELECT count(*) FROM attachments").fetchone()[0] == attachments_before
            held = db.execute("SELECT summary FROM audit_entries WHERE action = 'auth.sign_in' "
                              "AND summary LIKE '%临时会话%'").fetchall()
            assert len(held) == 1, held
            signed_out = db.execute("SELECT count(*) FROM audit_entries WHERE action = 'auth.sign_out'").fetchone()[0]
            assert signed_out == 1, signed_out
        server.terminate()
        server.wait(timeout=60)
        env = dict(os.environ, DATABASE_URL="", FUYUAN_DATA_DIR=data_dir)
        verdict = subprocess.run([binary, "verify-audit"], env=env, capture_output=True, text=True)
        assert verdict.returncode == 0, verdict.stdout + verdict.stderr
        print("disk full: sign-in and reading went on, writes answered 507 and left nothing, "
              "everything passed once room returned")
    finally:
        if server and server.poll() is None:
            server.kill()
            server.wait()
        subprocess.run(["umount", small], check=False)
        subprocess.run(["rm", "-rf", work], check=False)


if __name__ == "__main__":
    main()
