#!/usr/bin/env python3
"""hpascope against kubectl on the real control plane (issue #14's benchmarks 2, 3 and 5).

Run by tests/bench/cluster/run inside the sandbox's network namespace; prints one Markdown table
and writes it to --out. Figures are CPU seconds (wait4 / /proc/PID/stat) and RSS, medians of
--runs runs, with kubectl's figure from the same run and the ratio. Nothing here fails for being
slow: a missed goal is a figure, not an error.
"""
import argparse
import http.client
import json
import os
import random
import re
import select
import ssl
import statistics
import subprocess
import sys
import tempfile
import threading
import time

API_HOST, API_PORT = "10.77.0.10", 6443
ADAPTER = "/api/v1/namespaces/custom-metrics/services/custom-metrics-apiserver:http/proxy"
CLK_TCK = os.sysconf("SC_CLK_TCK")


def log(*args):
    print(time.strftime("[%H:%M:%S]"), *args, file=sys.stderr, flush=True)


def now_ms():
    return time.time() * 1000.0


class Api:
    """One keep-alive HTTPS connection to the API server as the sandbox's admin, per thread."""

    def __init__(self, pki):
        self.ctx = ssl.create_default_context(cafile=os.path.join(pki, "ca.crt"))
        self.ctx.load_cert_chain(os.path.join(pki, "admin.crt"), os.path.join(pki, "admin.key"))
        self.local = threading.local()

    def conn(self):
        c = getattr(self.local, "c", None)
        if c is None:
            c = http.client.HTTPSConnection(API_HOST, API_PORT, context=self.ctx, timeout=60)
            self.local.c = c
        return c

    def req(self, method, path, body=None, ctype="application/json", accept="application/json"):
        data = None if body is None else (body if isinstance(body, (bytes, str)) else json.dumps(body))
        for attempt in range(3):
            try:
                c = self.conn()
                c.request(method, path, body=data, headers={"Content-Type": ctype, "Accept": accept})
                r = c.getresponse()
                raw = r.read()
                try:
                    doc = json.loads(raw) if raw else None
                except ValueError:
                    doc = None
                return r.status, doc
            except (http.client.HTTPException, OSError):
                self.local.c = None
                if attempt == 2:
                    raise
        raise RuntimeError("unreachable")


