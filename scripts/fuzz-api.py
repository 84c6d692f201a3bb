#!/usr/bin/env python3
"""Fuzzes /api/v1 against its own OpenAPI document with schemathesis: once per role and once signed out.

Starts a demo server of its own (SQLite, a temporary data directory, loopback only), gives each business role a
Bearer token issued by the system administrator (the way another system calls the API) and each administrator a
session cookie (administrators get no tokens), then runs schemathesis for each. A run fails on any 5xx, any status
or header the document does not list, any answer that breaks its schema, any request the document calls invalid
that is accepted, a method the path does not have that is not refused with 405, and any signed-in operation that
answers without valid credentials. "A schema-valid request was refused" is not checked: the document describes
shapes, and a well-shaped request may still break a rule (a date range backwards, a unit of another region); those
answers are 422 and are documented.

    python3 scripts/fuzz-api.py [--binary .build/debug/fuyuan] [--examples 15] [--seed 1]
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar

import demoserver

TOKEN_ROLES = ["henan.office", "lushan.office", "lushan.zrzy", "lushan.court", "lushan.leader"]
SESSION_ROLES = ["sysadmin", "secadmin", "auditor"]
CHECKS_LEFT_OUT = ["positive_data_acceptance"]


class Client:
    """A signed-in browser-like client: the session cookie and its CSRF token."""

    def __init__(self, base, username):
        self.base = base
        self.jar = CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        me = self.json("POST", "/api/v1/auth/login", {"username": username, "password": demoserver.PASSWORD})
        self.csrf = me["csrfToken"]

    @property
    def session(self):
        return next(c.value for c in self.jar if c.name == "fuyuan_session")

    def json(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.base + path, data=data, method=method)
        request.add_header("Content-Type", "application/json")
        if getattr(self, "csrf", None):
            request.add_header("X-CSRF-Token", self.csrf)
        with self.opener.open(request) as response:
            return json.loads(response.read())

    def issue_token(self, user_id, name):
        form = urllib.parse.urlencode({"name": name, "userID": user_id}).encode()
        request = urllib.request.Request(self.base + "/admin/tokens", data=form, method="POST")
        request.add_header("Content-Type", "application/x-www-form-urlencoded")
        request.add_header("X-CSRF-Token", self.csrf)
        with self.opener.open(request) as response:
            return re.search(r"fy_[A-Za-z0-9_\-]+", response.read().decode()).group(0)


def schemathesis(base, name, headers, extra_checks_left_out, args, log_dir, config):
    command = [
        sys.executable, "-m", "schemathesis.cli", "--config-file", config, "run", base + "/api/v1/openapi.json", "--url", base,
        "--exclude-checks", ",".join(CHECKS_LEFT_OUT + extra_checks_left_out),
        "--max-examples", str(args.examples), "--seed", str(args.seed), "--generation-deterministic",
        "--request-timeout", "20", "--no-color",
        # Signing out would end the session the rest of the run uses.
        "--exclude-operation-id", "logout",
    ]
    for header in headers:
        command += ["-H", header]
    started = time.time()
    log = os.path.join(log_dir, f"{name}.log")
    with open(log, "w") as out:
        code = subprocess.run(command, stdout=out, stderr=subprocess.STDOUT).returncode
    summary = open(log).read().strip().splitlines()[-1] if os.path.getsize(log) else ""
    print(f"{name:16} {'ok' if code == 0 else 'FAILED'}  {time.time() - started:5.1f} s  {summary.strip('= ')}")
    if code != 0:
        print(open(log).read())
    return code == 0


def write_config(client, work):
    """Points path parameters at real objects of 鲁山县 (an item, a unit, a case), so that requests get past the
    lookup and reach the handlers' own checks instead of stopping at 404."""
    office = Client(client.base, "lushan.office")
    item = office.json("GET", "/api/v1/regions/410423/items")["items"][0]["id"]
    unit = office.json("GET", "/api/v1/regions/410423/units")[0]["id"]
    case = Client(client.base, "lushan.court").json("GET", "/api/v1/litigation/cases?region=410423")["cases"][0]["id"]
    by_operation = {
        item: ["getItem", "issueItem", "stepItem", "reportItem", "handDownItem", "rollUpItem"],
        unit: ["getUnit", "updateUnit"],
        case: ["getCase"],
    }
    lines = ['[parameters]', 'code = "410423"', '']
    for value, operations in by_operation.items():
        lines += ["[[operations]]", f"include-operation-id = {json.dumps(operations)}", f'parameters = {{ id = "{value}" }}', ""]
    path = os.path.join(work, "schemathesis.toml")
    open(path, "w").write("\n".join(lines))
    return path


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/debug/fuyuan")
    parser.add_argument("--examples", type=int, default=15)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="fuyuan-fuzz.")
    server, base, _ = demoserver.start(args.binary, work)
    try:
        admin = Client(base, "sysadmin")
        users = {u["username"]: u["id"] for u in admin.json("GET", "/api/v1/users")}
        runs = [(name, [f"Authorization: Bearer {admin.issue_token(users[name], 'fuzz ' + name)}"], [])
                for name in TOKEN_ROLES]
        for name in SESSION_ROLES:
            client = Client(base, name)
            # The cookie is a plain header to schemathesis, which cannot take it away to try a request without
            # credentials; the signed-out run below covers that.
            runs.append((name, [f"Cookie: fuyuan_session={client.session}", f"X-CSRF-Token: {client.csrf}"],
                         ["ignored_auth"]))
        runs.append(("signed out", [], []))
        config = write_config(admin, work)
        results = [schemathesis(base, name, headers, left_out, args, work, config) for name, headers, left_out in runs]
        server_errors = [line for line in open(os.path.join(work, "server.log")) if "[ ERROR ]" in line]
        if server_errors:
            print("server logged errors:\n" + "".join(server_errors[:20]))
        if not all(results) or server_errors:
            sys.exit(f"failed; the server's log is {work}/server.log")
        print(f"fuzzed {len(runs)} callers, no failures")
        shutil.rmtree(work)
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
