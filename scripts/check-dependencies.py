#!/usr/bin/env python3
"""Fails unless every resolved Swift package is in docs/dependencies.md at its reviewed version and none is at a
version listed there under known advisories (DJ-IP-03). Reads Package.resolved, which the build writes."""
import json
import pathlib
import re
import sys

root = pathlib.Path(__file__).resolve().parent.parent
resolved = {pin["identity"]: pin["state"].get("version") or pin["state"].get("revision")
            for pin in json.loads((root / "Package.resolved").read_text())["pins"]}
document = (root / "docs" / "dependencies.md").read_text()
reviewed_part, _, advisories_part = document.partition("## Known advisories")
row = re.compile(r"^\| ([\w.-]+) \| ([^|]+?) \| ([^|]*?) \|$", re.MULTILINE)
reviewed = {name: version for name, version, _ in row.findall(reviewed_part) if name != "package"}
affected = {(name, version.strip()): advisory for name, versions, advisory in row.findall(advisories_part)
            if name != "package" for version in versions.split(",")}

problems = []
for name, version in sorted(resolved.items()):
    if name not in reviewed:
        problems.append(f"{name} {version}: not reviewed (add it to docs/dependencies.md after reading it)")
    elif reviewed[name] != version:
        problems.append(f"{name} {version}: the reviewed version is {reviewed[name]}")
    if (name, version) in affected:
        problems.append(f"{name} {version}: known advisory {affected[(name, version)]}")
problems += [f"{name}: reviewed but no longer used (remove its row)" for name in sorted(set(reviewed) - set(resolved))]
if problems:
    sys.exit("Dependencies not as reviewed:\n  " + "\n  ".join(problems))
print(f"{len(resolved)} packages, each at its reviewed version, none with a known advisory")