def parallel(items, fn, threads=8):
    items = list(items)
    errors = []

    def worker(chunk):
        for it in chunk:
            try:
                fn(it)
            except Exception as e:  # collected, reported once
                errors.append(f"{it}: {e}")

    ts = [threading.Thread(target=worker, args=(items[i::threads],)) for i in range(threads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    if errors:
        raise RuntimeError(f"{len(errors)} failures, first: {errors[0]}")


def layout(total, small):
    """HPA index -> namespace: the first `small` in bench-00 (the "100 HPAs" case), the rest
    round-robin over bench-01 .. bench-19 (20 namespaces in all)."""
    return [("bench-00" if i < small else f"bench-{1 + (i - small) % 19:02d}", f"h-{i:04d}") for i in range(total)]


def create_fleet(api, total, small):
    hpas = layout(total, small)
    namespaces = sorted({ns for ns, _ in hpas})
    log(f"creating {total} Deployments and HPAs in {len(namespaces)} namespaces")

    def mk_ns(ns):
        st, _ = api.req("POST", "/api/v1/namespaces", {"metadata": {"name": ns}})
        assert st in (201, 409), f"namespace {ns}: {st}"
        st, _ = api.req("POST", f"/api/v1/namespaces/{ns}/services",
                        {"metadata": {"name": "load"}, "spec": {"ports": [{"port": 80}]}})
        assert st in (201, 409), f"service {ns}/load: {st}"

    parallel(namespaces, mk_ns)

    def mk(item):
        ns, name = item
        labels = {"app": name}
        dep = {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": name, "labels": labels},
               "spec": {"replicas": 1, "selector": {"matchLabels": labels},
                        "template": {"metadata": {"labels": labels},
                                     "spec": {"containers": [{"name": "app", "image": "nginx:1.27",
                                                              "resources": {"requests": {"cpu": "50m"}}}]}}}}
        st, _ = api.req("POST", f"/apis/apps/v1/namespaces/{ns}/deployments", dep)
        assert st in (201, 409), f"deployment {ns}/{name}: {st}"
        # The metric sits at its target: every HPA is stable, so the controller writes no status
        # and no events of its own; the churn below is the only traffic.
        st, _ = api.req("POST", f"{ADAPTER}/write-metrics/namespaces/{ns}/services/load/m-{name}", '"100"',
                        accept="*/*")
        assert st == 200, f"metric m-{name}: {st}"
        hpa = {"apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler", "metadata": {"name": name},
               "spec": {"scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": name},
                        "minReplicas": 1, "maxReplicas": 3,
                        "metrics": [{"type": "Object", "object": {
                            "describedObject": {"apiVersion": "v1", "kind": "Service", "name": "load"},
                            "metric": {"name": f"m-{name}"}, "target": {"type": "Value", "value": "100"}}}]}}
        st, _ = api.req("POST", f"/apis/autoscaling/v2/namespaces/{ns}/horizontalpodautoscalers", hpa)
        assert st in (201, 409), f"hpa {ns}/{name}: {st}"

    t0 = time.time()
    parallel(hpas, mk)
    log(f"created in {time.time() - t0:.1f} s; waiting for the controller to sync every HPA")
    deadline = time.time() + 600
    while time.time() < deadline:
        _, doc = api.req("GET", "/apis/autoscaling/v2/horizontalpodautoscalers")
        synced = sum(1 for h in doc["items"] if any(c.get("type") == "ScalingActive" and c.get("status") == "True"
                                                    for c in h.get("status", {}).get("conditions", [])))
        if synced >= total:
            break
        time.sleep(2)
    log(f"{synced}/{total} HPAs ScalingActive")
    return hpas


def proc_cpu(pid):
    """utime + stime of a live process, seconds."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def proc_rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def run_child(cmd, env=None):
    """Runs to completion: (wall s, cpu s, stdout bytes)."""
    t0 = time.time()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    out = p.stdout.read()
    _, status, ru = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        raise RuntimeError(f"{cmd[0]} exited {p.returncode}")
    return time.time() - t0, ru.ru_utime + ru.ru_stime, out


class Gui:
    """hpascope's window, offscreen, with the hpascope.watch log read as it comes."""

    def __init__(self, hpascope, kubeconfig, home, args, stalls=False):
        # The stall watch wakes the GUI thread every 4 ms: only the start runs, which report
        # stalls, pay for it; idle and churn figures are of the window as a user runs it.
        rules = "hpascope.watch.debug=true" + (";hpascope.stall.debug=true" if stalls else "")
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=home, XDG_CONFIG_HOME=f"{home}/.config",
                   XDG_DATA_HOME=f"{home}/.local/share", XDG_CACHE_HOME=f"{home}/.cache",
                   QT_LOGGING_RULES=rules)
        self.started = now_ms()
        self.p = subprocess.Popen([hpascope, "--kubeconfig", kubeconfig] + args, env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.listed = []   # (count, ms)
        self.applied = {}  # "ns/name rv" -> ms
        self.stalls = []   # (longest GUI stall so far in ms, epoch ms when it ended), app/core/stall_watch.h
        self.lock = threading.Lock()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        listed = re.compile(rb"hpascope\.watch: listed (\d+) hpas at (\d+)")
        applied = re.compile(rb"hpascope\.watch: applied \w+ (\S+) rv=(\S+) at (\d+)")
        stall = re.compile(rb"hpascope\.stall: new longest (\d+) ms \(busy (\d+) ms\) at (\d+)")
        for line in self.p.stderr:
            m = stall.search(line)
            if m:
                with self.lock:
                    self.stalls.append((int(m.group(1)), int(m.group(2)), int(m.group(3))))
                continue
            m = applied.search(line)
            if m:
                with self.lock:
                    self.applied[(m.group(1).decode(), m.group(2).decode())] = int(m.group(3))
                continue
            m = listed.search(line)
            if m:
                with self.lock:
                    self.listed.append((int(m.group(1)), int(m.group(2))))

    def wait_listed(self, count, timeout=120):
        deadline = time.time() + timeout
        while time.time() < deadline:
            with self.lock:
                hit = [t for n, t in self.listed if n >= count]
            if hit:
                return hit[0] - self.started
            if self.p.poll() is not None:
                raise RuntimeError(f"hpascope exited {self.p.returncode}")
            time.sleep(0.02)
        raise RuntimeError(f"hpascope did not list {count} HPAs in {timeout} s")

    def longest_stall(self, until_ms):
        """The GUI thread's longest stall from the process start until until_ms (epoch ms), and the
        thread's own CPU time in it ("busy": the rest was the scheduler's)."""
        with self.lock:
            return max([(ms, busy) for ms, busy, at in self.stalls if at <= until_ms], default=(0, 0))

    def stop(self):
        self.p.terminate()
        try:
            self.p.wait(10)
        except subprocess.TimeoutExpired:
            self.p.kill()
            self.p.wait()


class KubectlWatch:
    """`kubectl get hpa -A -w -o json`, each object timestamped when its last byte arrives."""

    def __init__(self, kubectl):
        self.p = subprocess.Popen([kubectl, "get", "hpa", "-A", "-w", "-o", "json"], stdout=subprocess.PIPE,
                                  stderr=subprocess.DEVNULL)
        self.seen = {}  # (ns/name, rv) -> ms
        self.count = 0
        self.lock = threading.Lock()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        dec = json.JSONDecoder()
        buf = ""
        fd = self.p.stdout.fileno()
        while True:
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                return
            t = now_ms()
            buf += chunk.decode()
            while True:
                buf = buf.lstrip()
                if not buf:
                    break
                try:
                    obj, end = dec.raw_decode(buf)
                except ValueError:
                    break
                buf = buf[end:]
                md = obj.get("metadata", {})
                with self.lock:
                    self.seen[(f"{md.get('namespace')}/{md.get('name')}", md.get("resourceVersion"))] = t
                    self.count += 1

    def longest_stall(self, until_ms):
        """The GUI thread's longest stall from the process start until until_ms (epoch ms), and the
        thread's own CPU time in it ("busy": the rest was the scheduler's)."""
        with self.lock:
            return max([(ms, busy) for ms, busy, at in self.stalls if at <= until_ms], default=(0, 0))

    def stop(self):
        self.p.terminate()
        self.p.wait()


def median(xs):
    return statistics.median(xs) if xs else float("nan")


def pct(xs, q):
    if not xs:
        return float("nan")
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(q / 100.0 * (len(xs) - 1))))]


