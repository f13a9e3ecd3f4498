#!/usr/bin/env bash
# Installs or starts what the tests need beyond npm, only when it is missing.
set -euo pipefail
echo "test setup: nothing beyond npm is needed yet"
