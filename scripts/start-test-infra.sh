#!/usr/bin/env bash
# Installs and starts what the integration tests and the example plugin need on this machine:
#   - Debian packages docker.io, docker-registry, busybox-static, wrk, docker-compose (only the missing ones);
#   - a Docker Engine without a bridge network (containers run with host networking; only loopback is reachable);
#   - a CNCF distribution registry on 127.0.0.1:5000 with filesystem storage in a temporary folder.
# Idempotent: whatever is already installed or already answering is left alone. Installing needs root.
#
# Environment: INFRA_STATE_DIR (default /tmp/plugin-platform-infra: logs, registry config),
#              INFRA_WAIT_SECONDS (default 60: how long to wait for each daemon to answer),
#              INFRA_REGISTRY_ADDR (default 127.0.0.1:5000).
set -euo pipefail

readonly PACKAGES=(docker.io docker-registry busybox-static wrk docker-compose)
readonly STATE_DIR=${INFRA_STATE_DIR:-/tmp/plugin-platform-infra}
readonly WAIT_SECONDS=${INFRA_WAIT_SECONDS:-60}
readonly REGISTRY_ADDR=${INFRA_REGISTRY_ADDR:-127.0.0.1:5000}
readonly DOCKER_SOCKET=/var/run/docker.sock

log() { printf '[infra] %s\n' "$*"; }
die() {
    printf '[infra] ERROR: %s\n' "$*" >&2
    exit 1
}

is_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'ok installed'; }

install_missing_packages() {
    local missing=() pkg
    command -v curl >/dev/null || missing+=(curl)
    for pkg in "${PACKAGES[@]}"; do
        is_installed "$pkg" || missing+=("$pkg")
    done
    if ((${#missing[@]} == 0)); then
        log "packages present: ${PACKAGES[*]}"
        return
    fi
    ((EUID == 0)) || die "missing Debian packages: ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]})"
    command -v apt-get >/dev/null || die "missing packages ${missing[*]} and no apt-get to install them"
    log "installing: ${missing[*]} (apt output in $STATE_DIR/apt.log)"
    export DEBIAN_FRONTEND=noninteractive
    # Another apt run (an image's provisioning, say) may hold the dpkg lock: wait for it rather than fail.
    local apt_opts=(-q -o DPkg::Lock::Timeout=900)
    if ! { apt-get "${apt_opts[@]}" update && apt-get "${apt_opts[@]}" install -y "${missing[@]}"; } \
        >>"$STATE_DIR/apt.log" 2>&1; then
        tail -n 30 "$STATE_DIR/apt.log" >&2
        die "apt-get failed installing ${missing[*]} (full log: $STATE_DIR/apt.log)"
    fi
    for pkg in "${missing[@]}"; do
        is_installed "$pkg" || die "package $pkg is still not installed after apt-get (see $STATE_DIR/apt.log)"
    done
    log "installed: ${missing[*]}"
}

docker_answers() { curl -fsS -m 3 --unix-socket "$DOCKER_SOCKET" http://localhost/_ping >/dev/null 2>&1; }

registry_status() { curl -s -o /dev/null -w '%{http_code}' -m 3 "http://$REGISTRY_ADDR/v2/" 2>/dev/null || true; }

# wait_until SECONDS DESCRIPTION COMMAND...: polls COMMAND every half second.
wait_until() {
    local seconds=$1 what=$2 deadline
    shift 2
    deadline=$((SECONDS + seconds))
    until "$@"; do
        ((SECONDS < deadline)) || return 1
        sleep 0.5
    done
    log "$what answers"
}

start_dockerd() {
    if docker_answers; then
        log "dockerd already answers on $DOCKER_SOCKET"
        return
    fi
    if pgrep -x dockerd >/dev/null; then
        log "a dockerd process exists but does not answer yet; waiting for it"
    else
        command -v dockerd >/dev/null || die "dockerd not found (package docker.io)"
        ((EUID == 0)) || die "dockerd is not running and starting it needs root"
        log "starting dockerd without a bridge (log: $STATE_DIR/dockerd.log)"
        # No bridge and no iptables: this machine only allows loopback traffic, so test containers use host networking.
        nohup dockerd --bridge=none --iptables=false --ip-masq=false --ip-forward=false \
            >>"$STATE_DIR/dockerd.log" 2>&1 </dev/null &
    fi
    if ! wait_until "$WAIT_SECONDS" "dockerd" docker_answers; then
        tail -n 30 "$STATE_DIR/dockerd.log" >&2 2>/dev/null || true
        die "dockerd did not answer on $DOCKER_SOCKET within ${WAIT_SECONDS}s (log: $STATE_DIR/dockerd.log)"
    fi
}

registry_ready() { [[ $(registry_status) == 200 ]]; }

start_registry() {
    local status
    status=$(registry_status)
    case $status in
        200)
            log "registry already answers on http://$REGISTRY_ADDR/v2/"
            return
            ;;
        000) ;; # nothing listening
        *) die "something else answers on $REGISTRY_ADDR (HTTP $status on /v2/); stop it or free the port" ;;
    esac
    command -v docker-registry >/dev/null || die "docker-registry not found (package docker-registry)"
    local storage config=$STATE_DIR/registry.yml
    storage=$(mktemp -d /tmp/plugin-platform-registry.XXXXXX)
    cat >"$config" <<YAML
version: 0.1
log:
  level: warn
  fields:
    service: registry
storage:
  filesystem:
    rootdirectory: $storage
  delete:
    enabled: true
  cache:
    blobdescriptor: inmemory
http:
  addr: $REGISTRY_ADDR
  headers:
    X-Content-Type-Options: [nosniff]
YAML
    log "starting docker-registry on $REGISTRY_ADDR, storage $storage (log: $STATE_DIR/registry.log)"
    nohup docker-registry serve "$config" >>"$STATE_DIR/registry.log" 2>&1 </dev/null &
    if ! wait_until "$WAIT_SECONDS" "registry" registry_ready; then
        tail -n 30 "$STATE_DIR/registry.log" >&2 2>/dev/null || true
        die "the registry did not answer on http://$REGISTRY_ADDR/v2/ within ${WAIT_SECONDS}s (log: $STATE_DIR/registry.log)"
    fi
}

main() {
    mkdir -p "$STATE_DIR"
    install_missing_packages
    start_dockerd
    start_registry
}

main "$@"
