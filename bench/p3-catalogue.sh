#!/usr/bin/env bash
# P3 (shared/spec/quality-bars.md): catalogue list with a filter, a sort and a page of 100 over 10,000 local plugins,
# one client at a time (p50 <= 50 ms, p99 <= 150 ms), and get_versions served from cache at >= 70 % of a no-op
# authenticated endpoint's throughput measured in the same run.
#
# What it does, all on loopback:
#   1. builds repository-service into target-bench/ when its jar is missing (a separate build folder, so that it does
#      not collide with other builds in the same tree);
#   2. starts it on a free port with a fresh temporary PLATFORM_DATA_DIR (embedded H2-backed store, as the production
#      default), a generated PLATFORM_JWT_SECRET and Docker Hub mirrored to the local registry (127.0.0.1:5000,
#      started with scripts/start-test-infra.sh when it does not answer); pushes a few tiny images with six tags each
#      through the registry HTTP API;
#   3. registers P3_PLUGINS (10,000) local plugins in one domain through POST /repository/v1/plugins with
#      P3_WORKERS (6) keep-alive clients: 10 providers, 8 service types, 20 labels, 3 images;
#   4. after a warm-up, P3_RUNS (5) times: (a) the list, one client (wrk -t1 -c1 --latency), the provider cycling
#      through the ten; (b) GET /plugins/<id>/versions and (c) the stand-in for a no-op endpoint,
#      GET /repository/v1/repository/repo-local (one indexed findOne: it is NOT a no-op, so the ratio is
#      conservative), each wrk -t1 -c8, (b) and (c) alternating which goes first;
#   5. stops the service, deletes its data, and prints the medians and the verdicts. Raw outputs stay in P3_OUT.
#
# Bounded: every wrk run has a fixed duration, and the whole script runs under `timeout` (P3_MAX_SECONDS, 570 s).
#
# Environment: P3_DURATION (20, seconds per measurement), P3_WARMUP (20; 8 proved too short for the JIT), P3_RUNS (5), P3_PLUGINS (10000),
#   P3_WORKERS (6), P3_CONNECTIONS (8, for versions and the stand-in), P3_OUT (default: a new /tmp/p3-catalogue.*
#   folder), P3_MAX_SECONDS (570), JAVA_OPTS (extra JVM options of the service), P3_DIAG (1: also time a few list
#   variants sequentially, to show where the list's time goes).
set -euo pipefail

if [[ -z ${P3_BOUNDED:-} ]]; then
    export P3_BOUNDED=1
    # timeout signals its whole process group (the service, wrk, the seeders) when the bound is reached.
    exec timeout -k 20 "${P3_MAX_SECONDS:-570}" bash "$0" "$@"
fi

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
readonly ROOT
readonly HELPER=$ROOT/bench/lib/p3_catalogue.py
readonly LIST_LUA=$ROOT/bench/lib/p3-list.lua
readonly JAR=$ROOT/repository-service/target-bench/repository-service-0.1.0-SNAPSHOT.jar
readonly REGISTRY=127.0.0.1:5000
readonly DOMAIN=domain-000000000003
readonly DURATION=${P3_DURATION:-20}
readonly WARMUP=${P3_WARMUP:-20}
readonly RUNS=${P3_RUNS:-5}
readonly PLUGINS=${P3_PLUGINS:-10000}
readonly WORKERS=${P3_WORKERS:-6}
readonly CONNECTIONS=${P3_CONNECTIONS:-8}
readonly DIAG=${P3_DIAG:-1}
OUT=${P3_OUT:-$(mktemp -d /tmp/p3-catalogue.XXXXXX)}
readonly OUT
DATA_DIR=$(mktemp -d /tmp/p3-catalogue-data.XXXXXX)
readonly DATA_DIR
SERVICE_PID=''
CHILD_PID=''

log() { printf '[p3 %s] %s\n' "$(date +%H:%M:%S)" "$*" | tee -a "$OUT/p3.log"; }
die() {
    log "ERROR: $*"
    exit 1
}

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    if [[ -n $CHILD_PID ]] && kill -0 "$CHILD_PID" 2>/dev/null; then
        kill "$CHILD_PID" 2>/dev/null || true
    fi
    if [[ -n $SERVICE_PID ]] && kill -0 "$SERVICE_PID" 2>/dev/null; then
        log "stopping repository-service (pid $SERVICE_PID)"
        kill "$SERVICE_PID" 2>/dev/null || true
        for _ in $(seq 1 30); do
            kill -0 "$SERVICE_PID" 2>/dev/null || break
            sleep 1
        done
        kill -9 "$SERVICE_PID" 2>/dev/null || true
    fi
    if [[ -f $DATA_DIR/service.log ]]; then
        cp "$DATA_DIR/service.log" "$OUT/service.log" 2>/dev/null || true
    fi
    rm -rf "$DATA_DIR"
    log "raw outputs in $OUT (exit $status)"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 143' INT TERM

