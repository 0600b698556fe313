#!/usr/bin/env python3
"""A scripted HTTPS server for kube/http and kube/watch tests (Python 3 stdlib only).

Start: scripted_https_server.py --cert-dir DIR [--client-auth required|optional|none]
                                 [--tokens a,b] [--no-tls]
Certificates are generated into DIR with the openssl CLI when missing (nothing is committed).
Prints "PORT <n>" once listening. Then reads one JSON script per line on stdin, replaces the
routes (request counters reset) and answers "OK <seq>". Each request is reported on stdout as
"REQ <json>". Exits on stdin EOF.

Script: {"seq": 1, "routes": [route, ...]}; the first matching route answers.
route: {"method": "GET", "path": "/exact/path", "query": {"watch": "1", "continue": null, "x": "*"},
        "responses": [response, ...]}   # the n-th matching request gets responses[min(n, last)]
       query values: exact string, "*" = present, null = absent.
       "bodyContains": "text"   # optional: only requests whose body contains it
response: {"status": 200, "headers": {}, "body": "text" | "json": {...},
           "chunks": ["a", "b"] | "splitEvery": 1 | "splitAt": [byte offsets],
           "chunkDelayMs": 0, "delayMs": 0, "end": "finish" | "close" | "hang",
           "waitForFile": path}   # answer only once the test has created that file
Chunked transfer encoding is used when chunks/split/end != finish are given.
"""
import argparse
import json
import os
import select
import socket
import ssl
import subprocess
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

OUT_LOCK = threading.Lock()
STATE = {"routes": [], "counters": {}, "lock": threading.Lock(), "stopping": False}


def emit(line):
    with OUT_LOCK:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()


def run(args, cwd):
    subprocess.run(args, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def make_ca(d, name):
    run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-keyout", name + ".key", "-out", name + ".crt", "-days", "2",
         "-subj", "/CN=" + name], d)


def make_leaf(d, name, ca, subj, ext):
    with open(os.path.join(d, name + ".ext"), "w") as f:
        f.write(ext)
    run(["openssl", "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-keyout", name + ".key", "-out", name + ".csr", "-subj", subj], d)
    run(["openssl", "x509", "-req", "-in", name + ".csr", "-CA", ca + ".crt", "-CAkey", ca + ".key",
         "-CAcreateserial", "-out", name + ".crt", "-days", "2", "-extfile", name + ".ext"], d)


def ensure_certs(d):
    os.makedirs(d, exist_ok=True)
    if os.path.exists(os.path.join(d, "done")):
        return
    make_ca(d, "ca")
    make_ca(d, "other-ca")  # signs nothing the server trusts: for "wrong CA" tests
    make_leaf(d, "server", "ca", "/CN=localhost",
              "subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kube.test\n"
              "extendedKeyUsage=serverAuth\n")
    make_leaf(d, "client", "ca", "/O=system:masters/CN=test-user",
              "extendedKeyUsage=clientAuth\n")
    make_leaf(d, "stranger", "other-ca", "/CN=stranger", "extendedKeyUsage=clientAuth\n")
    open(os.path.join(d, "done"), "w").close()


def route_matches(route, method, path, query, body):
    if route.get("method", "GET") != method or route.get("path") != path:
        return False
    if route.get("bodyContains", "") not in body:
        return False
    for key, want in route.get("query", {}).items():
        have = query.get(key)
        if want is None:
            if have is not None:
                return False
        elif have is None or (want != "*" and have[0] != want):
            return False
    return True


def pick_response(method, path, query, body):
    with STATE["lock"]:
        for i, route in enumerate(STATE["routes"]):
            if route_matches(route, method, path, query, body):
                n = STATE["counters"].get(i, 0)
                STATE["counters"][i] = n + 1
                responses = route["responses"]
                return responses[min(n, len(responses) - 1)]
    return {"status": 404, "json": {"kind": "Status", "apiVersion": "v1", "status": "Failure",
                                    "reason": "NotFound", "code": 404,
                                    "message": "no scripted route for " + path}}


