#!/usr/bin/env bash
# P1 (shared/spec/quality-bars.md): warm get_plugin_endpoint (plugin ACTIVE, caches warm), 32 connections, 2 cores:
# throughput >= 50 % of a no-op authenticated endpoint of the same plugin-service measured in the same run, and
# p99 <= 2 x that endpoint's p99.
#
# What it does, all on loopback:
#   1. builds both services into target-bench/ when their jars are missing;
#   2. starts repository-service and plugin-service on free ports with fresh temporary data folders (embedded H2
#      store), one generated PLATFORM_JWT_SECRET, and PLATFORM_DISCONNECT_AFTER=1h (the bench's supervisor publishes
#      once: no agent runs here);
#   3. pushes a tiny image to the local registry (127.0.0.1:5000), registers it as a plugin, publishes and registers a
#      supervisor with curl, asks for an endpoint and reports the installation ACTIVE with three replicas as an agent
#      would — the cold call answers;
#   4. after a warm-up, P1_RUNS (5) times: (a) POST /plugin/v1/plugin/<id>/get-endpoint {"version": "1.0.0"} and
#      (b) the stand-in for a no-op endpoint, GET /plugin/v1/supervisor/<id> (authenticated, one indexed findOne: NOT
#      a no-op, so the ratio is conservative), each wrk -t1 -c32, alternating which goes first;
#   5. stops the services, deletes their data and prints the medians and verdicts. Raw outputs stay in P1_OUT.
#
# Bounded: every wrk run has a fixed duration, and the whole script runs under `timeout` (P1_MAX_SECONDS, 570 s).
# Environment: P1_DURATION (20), P1_WARMUP (20), P1_RUNS (5), P1_CONNECTIONS (32), P1_OUT (a new /tmp folder),
#   P1_MAX_SECONDS (570), JAVA_OPTS.
set -euo pipefail

if [[ -z ${P1_BOUNDED:-} ]]; then
    export P1_BOUNDED=1
    exec timeout -k 20 "${P1_MAX_SECONDS:-570}" bash "$0" "$@"
fi

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
readonly ROOT
readonly REGISTRY=127.0.0.1:5000
readonly DOMAIN=domain-000000000001
readonly DURATION=${P1_DURATION:-20}
readonly WARMUP=${P1_WARMUP:-20}
readonly RUNS=${P1_RUNS:-5}
readonly CONNECTIONS=${P1_CONNECTIONS:-32}
OUT=${P1_OUT:-$(mktemp -d /tmp/p1-endpoint.XXXXXX)}
readonly OUT
DATA_DIR=$(mktemp -d /tmp/p1-endpoint-data.XXXXXX)
readonly DATA_DIR
PIDS=()

BENCH=p1
# shellcheck source=bench/lib/services.sh
source "$ROOT/bench/lib/services.sh"
trap cleanup EXIT
trap 'exit 143' INT TERM

token() {
    PLATFORM_JWT_SECRET=$SECRET PLATFORM_DATA_DIR=$DATA_DIR "$ROOT/platform" token "$@" --ttl 3600 | tail -n 1
}

