#!/usr/bin/env bash
# Podman's Docker API on a unix socket, for the Testcontainers tests (module dsl-testing).
#
#   setup-podman.sh start   installs podman, runc and buildah (Debian packages), writes the
#                           project's own container configuration, copies the local base images
#                           into the project's store, starts `podman system service` in the
#                           background and prints the variables to export (on stdout, for eval)
#   setup-podman.sh env     prints the variables again (the service must be running)
#   setup-podman.sh cli-env prints CONTAINERS_CONF, CONTAINERS_STORAGE_CONF and
#                           CONTAINERS_REGISTRIES_CONF, for podman and buildah commands by hand
#   setup-podman.sh stop    stops the service by the process id recorded at start
#
# Nothing under /etc is changed: podman and buildah read the project's files through
# CONTAINERS_CONF, CONTAINERS_STORAGE_CONF and CONTAINERS_REGISTRIES_CONF.
#
#   containers.conf  runc with cgroupfs (crun refuses hybrid cgroups), file events, ulimits
#                    within the machine's hard limits, netns "none", and a network_config_dir
#                    whose only network, the default `podman`, is a CNI list with the loopback
#                    plugin alone: containers see only `lo`; no bridge, no iptables rule.
#   storage.conf     the overlay driver in a store of its own (graphroot and runroot below);
#                    where overlay does not work, vfs in another store, with a message.
#   registries.conf  no search registries (nothing is pulled by a short name); a local registry
#                    on 127.0.0.1:5000 is marked insecure.
#
# Environment:
#   DSL_CONTAINERS_DIR  state directory: configuration, store, socket, pid and log
#                       (default /var/lib/dockerfile-dsl/containers)
#   DSL_STORAGE_DRIVER  overlay (default) or vfs
#   BASE_IMAGES         images copied from the default store when missing
#                       (default "debian:bookworm-slim busybox:latest"; scripts/setup-buildah.sh
#                       creates them there)
set -euo pipefail

DIR="${DSL_CONTAINERS_DIR:-/var/lib/dockerfile-dsl/containers}"
CONF="$DIR/conf"
SOCK="$DIR/podman.sock"
PIDFILE="$DIR/podman.pid"
LOG="$DIR/podman.log"
BASE_IMAGES="${BASE_IMAGES:-debian:bookworm-slim busybox:latest}"

