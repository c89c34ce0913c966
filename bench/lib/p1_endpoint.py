#!/usr/bin/env python3
"""Summary of bench/p1-endpoint.sh (standard library only).

  summary OUT_DIR   parse the wrk outputs under OUT_DIR (runN-endpoint.txt, runN-noop.txt) and print the medians,
                    the throughput and p99 ratios, and the verdicts of quality bar P1
"""

import os
import re
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from p3_catalogue import parse_wrk  # noqa: E402  (the same wrk output parser)


def summary(out_dir):
    runs = sorted({int(m.group(1)) for f in os.listdir(out_dir) if (m := re.match(r"run(\d+)-", f))})
    rows = {name: [parse_wrk(os.path.join(out_dir, f"run{r}-{name}.txt")) for r in runs]
            for name in ("endpoint", "noop")}
    bad = [f"{row['file']}: {row['non2xx']} non-2xx" for name in rows for row in rows[name] if row["non2xx"]]
    bad += [f"{row['file']}: {row['socket_errors']}" for name in rows for row in rows[name] if row["socket_errors"]]
    bad += [f"{row['file']}: no requests" for name in rows for row in rows[name] if not row["requests"]]
    throughput = [e["rps"] / n["rps"] if n["rps"] else 0.0 for e, n in zip(rows["endpoint"], rows["noop"])]
    tail = [e["p99"] / n["p99"] if n["p99"] else 0.0 for e, n in zip(rows["endpoint"], rows["noop"])]
    print("run   endpoint req/s   endpoint p99   stand-in req/s   stand-in p99   throughput   p99 ratio")
    for i, r in enumerate(runs):
        e, n = rows["endpoint"][i], rows["noop"][i]
        print(f"{r:>3} {e['rps']:16.1f} {e['p99']:12.2f}ms {n['rps']:16.1f} {n['p99']:12.2f}ms "
              f"{throughput[i]:11.1%} {tail[i]:10.2f}x")
    ratio, p99 = statistics.median(throughput), statistics.median(tail)
    print(f"med {statistics.median(r['rps'] for r in rows['endpoint']):16.1f} "
          f"{statistics.median(r['p99'] for r in rows['endpoint']):12.2f}ms "
          f"{statistics.median(r['rps'] for r in rows['noop']):16.1f} "
          f"{statistics.median(r['p99'] for r in rows['noop']):12.2f}ms {ratio:11.1%} {p99:10.2f}x")
    print()
    print(f"P1 warm get_plugin_endpoint throughput {ratio:.1%} of the stand-in (bar >= 50 %): "
          f"{'MET' if ratio >= 0.5 else 'MISSED'}")
    print(f"P1 warm get_plugin_endpoint p99 {p99:.2f} x the stand-in's (bar <= 2 x): {'MET' if p99 <= 2 else 'MISSED'}")
    if bad:
        print("INVALID RUN: " + "; ".join(bad))
        return 1
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] != "summary":
        print(__doc__)
        sys.exit(2)
    sys.exit(summary(sys.argv[2]))
