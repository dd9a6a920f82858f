#!/usr/bin/env bash
# Installs what the registry integration tests need: Debian's docker-registry (the CNCF
# distribution registry) and apache2-utils (htpasswd, for the authenticated registry).
#
# The tests start their own registry on a free loopback port with a temporary configuration and
# stop it again; nothing here starts one. The package's install may start and enable a system
# service that listens on all interfaces (where no policy-rc.d forbids it): it is stopped and
# disabled.
#
# Idempotent. Needs root for apt-get.
set -euo pipefail

log() { printf 'setup-registry: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

start=$(date +%s)
missing=()
for pkg in docker-registry apache2-utils; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done
if ((${#missing[@]})); then
  [[ $(id -u) -eq 0 ]] || die "packages ${missing[*]} are missing and installing them needs root"
  log "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  log "packages already installed: docker-registry apache2-utils"
fi
command -v docker-registry >/dev/null || die "docker-registry is not on PATH after installation"
command -v htpasswd >/dev/null || die "htpasswd is not on PATH after installation"

# A system service the install may have started: stop it and keep it from starting again.
if command -v systemctl >/dev/null 2>&1 && [[ -d /run/systemd/system ]]; then
  systemctl disable --now docker-registry.service >/dev/null 2>&1 || true
fi
if [[ -x /etc/init.d/docker-registry ]]; then
  /etc/init.d/docker-registry stop >/dev/null 2>&1 || true
  command -v update-rc.d >/dev/null 2>&1 && update-rc.d docker-registry disable >/dev/null 2>&1 || true
fi
# Whatever started it, a daemon running as the package's user with the package's config is it.
if pids=$(pgrep -u docker-registry -f 'docker-registry serve /etc/docker/registry/config.yml' 2>/dev/null); then
  for pid in $pids; do
    log "stopping the system registry (pid $pid)"
    kill "$pid" 2>/dev/null || true
  done
fi

log "done in $(( $(date +%s) - start ))s"
