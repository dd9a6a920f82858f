#!/usr/bin/env bash
# Reproducible builds: builds the project twice from the same sources (release profile, so the
# sources and Javadoc jars too, tests skipped) and compares every jar byte for byte.
#
# Usage: scripts/check-reproducible.sh [DEPLOY_DIR]
#   With DEPLOY_DIR (absolute), the first build is the release deploy
#   `mvn -Prelease deploy -DaltDeploymentRepository=local::file:DEPLOY_DIR`, which
#   scripts/consumer-smoke.sh can then use. Exits 1 when a jar differs between the builds.
set -euo pipefail
cd "$(dirname "$0")/.."

deploy_dir=${1:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mvn_args=(-B -q -Dstyle.color=never -Prelease -DskipTests -Dinvoker.skip=true)

collect() { # copies every module's jars to $1, keeping the module folder
  local out=$1 jar
  mkdir -p "$out"
  while IFS= read -r jar; do
    mkdir -p "$out/$(dirname "$jar")"
    cp -p "$jar" "$out/$jar"
  done < <(find . -mindepth 3 -maxdepth 3 -path './*/target/*.jar' -not -path './consumer-sample/*' \
    | sed 's|^\./||' | sort)
}

start=$(date +%s)
if [[ -n $deploy_dir ]]; then
  mkdir -p "$deploy_dir"
  mvn "${mvn_args[@]}" clean deploy -DaltDeploymentRepository="local::file:$deploy_dir"
else
  mvn "${mvn_args[@]}" clean verify
fi
collect "$work/first"
echo "check-reproducible: first build $(( $(date +%s) - start ))s"

start=$(date +%s)
mvn "${mvn_args[@]}" clean verify
collect "$work/second"
echo "check-reproducible: second build $(( $(date +%s) - start ))s"

status=0
(cd "$work/first" && find . -name '*.jar' | sort) > "$work/first.list"
(cd "$work/second" && find . -name '*.jar' | sort) > "$work/second.list"
if ! diff -u "$work/first.list" "$work/second.list"; then
  echo "check-reproducible: the two builds made different sets of jars" >&2
  status=1
fi
count=0
while IFS= read -r jar; do
  [[ -f "$work/second/$jar" ]] || continue
  count=$((count + 1))
  if ! cmp -s "$work/first/$jar" "$work/second/$jar"; then
    echo "check-reproducible: ${jar#./} differs between two builds of the same sources" >&2
    if command -v unzip >/dev/null 2>&1; then
      diff <(unzip -lv "$work/first/$jar" | awk 'NR>3 {print $1, $5, $6, $7, $8}') \
           <(unzip -lv "$work/second/$jar" | awk 'NR>3 {print $1, $5, $6, $7, $8}') >&2 || true
    fi
    status=1
  fi
done < "$work/first.list"
if [[ $status == 0 ]]; then
  echo "check-reproducible: $count jars byte-identical across two builds"
fi
exit $status