# Runs a command in the background and waits for it, so that a signal reaches the traps at once.
run() {
    "$@" &
    CHILD_PID=$!
    local status=0
    wait "$CHILD_PID" || status=$?
    CHILD_PID=''
    return "$status"
}

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

http_status() { curl -s -o /dev/null -w '%{http_code}' -m 5 -H "Authorization: Bearer $TOKEN" "$1" || true; }

# wrk_run NAME SECONDS CONNECTIONS URL [wrk options...]: raw output to $OUT/NAME.txt, with the command on top.
wrk_run() {
    local name=$1 seconds=$2 connections=$3 url=$4
    shift 4
    local command=(wrk -t1 "-c$connections" "-d${seconds}s" --timeout 10s --latency "$@" -H "Authorization: Bearer \$TOKEN" "$url")
    {
        echo "\$ ${command[*]}"
        run wrk -t1 "-c$connections" "-d${seconds}s" --timeout 10s --latency "$@" \
            -H "Authorization: Bearer $TOKEN" "$url"
    } >"$OUT/$name.txt" 2>&1
    local rps p50 p99
    rps=$(sed -n 's/^Requests\/sec: *//p' "$OUT/$name.txt")
    p50=$(awk '$1 == "50%" {print $2}' "$OUT/$name.txt")
    p99=$(awk '$1 == "99%" {print $2}' "$OUT/$name.txt")
    log "$(printf '%-14s %9s req/s  p50 %-9s p99 %-9s %s' "$name" "$rps" "$p50" "$p99" \
        "$(grep -o 'Non-2xx.*' "$OUT/$name.txt" || true)")"
}

# ---------------------------------------------------------------------------------------------------------------
mkdir -p "$OUT"
: >"$OUT/p3.log"
command -v wrk >/dev/null || die "wrk not found (Debian package wrk; scripts/start-test-infra.sh installs it)"
command -v curl >/dev/null || die "curl not found"
log "P3 catalogue benchmark: $PLUGINS plugins, $RUNS runs of ${DURATION}s, warm-up ${WARMUP}s; out: $OUT"
log "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, load average $(cut -d' ' -f1-3 /proc/loadavg)"

# 1. Build -------------------------------------------------------------------------------------------------------
if [[ ! -f $JAR ]]; then
    log "building $JAR"
    (cd "$ROOT" && run mvn -B -q -o -DskipTests -Djacoco.skip=true -Dspotless.check.skip=true \
        -Dplatform.build.dir=target-bench package -pl common,repository-service) >"$OUT/build.log" 2>&1 ||
        die "the build failed (see $OUT/build.log)"
fi

# 2. Registry, service, token, images ----------------------------------------------------------------------------
if [[ $(curl -s -o /dev/null -w '%{http_code}' -m 3 "http://$REGISTRY/v2/" || true) != 200 ]]; then
    log "no registry on $REGISTRY: starting it with scripts/start-test-infra.sh"
    run bash "$ROOT/scripts/start-test-infra.sh" >>"$OUT/infra.log" 2>&1 || die "start-test-infra.sh failed ($OUT/infra.log)"
fi

