#!/usr/bin/env bash
# Benchmark (not a test): for each example under scripts/bench/<name>/, builds with buildah,
# without cache, each variant that is there and prints a Markdown table of image size, layer
# count and build time:
#   naive      one RUN per step, no cleanup
#   merged     what the DSL's builder renders: consecutive RUNs merged, package-manager cleanup
#   optimized  what the optimizer passes (Passes.defaults()) make of naive.Dockerfile
#   seed       the hand-written best-practice form
# A build fails if any RUN fails, so a finished build shows that every later RUN still
# succeeds. Where both optimized and seed are there, the script checks that the optimized image
# is no larger than the seed's and exits 1 otherwise.
#
# merged/naive are the rendered models of dsl-examples BenchDockerfiles and optimized is checked
# by dsl-core's BenchPassesTest (tests keep them up to date). Needs the local base images of
# scripts/setup-buildah.sh. Usage:
#   scripts/bench-images.sh [NAME...]      (default: every example; KEEP=1 keeps the images)
set -euo pipefail
cd "$(dirname "$0")/bench"

buildah() { command buildah --storage-driver vfs "$@"; }

names=("$@")
((${#names[@]})) || names=(*/)
names=("${names[@]%/}")

printf '| example | variant | image size (MB) | layers | build time (s) |\n'
printf '|---|---|---:|---:|---:|\n'
status=0
checks=()
for name in "${names[@]}"; do
  declare -A sizes=()
  ctx="$name/context"
  [[ -d $ctx ]] || ctx="$name" # an example without files to copy
  for variant in naive merged optimized seed; do
    [[ -f "$name/$variant.Dockerfile" ]] || continue
    tag="localhost/dsl-bench-$name:$variant"
    t0=$(date +%s.%N)
    buildah bud --isolation chroot --pull=never --layers --no-cache -q \
      -f "$name/$variant.Dockerfile" -t "$tag" "$ctx" >/dev/null 2>"/tmp/dsl-bench-$name-$variant.log" \
      || { tail -n 20 "/tmp/dsl-bench-$name-$variant.log" >&2; exit 1; }
    t1=$(date +%s.%N)
    # size: the sum of the (uncompressed) layer sizes; layers: the number of layer diffs
    read -r size layers < <(buildah inspect --type image "$tag" | python3 -c '
import json, sys
d = json.load(sys.stdin)
m = json.loads(d["Manifest"])
print(sum(l["size"] for l in m["layers"]), len(d["OCIv1"]["rootfs"]["diff_ids"]))')
    awk -v n="$name" -v v="$variant" -v s="$size" -v l="$layers" -v a="$t0" -v b="$t1" \
      'BEGIN { printf "| %s | %s | %.1f | %d | %.1f |\n", n, v, s / 1e6, l, b - a }'
    sizes[$variant]=$size
    [[ ${KEEP:-0} == 1 ]] || buildah rmi "$tag" >/dev/null
  done
  if [[ -n ${sizes[optimized]:-} && -n ${sizes[seed]:-} ]]; then
    if ((sizes[optimized] <= sizes[seed])); then
      checks+=("$name: optimized (${sizes[optimized]} B) is no larger than seed (${sizes[seed]} B)")
    else
      checks+=("$name: FAILED: optimized (${sizes[optimized]} B) is larger than seed (${sizes[seed]} B)")
      status=1
    fi
  fi
  unset sizes
done
(($#)) || { echo; ../bench-rebuild.sh; } # with no NAME: also the rebuild benchmark (DF213)
for c in "${checks[@]}"; do printf '\n%s\n' "$c"; done
exit $status
