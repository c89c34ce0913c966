#!/usr/bin/env python3
"""Helpers of bench/p3-catalogue.sh (standard library only; every request goes to 127.0.0.1).

  push-image REGISTRY REPOSITORY TAG...   push a tiny OCI image under each tag through the registry HTTP API
                                           (what LocalRegistry.pushImage does in the tests)
  seed BASE_URL TOKEN COUNT WORKERS IMAGE...
                                           register COUNT local plugins with WORKERS concurrent keep-alive clients;
                                           prints one JSON line with counts, elapsed time and latency percentiles
  diag BASE_URL TOKEN REPEAT PATH...       time REPEAT sequential GETs of each PATH (after one untimed call) and
                                           print the median and maximum in ms, with the answer's total_count
  summary OUT_DIR                          parse the wrk outputs under OUT_DIR and print the medians and verdicts
"""

import gzip
import hashlib
import http.client
import json
import os
import re
import statistics
import sys
import threading
import time
import urllib.parse

OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json"
OCI_CONFIG = "application/vnd.oci.image.config.v1+json"
OCI_LAYER = "application/vnd.oci.image.layer.v1.tar+gzip"

# Ten providers: a provider filter selects one plugin in ten (1,000 of 10,000).
PROVIDERS = ["aws", "google", "azure", "atlassian", "slack", "github", "gitlab", "pagerduty", "datadog", "prometheus"]
SERVICE_TYPES = [
    "notification.Protocol",
    "monitoring.Webhook",
    "monitoring.DataSource",
    "inventory.Collector",
    "cost_analysis.DataSource",
    "identity.Auth",
    "alert_manager.Webhook",
    "config.Plugin",
]
LABELS = [f"label-{n:02d}" for n in range(20)]


def loopback(host_port):
    host = host_port.rsplit(":", 1)[0].strip("[]")
    if not (host.startswith("127.") or host in ("localhost", "::1")):
        raise SystemExit(f"refusing a non-loopback address: {host_port}")
    return host_port


def digest(data):
    return "sha256:" + hashlib.sha256(data).hexdigest()


def push_image(registry, repository, tags):
    conn = http.client.HTTPConnection(loopback(registry), timeout=10)

    def upload(blob):
        conn.request("POST", f"/v2/{repository}/blobs/uploads/", body=b"")
        answer = conn.getresponse()
        answer.read()
        if answer.status != 202:
            raise SystemExit(f"start blob upload: registry answered {answer.status}")
        location = urllib.parse.urlsplit(answer.getheader("Location"))
        path = location.path + ("?" + location.query + "&" if location.query else "?")
        path += "digest=" + urllib.parse.quote(digest(blob), safe="")
        conn.request("PUT", path, body=blob, headers={"Content-Type": "application/octet-stream"})
        answer = conn.getresponse()
        answer.read()
        if answer.status != 201:
            raise SystemExit(f"finish blob upload: registry answered {answer.status}")

    empty_tar = bytes(1024)
    layer = gzip.compress(empty_tar, mtime=0)
    config = json.dumps({
        "architecture": "amd64", "os": "linux", "config": {},
        "rootfs": {"type": "layers", "diff_ids": [digest(empty_tar)]},
    }).encode()
    upload(config)
    upload(layer)
    manifest = json.dumps({
        "schemaVersion": 2, "mediaType": OCI_MANIFEST,
        "config": {"mediaType": OCI_CONFIG, "digest": digest(config), "size": len(config)},
        "layers": [{"mediaType": OCI_LAYER, "digest": digest(layer), "size": len(layer)}],
    }).encode()
    for tag in tags:
        conn.request("PUT", f"/v2/{repository}/manifests/{tag}", body=manifest,
                     headers={"Content-Type": OCI_MANIFEST})
        answer = conn.getresponse()
        answer.read()
        if answer.status != 201:
            raise SystemExit(f"put manifest {repository}:{tag}: registry answered {answer.status}")
    conn.close()


