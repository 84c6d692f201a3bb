"""A real SMTP server on loopback for the notification tests (Python's aiosmtpd): it keeps every message it
accepted, parsed, and can refuse given recipients or stall before accepting a message."""
import asyncio
import email
import email.policy
import logging
import os
import socket
import subprocess
import threading
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP


# aiosmtpd logs each refused handshake with its traceback; the tests read the outcome instead.
logging.getLogger("mail.log").setLevel(logging.CRITICAL)


class Sink:
    def __init__(self):
        self.messages = []
        self.refused = set()
        self.stall_seconds = 0
        # How many messages to drop next: the connection is closed when the message has come, without an answer.
        self.drops = 0
        self.stalled = threading.Event()
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refused:
            return "550 5.1.1 <%s>: mailbox unavailable" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.drops:
            self.drops -= 1
            server.transport.close()
            return "421 4.4.2 dropped"
        if self.stall_seconds:
            self.stalled.set()
            await asyncio.sleep(self.stall_seconds)
            if server.transport is None or server.transport.is_closing():
                # The client is gone before it heard the answer: the message is not taken.
                return "451 4.3.0 client gone"
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.lock:
            self.messages.append((envelope.rcpt_tos[0], message))
        return "250 2.0.0 Ok: queued"

    def to(self, address):
        with self.lock:
            return [m for rcpt, m in self.messages if rcpt == address]

    def wait_for(self, address, count=1, seconds=30):
        deadline = time.time() + seconds
        while time.time() < deadline:
            if len(self.to(address)) >= count:
                return self.to(address)
            time.sleep(0.2)
        raise AssertionError(f"no mail to {address} within {seconds} s; got {[r for r, _ in self.messages]}")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(**options):
    """Starts a sink on a free port of 127.0.0.1; returns (sink, controller); the port is controller.port. The
    options go to aiosmtpd's Controller (tls_context, require_starttls, ssl_context, authenticator, …)."""
    sink = Sink()
    controller = Controller(
        sink, hostname="127.0.0.1", port=free_port(), server_hostname="sink.fuyuan.test", **options)
    controller.start()
    return sink, controller


def certificate(folder):
    """A self-signed certificate for 127.0.0.1 (its own CA) in `folder`: returns (cert.pem, key.pem)."""
    cert, key = os.path.join(folder, "cert.pem"), os.path.join(folder, "key.pem")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "2",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"], check=True, capture_output=True)
    return cert, key
