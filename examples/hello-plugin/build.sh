#!/usr/bin/env bash
# Builds the example plugin's images offline, from the host's static busybox and the shell scripts in files/,
# with `docker import` (no base image is pulled), and optionally pushes them to a registry.
#
# Usage: build.sh [REGISTRY] [--push] [--rootfs-only]
#   REGISTRY       where --push sends the images (default 127.0.0.1:5000)
#   --push         tag the images as REGISTRY/examples/plugin-hello:TAG and push them
#   --rootfs-only  only build the root file systems and their tar files under build/ (no Docker needed)
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
readonly HERE
readonly BUILD_DIR=$HERE/build
readonly BUSYBOX=/bin/busybox
readonly PLUGIN_ID=plugin-hello
readonly REPOSITORY=examples/plugin-hello
# "tag healthy": the version baked into each image is its tag; the broken one never reports ready.
readonly VARIANTS=(
    "1.0.0 true"
    "1.1.0 true"
    "1.2.0-broken false"
)

log() { printf '[hello-plugin] %s\n' "$*"; }
die() {
    printf '[hello-plugin] ERROR: %s\n' "$*" >&2
    exit 1
}

usage() { sed -n '2,9s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }

ensure_busybox() {
    if ! dpkg-query -W -f='${Status}' busybox-static 2>/dev/null | grep -q 'ok installed'; then
        ((EUID == 0)) || die "the Debian package busybox-static is needed: sudo apt-get install busybox-static"
        log "installing busybox-static"
        DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=600 install -y busybox-static >/dev/null ||
            {
                DEBIAN_FRONTEND=noninteractive apt-get -q update >/dev/null &&
                    DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=600 install -y busybox-static >/dev/null
            } || die "could not install busybox-static"
    fi
    [[ -x $BUSYBOX ]] || die "$BUSYBOX not found"
    # The image has no C library: a dynamically linked busybox would not start in it.
    if command -v ldd >/dev/null && ldd "$BUSYBOX" >/dev/null 2>&1; then
        die "$BUSYBOX is dynamically linked; install busybox-static"
    fi
}

ensure_docker() {
    command -v docker >/dev/null || die "docker not found (Debian package docker.io); or use --rootfs-only"
    docker info >/dev/null 2>&1 ||
        die "the Docker daemon does not answer; start it with scripts/start-test-infra.sh (as root)"
}

# make_rootfs TAG HEALTHY: builds build/rootfs-TAG and build/plugin-hello-TAG.tar.
make_rootfs() {
    local tag=$1 healthy=$2 root=$BUILD_DIR/rootfs-$1 applet
    rm -rf "$root"
    mkdir -p "$root"/bin "$root"/etc "$root"/tmp
    cp -R "$HERE"/files/. "$root"/
    cp "$BUSYBOX" "$root"/bin/busybox
    for applet in $("$root"/bin/busybox --list); do
        [[ -e $root/bin/$applet || -L $root/bin/$applet ]] || ln -s busybox "$root/bin/$applet"
    done
    cat >"$root"/etc/plugin.conf <<EOF
PLUGIN_ID=$PLUGIN_ID
PLUGIN_VERSION=$tag
PLUGIN_HEALTHY=$healthy
EOF
    printf 'root:x:0:0:root:/:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$root"/etc/passwd
    printf 'root:x:0:\nnogroup:x:65534:\n' >"$root"/etc/group
    chmod 755 "$root" "$root"/bin "$root"/etc
    chmod 644 "$root"/etc/plugin.conf "$root"/etc/passwd "$root"/etc/group
    chmod 1777 "$root"/tmp
    chmod 755 "$root"/bin/start "$root"/bin/serve "$root"/www/cgi-bin/*
    # Fixed order, owners and times: the same sources give the same layer, so a second push uploads nothing.
    tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$root" -cf "$BUILD_DIR/$PLUGIN_ID-$tag.tar" .
}

# import_image TAG: imports the tar file as examples/plugin-hello:TAG.
import_image() {
    local tag=$1 ref=$REPOSITORY:$1
    docker import \
        --change 'ENTRYPOINT ["/bin/start"]' \
        --change 'ENV PORT=50051' \
        --change 'EXPOSE 50051' \
        --change 'USER 65534:65534' \
        --change "LABEL org.opencontainers.image.title=$PLUGIN_ID org.opencontainers.image.version=$tag" \
        --message "$PLUGIN_ID $tag, built by examples/hello-plugin/build.sh" \
        - "$ref" <"$BUILD_DIR/$PLUGIN_ID-$tag.tar" >/dev/null
    log "imported $ref"
}

check_registry() {
    local registry=$1 host=${1%:*}
    # Only a loopback registry is checked here; for others `docker push` reports what goes wrong.
    case $host in
        127.* | localhost)
            curl -fsS -m 5 -o /dev/null "http://$registry/v2/" ||
                die "no registry answers on http://$registry/v2/; start one with scripts/start-test-infra.sh (as root)"
            ;;
    esac
}

push_image() {
    local registry=$1 tag=$2 target=$1/$REPOSITORY:$2 previous
    previous=$(docker image inspect -f '{{.Id}}' "$target" 2>/dev/null || true)
    docker tag "$REPOSITORY:$tag" "$target"
    docker push -q "$target" >/dev/null || die "docker push $target failed"
    # An earlier build of the same tag is now untagged: drop it (it stays if a container still uses it).
    if [[ -n $previous && $previous != "$(docker image inspect -f '{{.Id}}' "$target")" ]]; then
        docker image rm "$previous" >/dev/null 2>&1 || true
    fi
    log "pushed $target"
}

main() {
    local registry=127.0.0.1:5000 push=false rootfs_only=false arg
    for arg in "$@"; do
        case $arg in
            --push) push=true ;;
            --rootfs-only) rootfs_only=true ;;
            -h | --help)
                usage
                return 0
                ;;
            -*) die "unknown option $arg (see --help)" ;;
            *) registry=$arg ;;
        esac
    done
    [[ $registry =~ ^[A-Za-z0-9.-]+(:[0-9]+)?$ ]] || die "invalid registry '$registry' (host[:port])"
    if $rootfs_only && $push; then
        die "--rootfs-only and --push exclude each other"
    fi

    ensure_busybox
    $rootfs_only || ensure_docker
    $push && check_registry "$registry"
    mkdir -p "$BUILD_DIR"

    local variant tag healthy
    for variant in "${VARIANTS[@]}"; do
        read -r tag healthy <<<"$variant"
        make_rootfs "$tag" "$healthy"
        log "built $BUILD_DIR/$PLUGIN_ID-$tag.tar"
        $rootfs_only && continue
        import_image "$tag"
        $push && push_image "$registry" "$tag"
    done
    return 0
}

main "$@"
