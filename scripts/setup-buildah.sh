#!/usr/bin/env bash
# Installs buildah (daemonless, no registry) and creates two local base images:
#   debian:bookworm-slim  debootstrap --variant=minbase bookworm, imported with FROM scratch + ADD
#   busybox:latest        the static busybox binary from Debian's busybox-static package
#
# Idempotent: packages already installed and images already present are skipped.
# Needs root for apt-get and debootstrap. The Debian mirror is read at run time from this
# machine's apt sources (/etc/apt/sources.list and /etc/apt/sources.list.d/*), never hard-coded.
#
# Every buildah call uses the same storage flags as the integration tests:
#   --storage-driver vfs and --isolation chroot (buildah 1.28 ignores STORAGE_DRIVER, so the flag
#   is passed on every call).
#
# Environment:
#   SUITE        Debian suite for the base image (default: bookworm)
#   WORK_DIR     scratch directory (default: a fresh temporary directory, removed at exit)
#   FORCE=1      rebuild the base images even when they exist
set -euo pipefail

SUITE="${SUITE:-bookworm}"
buildah() { command buildah --storage-driver vfs "$@"; }

log() { printf 'setup-buildah: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

start=$(date +%s)

# --- packages --------------------------------------------------------------------------------
missing=()
for pkg in buildah debootstrap busybox-static; do
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
  log "packages already installed: buildah debootstrap busybox-static"
fi
command -v buildah >/dev/null || die "buildah is not on PATH after installation"

image_exists() { buildah inspect --type image "$1" >/dev/null 2>&1; }

# --- mirror ----------------------------------------------------------------------------------
# Prints the first Debian archive URI of the machine's apt sources that serves $SUITE
# (deb822 .sources files first, then one-line sources.list entries); security archives are skipped.
debian_mirror() {
  local f
  for f in /etc/apt/sources.list.d/*.sources; do
    [[ -f $f ]] || continue
    awk -v suite="$SUITE" '
      function flush() {
        if (types ~ /(^| )deb( |$)/ && (" " suites " ") ~ (" " suite " ") && uris !~ /security/) {
          split(uris, u, " "); print u[1]; found = 1; exit
        }
        types = ""; uris = ""; suites = ""
      }
      /^[ \t]*$/ { flush(); next }
      /^[ \t]*#/ { next }
      /^Types:/  { sub(/^Types:[ \t]*/, "");  types = $0 }
      /^URIs:/   { sub(/^URIs:[ \t]*/, "");   uris = $0 }
      /^Suites:/ { sub(/^Suites:[ \t]*/, ""); suites = $0 }
      END { if (!found) flush() }
    ' "$f" | head -n 1
  done
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [[ -f $f ]] || continue
    # deb [options] URI SUITE COMPONENTS...
    sed -e 's/#.*//' -e 's/\[[^]]*\]//' "$f" \
      | awk -v suite="$SUITE" '$1 == "deb" && $3 == suite && $2 !~ /security/ { print $2 }'
  done
}

# --- debian:bookworm-slim --------------------------------------------------------------------
if [[ ${FORCE:-0} != 1 ]] && image_exists "debian:${SUITE}-slim"; then
  log "image debian:${SUITE}-slim exists, skipped"
else
  [[ $(id -u) -eq 0 ]] || die "debootstrap needs root"
  mirror=$(debian_mirror | head -n 1)
  [[ -n $mirror ]] || die "no Debian mirror for suite '$SUITE' in /etc/apt/sources.list or /etc/apt/sources.list.d"
  work="${WORK_DIR:-$(mktemp -d)}"
  [[ -n ${WORK_DIR:-} ]] || trap 'rm -rf "$work"' EXIT
  log "debootstrap --variant=minbase $SUITE from the machine's mirror into $work/rootfs"
  t0=$(date +%s)
  rm -rf "$work/rootfs"
  debootstrap --variant=minbase "$SUITE" "$work/rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 \
    || { tail -n 30 "$work/debootstrap.log" >&2; die "debootstrap failed"; }
  # like the official slim image: no package lists, no apt caches in the base layer
  rm -rf "$work/rootfs/var/lib/apt/lists/"* "$work/rootfs/var/cache/apt/"*.bin \
         "$work/rootfs/var/cache/apt/archives/"*.deb
  log "debootstrap took $(( $(date +%s) - t0 ))s"
  mkdir -p "$work/debian"
  tar --numeric-owner --sort=name --mtime='@0' -C "$work/rootfs" -cf "$work/debian/rootfs.tar" .
  cat >"$work/debian/Dockerfile" <<'EOF'
FROM scratch
ADD rootfs.tar /
CMD ["bash"]
EOF
  buildah bud --isolation chroot --pull=never --layers \
    -t "debian:${SUITE}-slim" "$work/debian" >&2
  rm -rf "$work/rootfs" "$work/debian"
fi

# --- busybox:latest --------------------------------------------------------------------------
if [[ ${FORCE:-0} != 1 ]] && image_exists "busybox:latest"; then
  log "image busybox:latest exists, skipped"
else
  bb=/bin/busybox
  [[ -x $bb ]] || die "static busybox not found at $bb (package busybox-static)"
  ctx=$(mktemp -d)
  mkdir -p "$ctx/rootfs/bin" "$ctx/rootfs/tmp" "$ctx/rootfs/etc" "$ctx/rootfs/root"
  cp "$bb" "$ctx/rootfs/bin/busybox"
  # one symlink per applet, as the official image has
  for applet in $("$bb" --list); do
    [[ $applet == busybox ]] || ln -sf busybox "$ctx/rootfs/bin/$applet"
  done
  chmod 1777 "$ctx/rootfs/tmp"
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n' >"$ctx/rootfs/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$ctx/rootfs/etc/group"
  tar --numeric-owner --owner=0 --group=0 --sort=name --mtime='@0' -C "$ctx/rootfs" -cf "$ctx/rootfs.tar" .
  printf 'FROM scratch\nADD rootfs.tar /\nCMD ["sh"]\n' >"$ctx/Dockerfile"
  buildah bud --isolation chroot --pull=never --layers \
    -t busybox:latest "$ctx" >&2
  rm -rf "$ctx"
fi

buildah images >&2
log "done in $(( $(date +%s) - start ))s"
