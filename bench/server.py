"""What the benchmark scripts share: a free loopback port, a demo server of their own, its resident memory."""
import http.client
import os
import socket
import subprocess
import sys
import time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_kib(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def start(binary, work_dir):
    """A demo server on a fresh database in `work_dir` (SQLite, or DATABASE_URL's empty PostgreSQL), built in
    release mode first if `binary` is missing; returns (process, port, environment) once it answers."""
    if not os.path.exists(binary):
        subprocess.run(["swift", "build", "-c", "release", "--product", "fuyuan"], check=True)
    port = free_port()
    env = dict(os.environ, FUYUAN_DATA_DIR=os.path.join(work_dir, "data"), FUYUAN_PORT=str(port),
               FUYUAN_BCRYPT_COST="4")
    process = subprocess.Popen([binary, "serve", "--demo"], env=env,
                               stdout=open(os.path.join(work_dir, "server.log"), "w"), stderr=subprocess.STDOUT)
    for _ in range(600):
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            connection.request("GET", "/health/ready")
            if connection.getresponse().status == 200:
                return process, port, env
        except OSError:
            time.sleep(0.1)
    process.terminate()
    sys.exit(f"the server did not become ready; see {work_dir}/server.log")
