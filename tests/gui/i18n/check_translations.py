#!/usr/bin/env python3
"""Fails when a tr() text of the sources has no finished translation.

lupdate reads today's sources (app/, widgets/) into a scratch copy of each .ts, exactly as
`cmake --build --preset dev --target update_translations` would; then every message must be
finished (not type="unfinished" / "vanished", not empty), carry the same %1..%9 and %n
placeholders as its source, and a numerus message must have its forms. The committed .ts must
also be up to date: a text that lupdate would add or drop is named, with the command to run.
"""
import argparse
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

PLACEHOLDER = re.compile(r"%(?:[1-9]|n)")


def sources(root):
    out = []
    for top in ("app", "widgets"):
        for ext in ("cpp", "h"):
            out += glob.glob(os.path.join(root, top, "**", "*." + ext), recursive=True)
    return sorted(out)


def messages(path):
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for m in context.iter("message"):
            yield name, m


def check(lupdate, root, ts):
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        scratch = os.path.join(tmp, os.path.basename(ts))
        shutil.copyfile(ts, scratch)
        files = sources(root)
        listing = os.path.join(tmp, "sources.lst")
        with open(listing, "w") as f:
            f.write("\n".join(files))
        run = subprocess.run([lupdate, "-locations", "none", "-no-obsolete", "-I", root, "@" + listing,
                              "-ts", scratch], capture_output=True, text=True)
        if run.returncode != 0:
            return ["lupdate failed: " + run.stderr.strip()]
        committed = {(c, m.findtext("source")) for c, m in messages(ts)}
        for context, m in messages(scratch):
            source = m.findtext("source") or ""
            where = "%s: %r" % (context, source)
            t = m.find("translation")
            kind = t.get("type") if t is not None else "missing"
            if (context, source) not in committed:
                problems.append(where + " is new: run the update_translations target, then translate it")
                continue
            if kind in ("unfinished", "missing"):
                problems.append(where + " has no finished translation")
                continue
            forms = [f.text or "" for f in t.iter("numerusform")] if m.get("numerus") == "yes" else [t.text or ""]
            if not all(f.strip() for f in forms):
                problems.append(where + " has an empty translation")
                continue
            want = sorted(set(PLACEHOLDER.findall(source)))
            for f in forms:
                got = sorted(set(PLACEHOLDER.findall(f)))
                if got != want:
                    problems.append("%s: the translation %r has placeholders %s, the source %s" % (where, f, got, want))
        fresh = {(c, m.findtext("source")) for c, m in messages(scratch)}
        for context, source in sorted(committed - fresh):
            problems.append("%s: %r is in the .ts but no longer in the sources: run the update_translations target"
                            % (context, source))
    return problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lupdate", required=True)
    ap.add_argument("--root", required=True)
    ap.add_argument("ts", nargs="+")
    args = ap.parse_args()
    failed = False
    for ts in args.ts:
        problems = check(args.lupdate, args.root, ts)
        total = sum(1 for _ in messages(ts))
        if problems:
            failed = True
            print("%s: %d problem(s) in %d messages:" % (os.path.basename(ts), len(problems), total))
            for p in problems:
                print("  " + p)
        else:
            print("%s: %d messages, all translated" % (os.path.basename(ts), total))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
