# Shell helpers the two-service benchmarks (p1-endpoint.sh, p4-publish.sh) source. The sourcing script sets ROOT,
# OUT, DATA_DIR, BENCH (the log prefix, e.g. p1), SECRET before it starts a service, and an empty PIDS array; the
# exit trap stops the services it started, copies their logs to OUT and deletes DATA_DIR.

log() { printf '[%s %s] %s\n' "$BENCH" "$(date +%H:%M:%S)" "$*" | tee -a "$OUT/$BENCH.log"; }

die() {
    log "ERROR: $*"
    exit 1
}

cleanup() {
    local status=$? pid
    trap - EXIT INT TERM
    for pid in "${PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${PIDS[@]}"; do
        for _ in $(seq 1 30); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 1
        done
        kill -9 "$pid" 2>/dev/null || true
    done
    cp "$DATA_DIR"/*.log "$OUT/" 2>/dev/null || true
    rm -rf "$DATA_DIR"
    log "raw outputs in $OUT (exit $status)"
    exit "$status"
}

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

jar() { printf '%s/%s/target-bench/%s-0.1.0-SNAPSHOT.jar\n' "$ROOT" "$1" "$1"; }

# build_if_missing: builds both services into target-bench/ when a jar is missing.
build_if_missing() {
    if [[ ! -f $(jar repository-service) || ! -f $(jar plugin-service) ]]; then
        log "building the services into target-bench/"
        (cd "$ROOT" && mvn -B -q -o -DskipTests -Djacoco.skip=true -Dspotless.check.skip=true \
            -Dplatform.build.dir=target-bench package -pl common,repository-service,plugin-service) \
            >"$OUT/build.log" 2>&1 || die "the build failed (see $OUT/build.log)"
    fi
}

# registry_up: starts the local registry with scripts/start-test-infra.sh when it does not answer.
registry_up() {
    if [[ $(curl -s -o /dev/null -w '%{http_code}' -m 3 "http://127.0.0.1:5000/v2/" || true) != 200 ]]; then
        bash "$ROOT/scripts/start-test-infra.sh" >>"$OUT/infra.log" 2>&1 || die "start-test-infra.sh failed"
    fi
}

# start NAME PORT [ENV=VALUE...]: starts a service jar in the background and waits until it is ready.
start() {
    local name=$1 port=$2 started
    shift 2
    # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
    env PLATFORM_DATA_DIR="$DATA_DIR/$name" PLATFORM_JWT_SECRET="$SECRET" "$@" \
        java ${JAVA_OPTS:-} -jar "$(jar "$name")" --server.port="$port" >"$DATA_DIR/$name.log" 2>&1 </dev/null &
    PIDS+=("$!")
    started=$SECONDS
    until [[ $(curl -s -m 2 "http://127.0.0.1:$port/actuator/health/readiness" || true) == *'"UP"'* ]]; do
        ((SECONDS - started < 90)) || die "$name not ready within 90 s (see $OUT/$name.log)"
        sleep 0.5
    done
    log "$name ready on 127.0.0.1:$port after $((SECONDS - started)) s"
}
