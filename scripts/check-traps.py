#!/usr/bin/env python3
"""Fails on any way for input to stop the server that is not on the allowlist.

Looks through Sources/ for force unwraps (`x!`), `try!`, `as!`, `fatalError`, `precondition` and `preconditionFailure`
outside comments and string literals (but inside string interpolations). Each one allowed is listed in
scripts/traps.allow as `path | the line's code | why no input can reach it`; a new one, or one whose code changed,
fails the check with its place. Run by scripts/test after the format check.
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
ALLOW = ROOT / "scripts" / "traps.allow"
TRAP = re.compile(r"(?:[A-Za-z0-9_\)\]\?>])!(?![=])|\btry!|\bas!|\bfatalError\s*\(|\bprecondition(?:Failure)?\s*\(")


def code_only(text: str) -> str:
    """The text with comments and the literal parts of strings blanked out, keeping line breaks and the code of
    string interpolations."""
    out = []
    i = 0
    n = len(text)
    # A stack of what we are inside: 'code' (with a paren depth for interpolations) or string delimiters.
    stack = [("code", 0)]
    while i < n:
        kind, info = stack[-1]
        c = text[i]
        if kind == "code":
            if text.startswith("//", i):
                j = text.find("\n", i)
                j = n if j < 0 else j
                out.append(" " * (j - i))
                i = j
            elif text.startswith("/*", i):
                depth = 0
                j = i
                while j < n:
                    if text.startswith("/*", j):
                        depth += 1
                        j += 2
                    elif text.startswith("*/", j):
                        depth -= 1
                        j += 2
                        if depth == 0:
                            break
                    else:
                        j += 1
                out.append("".join("\n" if ch == "\n" else " " for ch in text[i:j]))
                i = j
            elif c == "#" or c == '"':
                m = re.match(r'(#*)("""|")', text[i:])
                if m and (c == '"' or m.group(1)):
                    hashes, quote = m.group(1), m.group(2)
                    out.append(" " * len(m.group(0)))
                    i += len(m.group(0))
                    stack.append(("string", (hashes, quote)))
                else:
                    out.append(c)
                    i += 1
            elif c == "(" and info is not None:
                stack[-1] = ("code", info + 1)
                out.append(c)
                i += 1
            elif c == ")" and len(stack) > 1 and info == 0:
                stack.pop()
                out.append(" ")
                i += 1
            elif c == ")":
                stack[-1] = ("code", info - 1)
                out.append(c)
                i += 1
            else:
                out.append(c)
                i += 1
        else:
            hashes, quote = info
            close = quote + hashes
            if text.startswith(close, i):
                stack.pop()
                out.append(" " * len(close))
                i += len(close)
            elif text.startswith("\\" + hashes + "(", i):
                length = len(hashes) + 2
                out.append(" " * length)
                i += length
                stack.append(("code", 0))
            elif text.startswith("\\" + hashes, i) and not hashes:
                out.append("  " if text[i + 1 : i + 2] != "\n" else " \n")
                i += 2
            else:
                out.append("\n" if c == "\n" else " ")
                i += 1
    return "".join(out)


def found():
    for path in sorted((ROOT / "Sources").rglob("*.swift")):
        text = path.read_text(encoding="utf-8")
        lines = text.split("\n")
        for number, line in enumerate(code_only(text).split("\n"), start=1):
            if TRAP.search(line):
                yield path.relative_to(ROOT).as_posix(), number, lines[number - 1].strip()


def allowed():
    entries = {}
    for number, line in enumerate(ALLOW.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = [part.strip() for part in line.split(" | ")]
        if len(parts) != 3 or not parts[2]:
            sys.exit(f"{ALLOW.name}:{number}: write `path | code | reason`")
        entries[(parts[0], parts[1])] = parts[2]
    return entries


def main():
    allow = allowed()
    used = set()
    unlisted = []
    for path, number, code in found():
        if (path, code) in allow:
            used.add((path, code))
        else:
            unlisted.append(f"{path}:{number}: {code}")
    stale = [f"{path} | {code}" for (path, code) in allow if (path, code) not in used]
    for line in unlisted:
        print(f"not allowed: {line}")
    for line in stale:
        print(f"allowed but no longer there (remove it from {ALLOW.name}): {line}")
    if unlisted or stale:
        print(f"{len(unlisted)} trap(s) outside the allowlist, {len(stale)} stale entr(y/ies)")
        sys.exit(1)
    print(f"no trap outside the allowlist ({len(used)} allowed, each with its reason)")


if __name__ == "__main__":
    main()
