"""A demo server of the scripts' own: SQLite, a data directory under `work`, loopback only, on a free port."""
import os
import socket
import subprocess
import time
import urllib.request

PASSWORD = "Fuyuan@2026"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(binary, work, data_dir=None):
    """Starts `binary serve --demo` and waits until it is ready; returns the process, its base URL and data dir (by
    default `work`/data; the server's log is `work`/server.log)."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    data_dir = data_dir or os.path.join(work, "data")
    env = dict(os.environ, DATABASE_URL="", FUYUAN_DATA_DIR=data_dir, FUYUAN_PORT=str(port), FUYUAN_BCRYPT_COST="4")
    log = open(os.path.join(work, "server.log"), "w")
    server = subprocess.Popen([binary, "serve", "--demo"], env=env, stdout=log, stderr=subprocess.STDOUT)
    for _ in range(300):
        try:
            urllib.request.urlopen(base + "/health/ready", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    return server, base, data_dir
