#!/usr/bin/env python3
"""Outbox test: the daily digest's mail goes to a real SMTP server on loopback (aiosmtpd, scripts/mailsink.py)
which stalls before accepting each message; the server is killed (-9) while it waits, `--kills` times, and started
again. In the end every mail delivery is sent exactly once, by the SMTP server's count of Message-IDs, and the
outbox says every one is sent. Then `fuyuan digest --send` sends nothing twice.

On SQLite it then sends the digest of a fresh demo, with `fuyuan digest --send`, to a server that drops the
connection once the message has come (each mail is retried and sent once), to a server that requires STARTTLS
and AUTH (PLAIN), and to one that speaks TLS from the first byte and offers AUTH LOGIN only, each with a certificate
made here and trusted through `ca=`; and to a server with a certificate not trusted, which must be refused.

    python3 scripts/notify-test.py [--kills 3] [--binary .build/debug/fuyuan]

SQLite in a fresh folder by default; with DATABASE_URL, that PostgreSQL database (empty).
"""
import argparse
import collections
import http.client
import os
import pathlib
import signal
import ssl
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import mailsink  # noqa: E402
from aiosmtpd.smtp import AuthResult  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=3)
    parser.add_argument("--binary", default=".build/debug/fuyuan")
    args = parser.parse_args()
    sink, controller = mailsink.start()
    data = tempfile.mkdtemp(prefix="fuyuan-notify-")
    database_url = os.environ.get("DATABASE_URL", "")
    env = dict(
        os.environ, FUYUAN_DATA_DIR=data, FUYUAN_PORT=str(mailsink.free_port()), FUYUAN_BCRYPT_COST="4",
        FUYUAN_SMTP_URL=f"smtp://127.0.0.1:{controller.port}?from=fuyuan@fuyuan.test",
        FUYUAN_DELIVERY_LEASE_SECONDS="6", FUYUAN_DELIVERY_RETRY_SECONDS="1")

    def count(sql):
        if database_url:
            out = subprocess.run(["psql", database_url, "-Atc", sql], check=True, capture_output=True, text=True)
            return int(out.stdout.strip())
        with sqlite3.connect(os.path.join(data, "fuyuan.sqlite")) as db:
            return db.execute(sql).fetchone()[0]

    def start():
        log = open(os.path.join(data, "server.log"), "a")
        process = subprocess.Popen([args.binary, "serve", "--demo"], env=env, stdout=log, stderr=log)
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", int(env["FUYUAN_PORT"]), timeout=1)
                connection.request("GET", "/health/ready")
                if connection.getresponse().status == 200:
                    return process
            except OSError:
                time.sleep(0.1)
        sys.exit("the server did not become ready")

    server = start()
    # The digest may have run at start already (after 08:00); by hand it adds what is missing, never a second.
    subprocess.run([args.binary, "digest"], env=env, check=True, capture_output=True)
    expected = count("SELECT count(*) FROM deliveries WHERE channel = 'mail'")
    assert expected > 0, "the demo's digest should mail someone"
    sink.stall_seconds = 3
    for _ in range(args.kills):
        sink.stalled.clear()
        assert sink.stalled.wait(30), "the sender never reached DATA"
        server.send_signal(signal.SIGKILL)
        server.wait()
        server = start()
    sink.stall_seconds = 0
    deadline = time.time() + 90
    while count("SELECT count(*) FROM deliveries WHERE channel = 'mail' AND state = 'sent'") < expected:
        assert time.time() < deadline, "not every delivery was sent: " + open(os.path.join(data, "server.log")).read()[-2000:]
        time.sleep(0.5)
    again = subprocess.run([args.binary, "digest", "--send"], env=env, check=True, capture_output=True, text=True)
    time.sleep(3)
    server.send_signal(signal.SIGTERM)
    server.wait(timeout=60)
    controller.stop()
    ids = collections.Counter(message["Message-ID"] for _, message in sink.messages)
    twice = [key for key, times in ids.items() if times > 1]
    assert not twice, f"sent twice: {twice}"
    assert len(ids) == expected, f"{len(ids)} messages for {expected} deliveries"
    assert "已发送 0 条" in again.stdout, again.stdout
    print(f"outbox: {expected} mail deliveries, {args.kills} kills mid-send, each delivered exactly once")
    if not database_url:
        dropped(args.binary, expected)
        secure(args.binary, expected)