PORT=$(free_port)
readonly PORT
readonly BASE=http://127.0.0.1:$PORT/repository/v1
SECRET=$(openssl rand -hex 32)
log "starting repository-service on 127.0.0.1:$PORT, data in $DATA_DIR"
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
PLATFORM_DATA_DIR=$DATA_DIR PLATFORM_JWT_SECRET=$SECRET \
    java ${JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" \
    "--platform.registry.mirror.[registry.hub.docker.com]=$REGISTRY" \
    >"$DATA_DIR/service.log" 2>&1 </dev/null &
SERVICE_PID=$!
started=$SECONDS
until [[ $(curl -s -m 2 "http://127.0.0.1:$PORT/actuator/health/readiness" || true) == *'"UP"'* ]]; do
    kill -0 "$SERVICE_PID" 2>/dev/null || {
        tail -n 30 "$DATA_DIR/service.log"
        die "repository-service exited during start-up"
    }
    ((SECONDS - started < 90)) || die "repository-service not ready within 90 s"
    sleep 0.5
done
log "ready after $((SECONDS - started)) s (pid $SERVICE_PID)"

TOKEN=$(PLATFORM_JWT_SECRET=$SECRET PLATFORM_DATA_DIR=$DATA_DIR "$ROOT/platform" token \
    --role DOMAIN_ADMIN --domain "$DOMAIN" --subject p3-bench --ttl 3600 | tail -n 1)
[[ $TOKEN == *.*.* ]] || die "could not mint a token"

SUFFIX=$(openssl rand -hex 4)
IMAGES=("bench/p3-$SUFFIX-notifier" "bench/p3-$SUFFIX-collector" "bench/p3-$SUFFIX-webhook")
TAGS=(1.2.1 1.2.1.20220411.113807 1.2.2 1.2.1.20220429.104002 latest 1.2.1.20220422.161421)
for image in "${IMAGES[@]}"; do
    python3 "$HELPER" push-image "$REGISTRY" "$image" "${TAGS[@]}" || die "pushing $image failed"
done
log "pushed ${IMAGES[*]} to $REGISTRY with tags ${TAGS[*]}"

# 3. Seed ---------------------------------------------------------------------------------------------------------
log "registering $PLUGINS local plugins in $DOMAIN with $WORKERS clients"
run python3 "$HELPER" seed "$BASE" "$TOKEN" "$PLUGINS" "$WORKERS" "${IMAGES[@]}" >"$OUT/seed.json" ||
    die "seeding failed: $(cat "$OUT/seed.json")"
log "seeded: $(cat "$OUT/seed.json")"
total=$(curl -s -m 30 -H "Authorization: Bearer $TOKEN" "$BASE/plugins?repository_id=repo-local&limit=1" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["total_count"])')
[[ $total == "$PLUGINS" ]] || die "the local repository holds $total plugins, not $PLUGINS"

# 4. Measure ------------------------------------------------------------------------------------------------------
readonly LIST_URL="$BASE/plugins?repository_id=repo-local&sort=-created_at&limit=100"
readonly VERSIONS_URL=$BASE/plugins/bench-plugin-00042/versions
readonly NOOP_URL=$BASE/repository/repo-local

check=$(curl -s -m 30 -H "Authorization: Bearer $TOKEN" "$LIST_URL&provider=aws" | python3 -c '
import json, sys
answer = json.load(sys.stdin)
results = answer["results"]
times = [r["created_at"] for r in results]
ok = len(results) == 100 and all(r["provider"] == "aws" for r in results) and times == sorted(times, reverse=True)
print(("ok" if ok else "WRONG") + " total_count=%s results=%d" % (answer["total_count"], len(results)))')
log "list check: $check"
[[ $check == ok* ]] || die "the list answer is not a filtered, sorted page of 100"
versions=$(curl -s -m 10 -H "Authorization: Bearer $TOKEN" "$VERSIONS_URL")
log "versions check: $versions"
[[ $versions == *'"total_count":6'* ]] || die "get_versions did not answer the six tags"
[[ $(http_status "$NOOP_URL") == 200 ]] || die "GET $NOOP_URL is not 200"

log "warm-up: ${WARMUP}s each"
wrk_run warmup-list "$WARMUP" 1 "$LIST_URL" -s "$LIST_LUA"
wrk_run warmup-versions "$WARMUP" "$CONNECTIONS" "$VERSIONS_URL"
wrk_run warmup-noop "$WARMUP" "$CONNECTIONS" "$NOOP_URL"

for r in $(seq 1 "$RUNS"); do
    log "run $r of $RUNS (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    wrk_run "run$r-list" "$DURATION" 1 "$LIST_URL" -s "$LIST_LUA"
    if ((r % 2 == 1)); then
        wrk_run "run$r-versions" "$DURATION" "$CONNECTIONS" "$VERSIONS_URL"
        wrk_run "run$r-noop" "$DURATION" "$CONNECTIONS" "$NOOP_URL"
    else
        wrk_run "run$r-noop" "$DURATION" "$CONNECTIONS" "$NOOP_URL"
        wrk_run "run$r-versions" "$DURATION" "$CONNECTIONS" "$VERSIONS_URL"
    fi
done

if [[ $DIAG == 1 ]]; then
    log "diagnostic: sequential GETs, one client, 10 each (where the list's time goes)"
    P=/repository/v1/plugins
    run python3 "$HELPER" diag "$BASE" "$TOKEN" 10 \
        "$P?repository_id=repo-local&provider=aws&sort=-created_at&limit=100" \
        "$P?repository_id=repo-local&provider=aws&sort=-created_at&limit=10" \
        "$P?repository_id=repo-local&provider=aws&limit=100" \
        "$P?repository_id=repo-local&provider=nobody&sort=-created_at&limit=100" \
        "$P?repository_id=repo-local&sort=-created_at&limit=100" \
        "$P?repository_id=repo-local&plugin_id=bench-plugin-00042" \
        "$P/bench-plugin-00042" \
        "/repository/v1/repository/repo-local" | tee "$OUT/diag.txt" | tee -a "$OUT/p3.log"
fi

# 5. Summary (the service is stopped by the exit trap) -------------------------------------------------------------
log "summary (medians over $RUNS runs)"
status=0
python3 "$HELPER" summary "$OUT" | tee "$OUT/summary.txt" | tee -a "$OUT/p3.log" || status=$?
exit "$status"
