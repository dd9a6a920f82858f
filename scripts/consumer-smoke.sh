#!/usr/bin/env bash
# Consumer smoke test: builds consumer-sample/ (a Maven project outside the reactor) against the
# released artifacts only. Our artifacts come from DEPLOY_DIR (a file:// repository) through an
# empty temporary local repository; third-party artifacts come from the usual remote repository.
# Also checks that the BOM has the project's version and lists every deployed module.
#
# Usage: scripts/consumer-smoke.sh [DEPLOY_DIR]
#   DEPLOY_DIR (absolute) is what `mvn -Prelease deploy -DaltDeploymentRepository=local::file:DIR`
#   wrote (scripts/check-reproducible.sh DIR writes it); without it the release is deployed to a
#   temporary directory first.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
deploy_dir=${1:-}
if [[ -z $deploy_dir ]]; then
  deploy_dir=$work/release
  mvn -B -q -Dstyle.color=never -Prelease -DskipTests -Dinvoker.skip=true clean deploy \
    -DaltDeploymentRepository="local::file:$deploy_dir"
fi
deploy_dir=$(cd "$deploy_dir" && pwd)
group_dir=$deploy_dir/io/github/dockerfiledsl

# the project's version: the parent POM's own <version>
version=$(sed -n 's|^  <version>\(.*\)</version>|\1|p' pom.xml | head -n 1)
bom_version=$(sed -n 's|^  <version>\(.*\)</version>|\1|p' dsl-bom/pom.xml | head -n 1)
if [[ $version != "$bom_version" ]]; then
  echo "consumer-smoke: dsl-bom/pom.xml has version $bom_version, the project $version" >&2
  exit 1
fi
missing=0
for dir in "$group_dir"/*/; do
  artifact=$(basename "$dir")
  case $artifact in dockerfile-dsl-parent|dockerfile-dsl-bom) continue ;; esac
  if ! grep -q "<artifactId>$artifact</artifactId>" dsl-bom/pom.xml; then
    echo "consumer-smoke: $artifact is published but not listed in the BOM" >&2
    missing=1
  fi
done
[[ $missing == 0 ]] || exit 1
for kind in "" -sources -javadoc; do
  if ! ls "$group_dir"/dockerfile-dsl-core/"$version"/dockerfile-dsl-core-*"$kind".jar >/dev/null 2>&1; then
    echo "consumer-smoke: no dockerfile-dsl-core${kind:+ $kind} jar in $deploy_dir" >&2
    exit 1
  fi
done

start=$(date +%s)
mvn -B -Dstyle.color=never -f consumer-sample/pom.xml \
  -Dmaven.repo.local="$work/repository" \
  -Ddockerfile-dsl.repository="file://$deploy_dir" \
  -Ddockerfile-dsl.version="$version" \
  clean verify > "$work/consumer.log" 2>&1 || {
    cat "$work/consumer.log"
    echo "consumer-smoke: the consumer sample failed to build against $deploy_dir" >&2
    exit 1
  }
grep -E 'Tests run:|dockerfile-dsl:|BUILD' "$work/consumer.log" | grep -v 'Downloa' || true
# our artifacts in the temporary local repository came from the release directory, nowhere else
if grep 'Downloaded from .*io/github/dockerfiledsl' "$work/consumer.log" \
    | grep -v 'Downloaded from dockerfile-dsl-release: '; then
  echo "consumer-smoke: a dockerfile-dsl artifact came from elsewhere than $deploy_dir" >&2
  exit 1
fi
echo "consumer-smoke: consumer sample built and tested against $version in $(( $(date +%s) - start ))s"