# call METHOD URL TOKEN [BODY]: prints the answer, fails on a non-2xx status.
call() {
    local method=$1 url=$2 bearer=$3 body=${4:-}
    local args=(-s -m 60 -X "$method" -H "Authorization: Bearer $bearer" -w '\n%{http_code}')
    [[ -n $body ]] && args+=(-H 'Content-Type: application/json' -d "$body")
    local answer status
    answer=$(curl "${args[@]}" "$url")
    status=${answer##*$'\n'}
    [[ $status == 2* ]] || die "$method $url answered $status: ${answer%$'\n'*}"
    printf '%s\n' "${answer%$'\n'*}"
}

json_field() { python3 -c "import json, sys; print(json.load(sys.stdin)$1)"; }

wrk_run() {
    local name=$1 seconds=$2 url=$3
    shift 3
    {
        echo "\$ wrk -t1 -c$CONNECTIONS -d${seconds}s --timeout 10s --latency $* -H 'Authorization: Bearer \$TOKEN' $url"
        wrk -t1 "-c$CONNECTIONS" "-d${seconds}s" --timeout 10s --latency "$@" -H "Authorization: Bearer $MEMBER" "$url"
    } >"$OUT/$name.txt" 2>&1
    log "$(printf '%-16s %9s req/s  p50 %-9s p99 %-9s %s' "$name" \
        "$(sed -n 's/^Requests\/sec: *//p' "$OUT/$name.txt")" \
        "$(awk '$1 == "50%" {print $2}' "$OUT/$name.txt")" "$(awk '$1 == "99%" {print $2}' "$OUT/$name.txt")" \
        "$(grep -o 'Non-2xx.*' "$OUT/$name.txt" || true)")"
}

# ---------------------------------------------------------------------------------------------------------------
mkdir -p "$OUT"
: >"$OUT/p1.log"
command -v wrk >/dev/null || die "wrk not found (Debian package wrk; scripts/start-test-infra.sh installs it)"
log "P1 warm get_plugin_endpoint: $RUNS runs of ${DURATION}s, warm-up ${WARMUP}s, $CONNECTIONS connections; out: $OUT"
log "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, load average $(cut -d' ' -f1-3 /proc/loadavg)"

build_if_missing
registry_up

SECRET=$(openssl rand -hex 32)
REPOSITORY_PORT=$(free_port)
PLUGIN_PORT=$(free_port)
readonly R=http://127.0.0.1:$REPOSITORY_PORT/repository/v1 P=http://127.0.0.1:$PLUGIN_PORT/plugin/v1
start repository-service "$REPOSITORY_PORT"
start plugin-service "$PLUGIN_PORT" REPOSITORY_SERVICE_URL="http://127.0.0.1:$REPOSITORY_PORT" \
    PLATFORM_DISCONNECT_AFTER=1h

ADMIN=$(token --role DOMAIN_ADMIN --domain "$DOMAIN" --subject p1-admin)
MEMBER=$(token --role DOMAIN_MEMBER --domain "$DOMAIN" --subject p1-caller)
AGENT=$(token --role SUPERVISOR --domain "$DOMAIN" --hostname p1-agent --subject p1-agent)
IMAGE=bench/p1-$(openssl rand -hex 4)
python3 "$ROOT/bench/lib/p3_catalogue.py" push-image "$REGISTRY" "$IMAGE" 1.0.0 1.1.0 || die "pushing $IMAGE failed"
call POST "$R/plugins" "$ADMIN" "{\"name\": \"P1\", \"service_type\": \"notification.Protocol\", \"image\": \"$IMAGE\",
  \"plugin_id\": \"p1-plugin\", \"registry_type\": \"OCI\", \"registry_url\": \"$REGISTRY\"}" >/dev/null
publish() {
    call POST "$P/supervisors" "$AGENT" "{\"name\": \"P1 agent\", \"hostname\": \"p1-agent\",
      \"secret_key\": \"p1-secret-key-0123\", \"plugin_info\": $1}"
}
SUPERVISOR=$(publish '[]' | json_field '["supervisor_id"]')
call POST "$P/supervisor/$SUPERVISOR/register" "$ADMIN" '{"priority": 60}' >/dev/null
readonly BODY='{"version": "1.0.0", "timeout_seconds": 30}'
call POST "$P/plugin/p1-plugin/get-endpoint" "$MEMBER" "$BODY" >"$OUT/cold.json" &
COLD=$!
sleep 1
publish '[{"plugin_id": "p1-plugin", "version": "1.0.0", "state": "ACTIVE", "generation": 0,
  "endpoints": ["127.0.0.1:50051", "127.0.0.1:50052", "127.0.0.1:50053"]}]' >/dev/null
wait "$COLD" || die "the cold call failed: $(cat "$OUT/cold.json")"
log "cold call answered: $(json_field '["endpoint"]' <"$OUT/cold.json")"

export P1_BODY=$BODY
readonly ENDPOINT_URL=$P/plugin/p1-plugin/get-endpoint NOOP_URL=$P/supervisor/$SUPERVISOR
log "warm-up: ${WARMUP}s each"
wrk_run warmup-endpoint "$WARMUP" "$ENDPOINT_URL" -s "$ROOT/bench/lib/p1-endpoint.lua"
wrk_run warmup-noop "$WARMUP" "$NOOP_URL"
for r in $(seq 1 "$RUNS"); do
    log "run $r of $RUNS (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    if ((r % 2 == 1)); then
        wrk_run "run$r-endpoint" "$DURATION" "$ENDPOINT_URL" -s "$ROOT/bench/lib/p1-endpoint.lua"
        wrk_run "run$r-noop" "$DURATION" "$NOOP_URL"
    else
        wrk_run "run$r-noop" "$DURATION" "$NOOP_URL"
        wrk_run "run$r-endpoint" "$DURATION" "$ENDPOINT_URL" -s "$ROOT/bench/lib/p1-endpoint.lua"
    fi
done
installs=$(call GET "$P/supervisor/$SUPERVISOR/plugins" "$ADMIN" | json_field '["total_count"]')
log "installations after the runs: $installs (must be 1)"
[[ $installs == 1 ]] || die "the warm calls created installations"

log "summary (medians over $RUNS runs)"
python3 "$ROOT/bench/lib/p1_endpoint.py" summary "$OUT" | tee "$OUT/summary.txt" | tee -a "$OUT/p1.log"
