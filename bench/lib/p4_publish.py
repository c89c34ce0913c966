#!/usr/bin/env python3
"""Load generator of bench/p4-publish.sh (standard library only; every request goes to 127.0.0.1).

  setup PLUGIN_URL REPOSITORY_URL SECRET DOMAIN SUPERVISORS PLUGINS IMAGE CALLERS
      register PLUGINS plugins (image IMAGE, tag 1.0.0) in repository-service; publish and register SUPERVISORS
      supervisors (label host=<n>); then ask for every plugin on every supervisor (labels {"host": n},
      timeout_seconds 1) with CALLERS concurrent callers, so that each supervisor holds PLUGINS installations
      (PROVISIONING; the 504 answers are expected: no agent reports them yet). Prints one JSON line.
  load PLUGIN_URL SECRET DOMAIN SUPERVISORS PLUGINS PERIOD SECONDS WORKERS
      every supervisor publishes every PERIOD seconds for SECONDS seconds, reporting its PLUGINS plugins ACTIVE;
      the publishes of one period are spread evenly over it. Prints one JSON line: counts, statuses and latency
      percentiles (ms) of the steady state (the first period, which turns every installation ACTIVE, is reported
      apart).
"""

import base64
import hashlib
import hmac
import http.client
import json
import queue
import sys
import threading
import time
import urllib.parse

sys.path.insert(0, __import__("os").path.dirname(__import__("os").path.abspath(__file__)))
from p3_catalogue import loopback, percentile  # noqa: E402


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def token(secret, role, domain=None, hostname=None, subject="p4-bench"):
    now = int(time.time())
    claims = {"sub": subject, "rol": role, "iat": now, "exp": now + 7200}
    if domain:
        claims["did"] = domain
    if hostname:
        claims["hostname"] = hostname
    header = b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    payload = b64(json.dumps(claims).encode())
    signature = hmac.new(secret.encode(), f"{header}.{payload}".encode(), hashlib.sha256).digest()
    return f"{header}.{payload}.{b64(signature)}"


class Client:
    """One keep-alive connection to a base URL."""

    def __init__(self, base_url):
        url = urllib.parse.urlsplit(base_url)
        self.netloc = loopback(url.netloc)
        self.prefix = url.path.rstrip("/")
        self.conn = None

    def call(self, method, path, bearer, body=None):
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.netloc, timeout=60)
            try:
                headers = {"Authorization": f"Bearer {bearer}", "Accept": "application/json"}
                data = None
                if body is not None:
                    data = json.dumps(body)
                    headers["Content-Type"] = "application/json"
                self.conn.request(method, self.prefix + path, body=data, headers=headers)
                answer = self.conn.getresponse()
                text = answer.read()
                return answer.status, (json.loads(text) if text else None)
            except (http.client.HTTPException, OSError):
                self.conn.close()
                self.conn = None
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")


def hostname(n):
    return f"p4-host-{n:04d}"


def secret_key(n):
    return f"p4-secret-key-{n:04d}"


def publish_body(n, plugins, capacity=50):
    body = {"name": f"P4 agent {n}", "hostname": hostname(n), "secret_key": secret_key(n),
            "agent": {"version": "bench", "runtime": "simulated", "capacity": capacity}}
    if plugins is not None:
        body["plugin_info"] = [
            {"plugin_id": f"p4-plugin-{p:02d}", "version": "1.0.0", "state": "ACTIVE", "generation": 0,
             "endpoint": f"127.0.0.1:{20000 + n * 32 + p}"}
            for p in range(plugins)]
    return body


