#!/usr/bin/env bash
# Benchmark (not a test) for lint rule DF213 CacheOrder: how long a rebuild takes after one source
# file changed, for a Dockerfile that copies all sources before installing the dependencies
# (naive) and one that copies the dependency manifests, installs, then copies the sources
# (ordered, what `dockerfile-dsl lint --fix` writes). For each example under
# scripts/bench-rebuild/<name>/ and each variant: a cold build (--no-cache), then REPEAT times
# "change one source file, rebuild with --layers"; prints a Markdown table of the cold build time
# and the median rebuild time, and how many steps each rebuild ran instead of taking them from the
# cache.
#
# There is no network: the base image (scripts/bench-rebuild/base) is busybox with an offline
# stand-in for pip and npm that spends CPU time per dependency like a build (gzip -9 of WORK_MB,
# default 24, MiB of pseudo-random data) and writes a small payload. Needs the local base images
# of scripts/setup-buildah.sh.
# Usage: scripts/bench-rebuild.sh [NAME...]   (default: python node; REPEAT=3, KEEP=1 keeps images)
set -euo pipefail
here="$(cd "$(dirname "$0")/bench-rebuild" && pwd)"
repeat=${REPEAT:-3}
buildah() { command buildah --storage-driver vfs "$@"; }

names=("$@")
((${#names[@]})) || names=(python node)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

buildah bud --isolation chroot --pull=never -q --build-arg "WORK_MB=${WORK_MB:-24}" \
  -t localhost/dsl-bench-base:latest "$here/base" >/dev/null

# build VARIANT_FILE CONTEXT TAG [--no-cache]: prints "seconds steps-run"
build() {
  local log="$work/build.log" t0 t1
  t0=$(date +%s.%N)
  buildah bud --isolation chroot --pull=never --layers ${4:-} -f "$1" -t "$3" "$2" >"$log" 2>&1 \
    || { tail -n 20 "$log" >&2; exit 1; }
  t1=$(date +%s.%N)
  # a step taken from the cache prints "--> Using cache"; the others run (FROM is not counted)
  local steps cached
  steps=$(($(grep -c '^STEP [0-9]*/[0-9]*:' "$log" || true) - 1))
  cached=$(grep -c -- '--> Using cache' "$log" || true)
  awk -v a="$t0" -v b="$t1" -v r=$((steps - cached)) -v s="$steps" \
    'BEGIN { printf "%.2f %d/%d\n", b - a, r, s }'
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

printf '| example | variant | cold build (s) | rebuild after a source change (s, median of %d) | steps run / all after FROM in the rebuild |\n' "$repeat"
printf '|---|---|---:|---:|---:|\n'
for name in "${names[@]}"; do
  case $name in
    python) changed=app/models.py ;;
    node) changed=src/version.js ;;
    *) echo "unknown example $name" >&2; exit 2 ;;
  esac
  for variant in naive ordered; do
    ctx="$work/$name-$variant"
    rm -rf "$ctx"
    cp -r "$here/$name/context" "$ctx"
    tag="localhost/dsl-bench-rebuild-$name:$variant"
    read -r cold _ < <(build "$here/$name/$variant.Dockerfile" "$ctx" "$tag" --no-cache)
    # a --no-cache build does not leave layers that later COPY steps match: build once more with
    # --layers (not timed) so the rebuilds below start from a warm cache, as on a developer machine
    build "$here/$name/$variant.Dockerfile" "$ctx" "$tag" >/dev/null
    times=()
    steps=
    for ((i = 1; i <= repeat; i++)); do
      echo "VERSION = $i  # changed $(date +%s%N)" >"$ctx/$changed"
      read -r t steps < <(build "$here/$name/$variant.Dockerfile" "$ctx" "$tag")
      times+=("$t")
    done
    med=$(printf '%s\n' "${times[@]}" | median)
    printf '| %s | %s | %.1f | %.1f | %s |\n' "$name" "$variant" "$cold" "$med" "$steps"
    [[ ${KEEP:-0} == 1 ]] || buildah rmi "$tag" >/dev/null 2>&1 || true
  done
done
[[ ${KEEP:-0} == 1 ]] || buildah rmi localhost/dsl-bench-base:latest >/dev/null 2>&1 || true
