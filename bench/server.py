"""What the benchmark scripts share: a free loopback port, a demo server of their own, its resident memory."""
import glob
import http.client
import json
import os
import shutil
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


def sign_in(port, username, password="Fuyuan@2026"):
    """The session cookie and CSRF token of `username`, through the API's sign-in."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("POST", "/api/v1/auth/login", json.dumps({"username": username, "password": password}),
                       {"Content-Type": "application/json"})
    response = connection.getresponse()
    body = response.read()
    if response.status != 200:
        sys.exit(f"sign-in of {username} failed: {response.status} {body[:200]!r}")
    return response.getheader("Set-Cookie").split(";")[0], json.loads(body)["csrfToken"]


def private_postgres(work_dir):
    """An empty PostgreSQL of our own under `work_dir` (Debian's package, started as the postgres user);
    returns (DATABASE_URL, stop)."""
    pg_bin = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]))[-1]
    directory = os.path.join(work_dir, "pg")
    os.makedirs(directory)
    shutil.chown(work_dir, "postgres")
    shutil.chown(directory, "postgres")
    port = free_port()

    def as_postgres(*command):
        subprocess.run(["runuser", "-u", "postgres", "--", *command], check=True, stdout=subprocess.DEVNULL)

    as_postgres(f"{pg_bin}/initdb", "-D", directory, "-A", "trust", "-U", "postgres", "-E", "UTF8")
    as_postgres(f"{pg_bin}/pg_ctl", "-D", directory, "-l", os.path.join(work_dir, "pg.log"), "-w", "-o",
                f"-p {port} -k {work_dir} -c listen_addresses=127.0.0.1 -c max_connections=200 "
                "-c shared_buffers=256MB", "start")
    as_postgres(f"{pg_bin}/createdb", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "fuyuan")
    return (f"postgres://postgres@127.0.0.1:{port}/fuyuan",
            lambda: as_postgres(f"{pg_bin}/pg_ctl", "-D", directory, "-m", "fast", "stop"))
