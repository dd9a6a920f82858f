#!/usr/bin/env bash
# Benchmark (not a test): for each example under scripts/bench/<name>/, builds the naive Dockerfile
# (one RUN per step, no cleanup) and the merged one (what the DSL renders: consecutive RUNs merged
# into one chain that ends with package-manager cleanup) with buildah, without cache, and prints a
# Markdown table of image size, layer count and build time.
#
# The Dockerfiles are the rendered models of dsl-examples BenchDockerfiles (a test checks they
# are up to date). Needs the local base images of scripts/setup-buildah.sh. Usage:
#   scripts/bench-images.sh [NAME...]      (default: every example; KEEP=1 keeps the images)
set -euo pipefail
cd "$(dirname "$0")/bench"

buildah() { command buildah --storage-driver vfs "$@"; }

names=("$@")
((${#names[@]})) || names=(*/)
names=("${names[@]%/}")

printf '| example | variant | image size (MB) | layers | build time (s) |\n'
printf '|---|---|---:|---:|---:|\n'
for name in "${names[@]}"; do
  for variant in naive merged; do
    tag="localhost/dsl-bench-$name:$variant"
    t0=$(date +%s.%N)
    buildah bud --isolation chroot --pull=never --layers --no-cache -q \
      -f "$name/$variant.Dockerfile" -t "$tag" "$name/context" >/dev/null 2>"/tmp/dsl-bench-$name-$variant.log" \
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
    [[ ${KEEP:-0} == 1 ]] || buildah rmi "$tag" >/dev/null
  done
done
(($#)) || { echo; ../bench-rebuild.sh; } # with no NAME: also the rebuild benchmark (DF213)