def split_body(data, resp):
    if "chunks" in resp:
        return [c.encode("utf-8") for c in resp["chunks"]]
    if "splitEvery" in resp:
        n = max(1, int(resp["splitEvery"]))
        return [data[i:i + n] for i in range(0, len(data), n)]
    if "splitAt" in resp:
        parts, last = [], 0
        for cut in sorted(resp["splitAt"]) + [len(data)]:
            if cut > last:
                parts.append(data[last:cut])
                last = cut
        return parts
    return [data] if data else []


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "scripted-kube/1"

    def setup(self):
        if self.server.tls_context is not None:
            self.request.settimeout(10)
            self.request = self.server.tls_context.wrap_socket(self.request, server_side=True)
            self.request.settimeout(None)
        super().setup()

    def handle(self):
        try:
            super().handle()
        except (ssl.SSLError, ConnectionError, OSError):
            pass

    def log_message(self, fmt, *args):
        pass

    def peer_cn(self):
        try:
            cert = self.connection.getpeercert()
        except (AttributeError, ValueError):
            return ""
        for rdn in (cert or {}).get("subject", ()):
            for key, value in rdn:
                if key == "commonName":
                    return value
        return ""

    def handle_any(self):
        url = urllib.parse.urlsplit(self.path)
        query = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", "replace") if length else ""
        auth = self.headers.get("Authorization", "")
        emit("REQ " + json.dumps({"method": self.command, "path": self.path, "body": body,
                                  "authorization": auth, "accept": self.headers.get("Accept", ""),
                                  "contentType": self.headers.get("Content-Type", ""),
                                  "clientCN": self.peer_cn()}))
        tokens = self.server.tokens
        if tokens and not (auth.startswith("Bearer ") and auth[7:] in tokens):
            self.send_plain(401, json.dumps({"kind": "Status", "apiVersion": "v1", "metadata": {},
                                             "status": "Failure", "message": "Unauthorized",
                                             "reason": "Unauthorized", "code": 401}))
            return
        self.serve_scripted(pick_response(self.command, url.path, query, body))

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = handle_any

    def send_plain(self, status, text, headers=None):
        data = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        self.wfile.flush()

    def serve_scripted(self, resp):
        hold = resp.get("waitForFile")
        while hold and not os.path.exists(hold) and not STATE["stopping"]:
            time.sleep(0.01)
        time.sleep(resp.get("delayMs", 0) / 1000.0)
        status = resp.get("status", 200)
        text = json.dumps(resp["json"]) if "json" in resp else resp.get("body", "")
        end = resp.get("end", "finish")
        chunked = end != "finish" or any(k in resp for k in ("chunks", "splitEvery", "splitAt"))
        if not chunked:
            self.send_plain(status, text, resp.get("headers"))
            return
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        for k, v in resp.get("headers", {}).items():
            self.send_header(k, v)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        self.wfile.flush()
        delay = resp.get("chunkDelayMs", 0) / 1000.0
        for part in split_body(text.encode("utf-8"), resp):
            self.wfile.write(b"%x\r\n%s\r\n" % (len(part), part))
            self.wfile.flush()
            if delay:
                time.sleep(delay)
        if end == "close":
            # Abrupt end: no terminating chunk, no TLS close_notify.
            self.close_connection = True
            socket.socket.shutdown(self.connection, socket.SHUT_RDWR)
            return
        if end == "hang":
            self.wait_for_client_close()
            self.close_connection = True
            return
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()

    def wait_for_client_close(self):
        while not STATE["stopping"]:
            readable, _, _ = select.select([self.connection], [], [], 0.2)
            if readable:
                try:
                    if not self.connection.recv(1):
                        return
                except (ssl.SSLError, OSError):
                    return


def read_scripts():
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        script = json.loads(line)
        with STATE["lock"]:
            STATE["routes"] = script.get("routes", [])
            STATE["counters"] = {}
        emit("OK %s" % script.get("seq", 0))
    STATE["stopping"] = True


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # failed handshakes are expected in the TLS tests; the client reports them


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--cert-dir", required=True)
    p.add_argument("--client-auth", default="required", choices=["required", "optional", "none"])
    p.add_argument("--tokens", default="")
    p.add_argument("--no-tls", action="store_true")
    p.add_argument("--gen-only", action="store_true")
    args = p.parse_args()
    ensure_certs(args.cert_dir)
    if args.gen_only:
        return
    server = Server(("127.0.0.1", 0), Handler)
    server.tokens = set(t for t in args.tokens.split(",") if t)
    server.tls_context = None
    if not args.no_tls:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(os.path.join(args.cert_dir, "server.crt"),
                            os.path.join(args.cert_dir, "server.key"))
        ctx.verify_mode = {"required": ssl.CERT_REQUIRED, "optional": ssl.CERT_OPTIONAL,
                           "none": ssl.CERT_NONE}[args.client_auth]
        if args.client_auth != "none":
            ctx.load_verify_locations(os.path.join(args.cert_dir, "ca.crt"))
        server.tls_context = ctx
    threading.Thread(target=server.serve_forever, daemon=True).start()
    emit("PORT %d" % server.server_address[1])
    read_scripts()
    server.shutdown()


if __name__ == "__main__":
    main()