def dropped(binary, expected):
    """A fresh demo's digest to a server that closes the connection once the message has come, without answering:
    every mail waits for its retry (one second here) and then goes, once."""
    sink, controller = mailsink.start()
    sink.drops = expected
    data = tempfile.mkdtemp(prefix="fuyuan-drop-data-")
    env = dict(os.environ, DATABASE_URL="", FUYUAN_DATA_DIR=data, FUYUAN_BCRYPT_COST="4",
               FUYUAN_DELIVERY_RETRY_SECONDS="1", FUYUAN_SMTP_URL=f"smtp://127.0.0.1:{controller.port}")
    subprocess.run([binary, "demo"], env=env, check=True, capture_output=True)
    first = subprocess.run([binary, "digest", "--send"], env=env, check=True, capture_output=True, text=True)
    assert f"已发送 0 条，失败 0 条，待重试 {expected} 条" in first.stdout, first.stdout
    time.sleep(1.5)
    second = subprocess.run([binary, "digest", "--send"], env=env, check=True, capture_output=True, text=True)
    controller.stop()
    assert f"已发送 {expected} 条，失败 0 条，待重试 0 条" in second.stdout, second.stdout
    assert len(sink.messages) == expected
    print(f"a server that drops the connection mid-message: {expected} mails retried after 1 s, each sent once")


def secure(binary, expected):
    """The digest of a fresh demo over STARTTLS with AUTH PLAIN, over implicit TLS with AUTH LOGIN, and refused by a
    client that does not trust the server's certificate."""
    folder = tempfile.mkdtemp(prefix="fuyuan-tls-")
    cert, key = mailsink.certificate(folder)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    logins = []

    def authenticator(server, session, envelope, mechanism, auth_data):
        logins.append((mechanism, auth_data.login.decode(), auth_data.password.decode()))
        return AuthResult(success=auth_data.login == b"fuyuan" and auth_data.password == b"p@ss:w/rd")

    credentials = "fuyuan:p%40ss%3Aw%2Frd"
    runs = [
        ("STARTTLS", dict(tls_context=context, require_starttls=True, authenticator=authenticator,
                          auth_require_tls=True), "smtp://{c}@127.0.0.1:{port}?starttls=required&ca={ca}", "PLAIN"),
        ("TLS", dict(ssl_context=context, authenticator=authenticator, auth_require_tls=False,
                     auth_exclude_mechanism=["PLAIN"]), "smtps://{c}@127.0.0.1:{port}?ca={ca}", "LOGIN"),
    ]
    for name, options, url, mechanism in runs:
        sink, controller = mailsink.start(**options)
        data = tempfile.mkdtemp(prefix="fuyuan-tls-data-")
        env = dict(os.environ, DATABASE_URL="", FUYUAN_DATA_DIR=data, FUYUAN_BCRYPT_COST="4",
                   FUYUAN_SMTP_URL=url.format(c=credentials, port=controller.port, ca=cert))
        subprocess.run([binary, "demo"], env=env, check=True, capture_output=True)
        out = subprocess.run([binary, "digest", "--send"], env=env, check=True, capture_output=True, text=True)
        controller.stop()
        assert f"已发送 {expected} 条" in out.stdout, (name, out.stdout)
        assert len(sink.messages) == expected, (name, len(sink.messages))
        assert logins and all(login == (mechanism, "fuyuan", "p@ss:w/rd") for login in logins), (name, logins)
        logins.clear()
    # The same STARTTLS server, but the client trusts only the system's CAs: no mail, and the answer says why.
    sink, controller = mailsink.start(tls_context=context, require_starttls=True)
    data = tempfile.mkdtemp(prefix="fuyuan-tls-data-")
    env = dict(os.environ, DATABASE_URL="", FUYUAN_DATA_DIR=data, FUYUAN_BCRYPT_COST="4",
               FUYUAN_SMTP_URL=f"smtp://127.0.0.1:{controller.port}?starttls=required")
    subprocess.run([binary, "demo"], env=env, check=True, capture_output=True)
    out = subprocess.run([binary, "digest", "--send"], env=env, check=True, capture_output=True, text=True)
    controller.stop()
    assert "已发送 0 条" in out.stdout and sink.messages == [], out.stdout
    print(f"mail over STARTTLS (AUTH PLAIN) and implicit TLS (AUTH LOGIN): {expected} each; an untrusted certificate refused")


if __name__ == "__main__":
    main()
