#!/usr/bin/env bash
# Installs what a benchmark compares Gazette against, only when it is missing, from Debian's
# packages: each argument is package:command (rss2email:r2e). Best effort: where apt-get cannot
# run, the benchmark goes on without that comparison and says so.
set -uo pipefail

as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo -n)
for wanted in "$@"; do
  package="${wanted%%:*}"
  command="${wanted##*:}"
  command -v "$command" >/dev/null 2>&1 && continue
  command -v apt-get >/dev/null 2>&1 || continue
  echo "bench setup: installing $package"
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null 2>&1 ||
    { "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 &&
      "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null 2>&1; } ||
    echo "bench setup: could not install $package; its comparison is left out" >&2
done
exit 0
