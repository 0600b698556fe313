#!/usr/bin/env python3
"""No secret in any output (issue #15): after the e2e tier, every file the tests left behind
(logs, reports, screenshots, history databases, settings) is searched for the credentials of
the kubeconfig they used: the client key (its PEM body lines and the base64 field itself),
bearer tokens and passwords. Binary files are searched too (a PNG or SQLite page would hold
the bytes as they are). Prints what it scanned; exits 1 naming every file with a hit.

    scan_secrets.py --kubeconfig FILE ROOT...
"""
import argparse
import base64
import os
import sys

MIN_FRAGMENT = 40  # long enough that a hit is no coincidence
MAX_FILE = 64 << 20


def load_yaml_values(path):
    # The sandbox's kubeconfig is flat "key: value" YAML; no PyYAML needed for the fields here.
    values = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip().lstrip("- ")
            if ":" not in line:
                continue
            key, _, value = line.partition(":")
            values.append((key.strip(), value.strip().strip('"').strip("'")))
    return values


def fragments(kubeconfig):
    out = set()
    for key, value in load_yaml_values(kubeconfig):
        if not value:
            continue
        if key == "client-key-data":
            out.add(value[:64])
            pem = base64.b64decode(value).decode("ascii", "replace")
            for line in pem.splitlines():
                if len(line) >= MIN_FRAGMENT and not line.startswith("-----"):
                    out.add(line)
        elif key == "client-key" and os.path.exists(value):
            with open(value, encoding="ascii", errors="replace") as f:
                for line in f:
                    line = line.strip()
                    if len(line) >= MIN_FRAGMENT and not line.startswith("-----"):
                        out.add(line)
        elif key in ("token", "password") and len(value) >= 8:
            out.add(value)
    return sorted(out)


def is_elf(path):
    with open(path, "rb") as f:
        return f.read(4) == b"\x7fELF"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kubeconfig", required=True)
    ap.add_argument("roots", nargs="+")
    a = ap.parse_args()
    needles = [n.encode() for n in fragments(a.kubeconfig)]
    if not needles:
        print("scan_secrets: the kubeconfig holds no key, token or password to look for", file=sys.stderr)
        return 1
    files = size = 0
    hits = []
    for root in a.roots:
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = [d for d in dirnames if d != "CMakeFiles" and not d.endswith("_autogen")]
            for name in filenames:
                path = os.path.join(dirpath, name)
                try:
                    if not os.path.isfile(path) or os.path.getsize(path) > MAX_FILE or is_elf(path):
                        continue
                    with open(path, "rb") as f:
                        data = f.read()
                except OSError:
                    continue
                files += 1
                size += len(data)
                if any(n in data for n in needles):
                    hits.append(path)
    print(f"scan_secrets: {files} files ({size / 1e6:.1f} MB) under {', '.join(a.roots)} searched for "
          f"{len(needles)} credential fragments: {len(hits)} with a hit")
    for h in hits:
        print(f"scan_secrets: a credential of {a.kubeconfig} is in {h}", file=sys.stderr)
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main())
