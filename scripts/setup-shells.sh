#!/usr/bin/env bash
# Installs what the run-chain tests run for real: dash (/bin/sh on Debian) and bash for the
# differential test of merged RUNs (RunChainDifferentialTest), and unshare (util-linux) for the
# fake-package-manager cleanup test (PackageCleanupPropertyTest), which needs root for its
# private mount namespace. Idempotent: installs only what is missing.
set -euo pipefail
missing=()
[[ -x /bin/dash || -x /usr/bin/dash ]] || missing+=(dash)
[[ -x /bin/bash || -x /usr/bin/bash ]] || missing+=(bash)
command -v unshare >/dev/null 2>&1 || missing+=(util-linux)
if ((${#missing[@]})); then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