log() { printf 'setup-podman: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# what Testcontainers needs: the socket, no Ryuk helper image, localhost as the host (the machine
# has a /.dockerenv file, so Testcontainers would otherwise think it runs in a container)
print_env() {
  cat <<EOF
export DOCKER_HOST='unix://$SOCK'
export TESTCONTAINERS_RYUK_DISABLED=true
export TESTCONTAINERS_HOST_OVERRIDE=localhost
EOF
}

# what the podman and buildah command lines need to use the project's store and settings
# (.ci/run exports them, so the buildah tests of dsl-examples use this store too)
print_cli_env() {
  cat <<EOF
export CONTAINERS_CONF='$CONF/containers.conf'
export CONTAINERS_STORAGE_CONF='$CONF/storage.conf'
export CONTAINERS_REGISTRIES_CONF='$CONF/registries.conf'
EOF
}

running() { [[ -f $PIDFILE ]] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; }

stop() {
  if running; then
    local pid
    pid=$(cat "$PIDFILE")
    kill "$pid"
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    log "stopped the podman service (pid $pid)"
  fi
  # containers left behind (a test killed half-way) keep their root file systems mounted
  if [[ -f $CONF/containers.conf ]] && command -v podman >/dev/null; then
    CONTAINERS_CONF="$CONF/containers.conf" CONTAINERS_STORAGE_CONF="$CONF/storage.conf" \
      CONTAINERS_REGISTRIES_CONF="$CONF/registries.conf" podman rm -a -f >/dev/null 2>&1 || true
  fi
  rm -f "$PIDFILE" "$SOCK"
}

install_packages() {
  local missing=() pkg
  for pkg in podman runc buildah containernetworking-plugins; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  if ((${#missing[@]})); then
    [[ $(id -u) -eq 0 ]] || die "packages ${missing[*]} are missing and installing them needs root"
    log "installing ${missing[*]}"
    # no service may start on installation (the podman package ships a socket unit)
    local policy=/usr/sbin/policy-rc.d created=0
    if [[ ! -e $policy ]]; then printf '#!/bin/sh\nexit 101\n' >"$policy"; chmod 755 "$policy"; created=1; fi
    local ok=1
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || ok=0
    if ((created)); then rm -f "$policy"; fi
    ((ok)) || die "apt-get install ${missing[*]} failed"
  fi
  command -v podman >/dev/null || die "podman is not on PATH after installation"
}

# write_config DRIVER: the four configuration files for a store of that driver
write_config() {
  local driver=$1
  mkdir -p "$CONF/networks" "$DIR/storage-$driver" "$DIR/run-$driver" "$DIR/tmp"
  cat >"$CONF/containers.conf" <<EOF
# generated by scripts/setup-podman.sh
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]
netns = "none"
log_driver = "k8s-file"

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
events_logfile_path = "$DIR/events.log"
tmp_dir = "$DIR/tmp"

[network]
network_backend = "cni"
network_config_dir = "$CONF/networks"
default_network = "podman"
EOF
  # the default network `podman`: loopback only (no bridge, no address range, no iptables)
  cat >"$CONF/networks/podman.conflist" <<'EOF'
{
  "cniVersion": "0.4.0",
  "name": "podman",
  "plugins": [ { "type": "loopback" } ]
}
EOF
  cat >"$CONF/storage.conf" <<EOF
# generated by scripts/setup-podman.sh
[storage]
driver = "$driver"
graphroot = "$DIR/storage-$driver"
runroot = "$DIR/run-$driver"
EOF
  cat >"$CONF/registries.conf" <<'EOF'
# generated by scripts/setup-podman.sh: nothing is pulled by a short name
unqualified-search-registries = []
short-name-mode = "permissive"

[[registry]]
location = "127.0.0.1:5000"
insecure = true
EOF
  export CONTAINERS_CONF="$CONF/containers.conf"
  export CONTAINERS_STORAGE_CONF="$CONF/storage.conf"
  export CONTAINERS_REGISTRIES_CONF="$CONF/registries.conf"
}

# buildah on the machine's default store (vfs), with the machine's own configuration
default_store_buildah() {
  env -u CONTAINERS_CONF -u CONTAINERS_STORAGE_CONF -u CONTAINERS_REGISTRIES_CONF \
    buildah --storage-driver vfs "$@"
}

# copy_images: the base images from the default store (vfs, scripts/setup-buildah.sh) into ours
copy_images() {
  local image archive
  for image in $BASE_IMAGES; do
    if podman image exists "$image"; then continue; fi
    default_store_buildah inspect --type image "$image" >/dev/null 2>&1 \
      || die "base image $image is in neither store (run scripts/setup-buildah.sh first)"
    archive="$DIR/tmp/image.tar"
    rm -f "$archive"
    local t0=$(date +%s)
    default_store_buildah push -q "$image" "docker-archive:$archive:localhost/$image" >/dev/null
    podman load -q -i "$archive" >/dev/null || { rm -f "$archive"; return 1; }
    rm -f "$archive"
    log "copied $image into the project's store in $(( $(date +%s) - t0 ))s"
  done
}

# smoke_test: a container starts and sees only the loopback interface
smoke_test() {
  local out
  out=$(podman run --rm --pull=never busybox:latest ip -o link 2>&1) || { printf '%s\n' "$out" >&2; return 1; }
  if grep -v ': lo:' <<<"$out" | grep -q .; then
    printf '%s\n' "$out" >&2
    die "a container sees a network interface other than lo"
  fi
}

start() {
  install_packages
  [[ $(id -u) -eq 0 ]] || die "the project's store needs root"
  stop
  mkdir -p "$DIR"
  local start_time=$(date +%s) driver="${DSL_STORAGE_DRIVER:-overlay}"
  write_config "$driver"
  if ! { copy_images && smoke_test; }; then
    [[ $driver == vfs ]] && die "podman does not run a container with the vfs driver either"
    log "WARNING: the $driver storage driver does not work here; falling back to vfs (slower)"
    driver=vfs
    write_config vfs
    copy_images
    smoke_test || die "podman does not run a container with the vfs driver either"
  fi
  log "storage driver: $driver ($DIR/storage-$driver)"
  # images in the Docker format keep HEALTHCHECK (the OCI format has no place for it)
  BUILDAH_FORMAT=docker podman system service --time=0 "unix://$SOCK" >"$LOG" 2>&1 &
  echo $! >"$PIDFILE"
  for _ in $(seq 100); do
    if curl -fsS --unix-socket "$SOCK" http://d/_ping >/dev/null 2>&1; then
      log "podman service (pid $(cat "$PIDFILE")) answers on $SOCK; set up in $(( $(date +%s) - start_time ))s"
      print_env
      return 0
    fi
    running || { tail -n 20 "$LOG" >&2; die "the podman service exited"; }
    sleep 0.1
  done
  tail -n 20 "$LOG" >&2
  stop
  die "the podman service does not answer on $SOCK"
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  env) running || die "the podman service is not running"; print_env ;;
  cli-env) print_cli_env ;;
  *) die "usage: $0 start|stop|env|cli-env" ;;
esac
