#!/usr/bin/env bash
# Runs each example plugin image for real with host networking on 127.0.0.1:PORT, checks /health and
# /hello, and removes the container. Build the images first with ./build.sh (add --push to test the registry).
#
# Usage: smoke-test.sh [--registry REGISTRY] [--port PORT]
#   --registry REGISTRY  pull REGISTRY/examples/plugin-hello:TAG afresh and test those images
#                        (default: the local examples/plugin-hello:TAG images)
#   --port PORT          the port the plugin listens on (default 18080)
set -euo pipefail

readonly REPOSITORY=examples/plugin-hello
readonly PLUGIN_ID=plugin-hello
# "tag expected-health-status"
readonly CASES=(
    "1.0.0 200"
    "1.1.0 200"
    "1.2.0-broken 503"
)

log() { printf '[smoke-test] %s\n' "$*"; }
fail() {
    printf '[smoke-test] FAIL: %s\n' "$*" >&2
    failures=$((failures + 1))
}

registry='' port=18080 failures=0 container=''
while (($# > 0)); do
    case $1 in
        --registry) registry=${2:?--registry needs a value}; shift 2 ;;
        --port) port=${2:?--port needs a value}; shift 2 ;;
        -h | --help) sed -n '2,8s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) echo "unknown argument $1" >&2; exit 64 ;;
    esac
done

cleanup() { [[ -z $container ]] || docker rm -f "$container" >/dev/null 2>&1 || true; }
trap cleanup EXIT

# http_status URL [curl args...]: prints the status code, or 000 when nothing answers.
http_status() { curl -s -o /dev/null -w '%{http_code}' -m 3 "$@" || true; }

check() { # tag expected-health-status
    local tag=$1 expected=$2 image status body deadline
    image=${registry:+$registry/}$REPOSITORY:$tag
    if [[ -n $registry ]]; then
        docker image rm "$image" >/dev/null 2>&1 || true
        docker pull -q "$image" >/dev/null || { fail "$image: pull failed"; return; }
    fi
    container=$(docker run -d --network host -e "PORT=$port" --name "plugin-hello-smoke-$$" "$image")
    deadline=$((SECONDS + 15))
    status=000
    while [[ $status == 000 ]] && ((SECONDS < deadline)); do
        sleep 0.2
        status=$(http_status "http://127.0.0.1:$port/health")
    done
    [[ $status == "$expected" ]] || fail "$image: GET /health answered $status, expected $expected"

    body=$(curl -s -m 3 -X POST -H 'Content-Type: application/json' -d '{"name":"smoke"}' "http://127.0.0.1:$port/hello" || true)
    [[ $body == *"\"plugin_id\":\"$PLUGIN_ID\""* && $body == *"\"version\":\"$tag\""* ]] ||
        fail "$image: POST /hello answered '$body'"
    status=$(http_status "http://127.0.0.1:$port/hello")
    [[ $status == 405 ]] || fail "$image: GET /hello answered $status, expected 405"
    status=$(http_status "http://127.0.0.1:$port/nothing-here")
    [[ $status == 404 ]] || fail "$image: GET /nothing-here answered $status, expected 404"

    docker rm -f "$container" >/dev/null
    container=''
    log "$image: /health $expected, /hello $body"
}

if ! docker info >/dev/null 2>&1; then
    echo "[smoke-test] the Docker daemon does not answer (scripts/start-test-infra.sh starts one)" >&2
    exit 1
fi
if [[ $(http_status "http://127.0.0.1:$port/") != 000 ]]; then
    echo "[smoke-test] port $port is already in use; choose another with --port" >&2
    exit 1
fi
for case in "${CASES[@]}"; do
    read -r tag expected <<<"$case"
    check "$tag" "$expected"
done
if ((failures > 0)); then
    log "$failures check(s) failed"
    exit 1
fi
log "all images passed"