def run_pool(workers, jobs, work):
    """Runs work(client_state, job) for every job on `workers` threads; returns the list of results."""
    tasks = queue.Queue()
    for job in jobs:
        tasks.put(job)
    results, lock = [], threading.Lock()

    def loop():
        state = {}
        while True:
            try:
                job = tasks.get_nowait()
            except queue.Empty:
                return
            result = work(state, job)
            with lock:
                results.append(result)

    threads = [threading.Thread(target=loop) for _ in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def setup(plugin_url, repository_url, secret, domain, supervisors, plugins, image, callers):
    started = time.time()
    admin = token(secret, "DOMAIN_ADMIN", domain)
    member = token(secret, "DOMAIN_MEMBER", domain, subject="p4-caller")
    repository = Client(repository_url)
    for p in range(plugins):
        status, answer = repository.call("POST", "/plugins", admin, {
            "name": f"P4 plugin {p}", "service_type": "notification.Protocol", "image": image,
            "plugin_id": f"p4-plugin-{p:02d}", "registry_type": "OCI", "registry_url": "127.0.0.1:5000"})
        if status != 200:
            raise SystemExit(f"register plugin {p}: {status} {answer}")

    def enrol(state, n):
        client = state.setdefault("client", Client(plugin_url))
        status, answer = client.call("POST", "/supervisors", token(secret, "SUPERVISOR", domain, hostname(n)),
                                     publish_body(n, None))
        if status != 200:
            return f"publish {n}: {status}"
        status, answer = client.call("POST", f"/supervisor/{answer['supervisor_id']}/register", admin,
                                     {"labels": {"host": str(n)}})
        return None if status == 200 else f"register {n}: {status}"

    errors = [e for e in run_pool(min(callers, 20), range(supervisors), enrol) if e]
    if errors:
        raise SystemExit("enrolling supervisors failed: " + "; ".join(errors[:5]))

    statuses = {}

    def ask(state, job):
        n, p = job
        client = state.setdefault("client", Client(plugin_url))
        status, _ = client.call("POST", f"/plugin/p4-plugin-{p:02d}/get-endpoint", member,
                                {"version": "1.0.0", "labels": {"host": str(n)}, "timeout_seconds": 1})
        return status

    for status in run_pool(callers, [(n, p) for n in range(supervisors) for p in range(plugins)], ask):
        statuses[str(status)] = statuses.get(str(status), 0) + 1
    print(json.dumps({"supervisors": supervisors, "plugins_each": plugins, "endpoint_calls": statuses,
                      "elapsed_s": round(time.time() - started, 1)}))
    return 0


def load(plugin_url, secret, domain, supervisors, plugins, period, seconds, workers):
    tokens = [token(secret, "SUPERVISOR", domain, hostname(n)) for n in range(supervisors)]
    bodies = [publish_body(n, plugins) for n in range(supervisors)]
    schedule = queue.Queue()
    start = time.time() + 1.0
    rounds = max(1, int(seconds // period))
    for r in range(rounds):
        for n in range(supervisors):
            schedule.put((start + r * period + n * period / supervisors, r, n))
    lock = threading.Lock()
    samples = {"first": [], "steady": []}
    statuses = {}
    late = [0]

    def loop():
        client = Client(plugin_url)
        while True:
            try:
                at, r, n = schedule.get_nowait()
            except queue.Empty:
                return
            delay = at - time.time()
            if delay > 0:
                time.sleep(delay)
            elif delay < -1:
                with lock:
                    late[0] += 1
            began = time.perf_counter()
            status, _ = client.call("POST", "/supervisors", tokens[n], bodies[n])
            took = (time.perf_counter() - began) * 1000
            with lock:
                samples["first" if r == 0 else "steady"].append(took)
                statuses[str(status)] = statuses.get(str(status), 0) + 1

    threads = [threading.Thread(target=loop) for _ in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    def stats(values):
        return {"count": len(values), "p50": percentile(values, 50), "p90": percentile(values, 90),
                "p99": percentile(values, 99), "max": max(values) if values else None}

    print(json.dumps({"supervisors": supervisors, "plugins_each": plugins, "period_s": period, "rounds": rounds,
                      "statuses": statuses, "late_by_more_than_1s": late[0],
                      "first_round_ms": stats(samples["first"]), "steady_ms": stats(samples["steady"])}))
    return 0 if set(statuses) == {"200"} else 1


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    command, a = argv[1], argv[2:]
    if command == "setup":
        return setup(a[0], a[1], a[2], a[3], int(a[4]), int(a[5]), a[6], int(a[7]))
    if command == "load":
        return load(a[0], a[1], a[2], int(a[3]), int(a[4]), float(a[5]), float(a[6]), int(a[7]))
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