def churn(api, hpas, n, threads=4, rate=None):
    """n annotation PATCHes over random HPAs (a burst, or `rate` per second): {(key, rv): send ms}."""
    sent = {}
    lock = threading.Lock()
    seq = iter(range(n))
    start = time.time()

    def worker():
        while True:
            with lock:
                i = next(seq, None)
            if i is None:
                return
            if rate:
                delay = start + i / rate - time.time()
                if delay > 0:
                    time.sleep(delay)
            ns, name = random.choice(hpas)
            t = now_ms()
            st, doc = api.req("PATCH", f"/apis/autoscaling/v2/namespaces/{ns}/horizontalpodautoscalers/{name}",
                              {"metadata": {"annotations": {"bench.hpascope.io/seq": str(i)}}},
                              ctype="application/merge-patch+json")
            if st == 200:
                with lock:
                    sent[(f"{ns}/{name}", doc["metadata"]["resourceVersion"])] = t

    ts = [threading.Thread(target=worker) for _ in range(1 if rate else threads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return sent


def latencies(sent, seen, lock):
    with lock:
        return [seen[k] - t for k, t in sent.items() if k in seen]


def wait_seen(sent, seen, lock, timeout=120):
    deadline = time.time() + timeout
    while time.time() < deadline:
        with lock:
            missing = sum(1 for k in sent if k not in seen)
        if missing == 0:
            return 0
        time.sleep(0.05)
    return missing


def db_bytes(home):
    total = 0
    for root, _, files in os.walk(home):
        for f in files:
            if re.search(r"\.(sqlite|db)(-wal|-shm)?$", f):
                total += os.path.getsize(os.path.join(root, f))
    return total


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--hpascope", required=True)
    ap.add_argument("--kubectl", required=True)
    ap.add_argument("--kubeconfig", required=True)
    ap.add_argument("--pki", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--hpas", type=int, default=1000)
    ap.add_argument("--small", type=int, default=100)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--burst", type=int, default=2000)
    ap.add_argument("--idle-seconds", type=int, default=60)
    ap.add_argument("--stability-seconds", type=int, default=600)
    ap.add_argument("--extra", action="append", default=[], help="Markdown rows from the in-process benchmarks")
    a = ap.parse_args()

    api = Api(a.pki)
    hpas = create_fleet(api, a.hpas, a.small)
    rows = []  # (benchmark, hpascope, kubectl, ratio, goal)

    # --- 2. scale: snapshot vs kubectl get -------------------------------------------------
    snap, kget = [], []
    for _ in range(a.runs):
        snap.append(run_child([a.hpascope, "snapshot", "--json", "-A", "--kubeconfig", a.kubeconfig])[:2])
        kget.append(run_child([a.kubectl, "get", "hpa", "-A", "-o", "json"])[:2])
    sw, sc = median([w for w, _ in snap]), median([c for _, c in snap])
    kw, kc = median([w for w, _ in kget]), median([c for _, c in kget])
    rows.append((f"`snapshot --json -A` vs `kubectl get hpa -A -o json`, {a.hpas} HPAs: CPU s", f"{sc:.3f}", f"{kc:.3f}",
                 f"{sc / kc:.2f}×", "≤ kubectl"))
    rows.append(("same, wall s", f"{sw:.3f}", f"{kw:.3f}", f"{sw / kw:.2f}×", ""))
    log(f"snapshot {sc:.3f} CPU-s vs kubectl {kc:.3f}")

    # --- GUI start -> 1000 rows, cold then warm (history from the earlier runs) ------------------
    home = tempfile.mkdtemp(prefix="hpascope-bench-home-")
    starts, stalls = [], []
    for i in range(a.runs):
        g = Gui(a.hpascope, a.kubeconfig, home, ["-A"], stalls=True)
        starts.append(g.wait_listed(a.hpas))
        # The connect: the list, the rows, the recorded history loaded and applied.
        time.sleep(3)
        stalls.append(g.longest_stall(g.started + starts[-1] + 3000))
        time.sleep(3)  # let the recorder write what it saw: the next start is warm
        g.stop()
    log(f"start -> {a.hpas} rows: {starts}; longest GUI stalls: {stalls}")
    rows.append((f"GUI start → {a.hpas} rows, cold (no history), ms", f"{starts[0]:.0f}", "", "", "≤ 1000 after the list"))
    if len(starts) > 1:
        rows.append((f"GUI start → {a.hpas} rows, warm (history recorded), median ms", f"{median(starts[1:]):.0f}", "", "", ""))
    stall_text = lambda s: f"{s[0]} (busy {s[1]})"
    rows.append((f"longest GUI-thread stall from start to 3 s after {a.hpas} rows, cold, ms", stall_text(stalls[0]), "", "", "< 16"))
    for i, s in enumerate(stalls[1:]):
        rows.append((f"same, warm (history recorded), run {i + 2}, ms", stall_text(s), "", "", "< 16"))

    # --- idle and RSS with 1000 HPAs (this GUI stays up for the churn) -----------------------------
    g = Gui(a.hpascope, a.kubeconfig, home, ["-A"])
    g.wait_listed(a.hpas)
    time.sleep(5)
    c0 = proc_cpu(g.p.pid)
    time.sleep(a.idle_seconds)
    idle1000 = (proc_cpu(g.p.pid) - c0) / a.idle_seconds * 100
    rss1000 = proc_rss_mib(g.p.pid)
    rows.append((f"GUI idle CPU, {a.hpas} HPAs, {a.idle_seconds} s, % of a core", f"{idle1000:.2f}", "", "", ""))
    rows.append((f"GUI RSS after {a.idle_seconds + 5} s, {a.hpas} HPAs, MiB", f"{rss1000:.1f}", "", "", "≤ 150"))

    # --- 3. churn: a burst of updates, hpascope and kubectl -w watching the same server -------------
    kw_ = KubectlWatch(a.kubectl)
    deadline = time.time() + 60
    while kw_.count < a.hpas and time.time() < deadline:
        time.sleep(0.05)
    time.sleep(2)
    g0, k0 = proc_cpu(g.p.pid), proc_cpu(kw_.p.pid)
    t0 = time.time()
    sent = churn(api, hpas, a.burst)
    miss_g = wait_seen(sent, g.applied, g.lock)
    miss_k = wait_seen(sent, kw_.seen, kw_.lock)
    time.sleep(1)
    g1, k1 = proc_cpu(g.p.pid), proc_cpu(kw_.p.pid)
    burst_s = time.time() - t0
    lg, lk = latencies(sent, g.applied, g.lock), latencies(sent, kw_.seen, kw_.lock)
    per_g = (g1 - g0) / len(sent) * 1000
    per_k = (k1 - k0) / len(sent) * 1000
    rows.append((f"burst of {len(sent)} updates ({burst_s:.1f} s): CPU s per 1000 events", f"{per_g:.3f}", f"{per_k:.3f}",
                 f"{per_g / per_k:.2f}×", "≤ ½ kubectl"))
    rows.append(("write → arrival p50 ms", f"{pct(lg, 50):.1f}", f"{pct(lk, 50):.1f}", f"{pct(lg, 50) / max(pct(lk, 50), 0.1):.2f}×", "≤ kubectl"))
    rows.append(("write → arrival p95 ms", f"{pct(lg, 95):.1f}", f"{pct(lk, 95):.1f}", f"{pct(lg, 95) / max(pct(lk, 95), 0.1):.2f}×", "≤ kubectl"))
    if miss_g or miss_k:
        rows.append(("updates never seen (hpascope / kubectl)", str(miss_g), str(miss_k), "", "0"))
    kw_.stop()
    log(f"burst: hpascope {per_g:.3f} vs kubectl {per_k:.3f} CPU-s/1000; p50 {pct(lg, 50):.1f} / {pct(lk, 50):.1f} ms")

    # --- 5. memory stability: 1 update/s for a while ---------------------------------------------
    if a.stability_seconds > 0:
        r0, d0 = proc_rss_mib(g.p.pid), db_bytes(home)
        c0 = proc_cpu(g.p.pid)
        churn(api, hpas, a.stability_seconds, rate=1.0)
        r1, d1 = proc_rss_mib(g.p.pid), db_bytes(home)
        steady = (proc_cpu(g.p.pid) - c0) / a.stability_seconds * 100
        hours = a.stability_seconds / 3600.0
        rows.append((f"RSS under 1 update/s for {a.stability_seconds} s, start → end MiB", f"{r0:.1f} → {r1:.1f} ({(r1 - r0) / r0 * 100:+.1f} %)",
                     "", "", "flat within 5 %"))
        rows.append(("CPU at 1 update/s, % of a core", f"{steady:.2f}", "", "", ""))
        rows.append(("recorder database growth, bytes per HPA-hour", f"{(d1 - d0) / (a.hpas * hours):.0f}", "", "", ""))
    g.stop()

    # --- idle with 100 HPAs ---------------------------------------------------------------------
    g = Gui(a.hpascope, a.kubeconfig, home, ["-n", "bench-00"])
    g.wait_listed(a.small)
    time.sleep(5)
    c0 = proc_cpu(g.p.pid)
    time.sleep(a.idle_seconds)
    idle100 = (proc_cpu(g.p.pid) - c0) / a.idle_seconds * 100
    rows.append((f"GUI idle CPU, {a.small} HPAs, {a.idle_seconds} s, % of a core", f"{idle100:.2f}", "", "", "≤ 1"))
    rows.append((f"GUI RSS, {a.small} HPAs, MiB", f"{proc_rss_mib(g.p.pid):.1f}", "", "", ""))
    g.stop()

    lines = ["| benchmark | hpascope | kubectl | ratio | goal |", "|---|---|---|---|---|"]
    lines += [f"| {b} | {h} | {k} | {r} | {goal} |" for b, h, k, r, goal in rows]
    lines += a.extra
    table = "\n".join(lines)
    print(table)
    with open(a.out, "w") as f:
        f.write(table + "\n")


if __name__ == "__main__":
    main()