def plugin(i, images, registry):
    return {
        "plugin_id": f"bench-plugin-{i:05d}",
        "name": f"Bench plugin {i:05d} ({PROVIDERS[i % 10]})",
        "service_type": SERVICE_TYPES[(i // 10) % len(SERVICE_TYPES)],
        "image": images[i % len(images)],
        "registry_type": "OCI",
        "registry_url": registry,
        "provider": PROVIDERS[i % 10],
        "capability": {"port": 50051, "protocol": "http", "health_path": "/health"},
        "labels": sorted({LABELS[i % 20], LABELS[(i * 7 + 3) % 20]}),
        "tags": {"description": f"Benchmark plugin number {i}", "team": f"team-{i % 25}"},
    }


def percentile(values, q):
    ordered = sorted(values)
    if not ordered:
        return None
    index = min(len(ordered) - 1, max(0, int(round(q / 100 * len(ordered) + 0.5)) - 1))
    return ordered[index]


def seed(base_url, token, count, workers, images, registry="127.0.0.1:5000"):
    url = urllib.parse.urlsplit(base_url)
    loopback(url.netloc)
    lock = threading.Lock()
    state = {"next": 0, "ok": 0, "statuses": {}, "errors": [], "latencies": []}
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json", "Accept": "application/json"}

    def take():
        with lock:
            if state["next"] >= count:
                return None
            state["next"] += 1
            return state["next"]

    def work():
        conn = http.client.HTTPConnection(url.netloc, timeout=30)
        latencies = []
        while (i := take()) is not None:
            body = json.dumps(plugin(i, images, registry))
            started = time.perf_counter()
            try:
                conn.request("POST", url.path + "/plugins", body=body, headers=headers)
                answer = conn.getresponse()
                text = answer.read()
                status = answer.status
            except (OSError, http.client.HTTPException) as e:
                conn.close()
                conn = http.client.HTTPConnection(url.netloc, timeout=30)
                status, text = 0, repr(e).encode()
            latencies.append((time.perf_counter() - started) * 1000)
            with lock:
                state["statuses"][status] = state["statuses"].get(status, 0) + 1
                if 200 <= status < 300:
                    state["ok"] += 1
                elif len(state["errors"]) < 5:
                    state["errors"].append(f"plugin {i}: {status} {text[:300].decode(errors='replace')}")
        conn.close()
        with lock:
            state["latencies"].extend(latencies)

    started = time.perf_counter()
    threads = [threading.Thread(target=work) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    lat = state["latencies"]
    print(json.dumps({
        "requested": count, "created": state["ok"], "workers": workers,
        "statuses": {str(k): v for k, v in sorted(state["statuses"].items())},
        "elapsed_s": round(elapsed, 1), "per_s": round(count / elapsed, 1),
        "register_ms": {"p50": round(percentile(lat, 50), 1), "p99": round(percentile(lat, 99), 1),
                        "max": round(max(lat), 1)},
        "errors": state["errors"],
    }))
    return 0 if state["ok"] == count else 1


def diag(base_url, token, repeat, paths):
    url = urllib.parse.urlsplit(base_url)
    loopback(url.netloc)
    conn = http.client.HTTPConnection(url.netloc, timeout=30)
    headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
    for path in paths:
        times, total = [], None
        for n in range(repeat + 1):
            started = time.perf_counter()
            conn.request("GET", path, headers=headers)
            answer = conn.getresponse()
            body = answer.read()
            spent = (time.perf_counter() - started) * 1000
            if answer.status != 200:
                raise SystemExit(f"GET {path}: {answer.status} {body[:300]!r}")
            if n > 0:
                times.append(spent)
            total = json.loads(body).get("total_count")
        print(f"  median {statistics.median(times):8.1f} ms   max {max(times):8.1f} ms   "
              f"total_count {total!s:>6}   GET {path}")
    conn.close()


# ---------------------------------------------------------------------------------------------------------------
# wrk output

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def to_ms(text):
    match = re.fullmatch(r"([0-9.]+)(us|ms|s|m)", text)
    return float(match.group(1)) * UNITS[match.group(2)]


def parse_wrk(path):
    text = open(path).read()
    result = {"file": os.path.basename(path)}
    for q in ("50", "75", "90", "99"):
        match = re.search(rf"^\s+{q}%\s+(\S+)\s*$", text, re.M)
        result[f"p{q}"] = to_ms(match.group(1)) if match else None
    match = re.search(r"^\s*(\d+) requests in", text, re.M)
    result["requests"] = int(match.group(1)) if match else 0
    match = re.search(r"^Requests/sec:\s+([0-9.]+)", text, re.M)
    result["rps"] = float(match.group(1)) if match else 0.0
    match = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    result["non2xx"] = int(match.group(1)) if match else 0
    match = re.search(r"Socket errors:.*", text)
    result["socket_errors"] = match.group(0) if match else ""
    return result


def summary(out_dir):
    runs = sorted({int(m.group(1)) for f in os.listdir(out_dir) if (m := re.match(r"run(\d+)-", f))})
    rows = {name: [parse_wrk(os.path.join(out_dir, f"run{r}-{name}.txt")) for r in runs]
            for name in ("list", "versions", "noop")}
    bad = [f"{row['file']}: {row['non2xx']} non-2xx" for name in rows for row in rows[name] if row["non2xx"]]
    bad += [f"{row['file']}: {row['socket_errors']}" for name in rows for row in rows[name] if row["socket_errors"]]
    bad += [f"{row['file']}: no requests" for name in rows for row in rows[name] if not row["requests"]]
    ratios = [v["rps"] / n["rps"] if n["rps"] else 0.0 for v, n in zip(rows["versions"], rows["noop"])]

    def med(name, key):
        return statistics.median(row[key] for row in rows[name])

    print("run   list p50   list p99   list req/s   versions req/s   noop req/s   versions/noop")
    for i, r in enumerate(runs):
        li, ve, no = rows["list"][i], rows["versions"][i], rows["noop"][i]
        print(f"{r:>3} {li['p50']:8.2f}ms {li['p99']:8.2f}ms {li['rps']:10.1f} {ve['rps']:16.1f} "
              f"{no['rps']:12.1f} {ratios[i]:13.1%}")
    p50, p99, ratio = med("list", "p50"), med("list", "p99"), statistics.median(ratios)
    print(f"med {p50:8.2f}ms {p99:8.2f}ms {med('list', 'rps'):10.1f} {med('versions', 'rps'):16.1f} "
          f"{med('noop', 'rps'):12.1f} {ratio:13.1%}")
    print()
    print(f"P3 list p50 {p50:.1f} ms (bar <= 50 ms): {'MET' if p50 <= 50 else 'MISSED'}")
    print(f"P3 list p99 {p99:.1f} ms (bar <= 150 ms): {'MET' if p99 <= 150 else 'MISSED'}")
    print(f"P3 get_versions / repository get throughput {ratio:.1%} (bar >= 70 %; the stand-in is not a no-op): "
          f"{'MET' if ratio >= 0.70 else 'MISSED'}")
    if bad:
        print("INVALID RUN: " + "; ".join(bad))
        return 1
    return 0


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    command, args = argv[1], argv[2:]
    if command == "push-image":
        push_image(args[0], args[1], args[2:])
        return 0
    if command == "seed":
        return seed(args[0], args[1], int(args[2]), int(args[3]), args[4:])
    if command == "diag":
        diag(args[0], args[1], int(args[2]), args[3:])
        return 0
    if command == "summary":
        return summary(args[0])
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
