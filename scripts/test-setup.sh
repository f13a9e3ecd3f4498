#!/usr/bin/env bash
# Installs or starts what the tests need beyond npm, only when it is missing:
# PostgreSQL running on 127.0.0.1:5432 (the PostgreSQL store's tests); Debian's chromium (the
# email's browser checks, driven by playwright-core), spamassassin (its spam score) and
# dovecot-imapd (the inbox tests start a throw-away Dovecot of their own).
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v spamassassin >/dev/null 2>&1 || missing+=(spamassassin)
[ -x /usr/sbin/dovecot ] || missing+=(dovecot-imapd)
if [ ${#missing[@]} -gt 0 ]; then
  echo "test setup: installing ${missing[*]}"
  as_root=()
  [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

pg_ready() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }

if ! pg_ready; then
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    echo "test setup: starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
    for _ in $(seq 1 30); do pg_ready && break; sleep 1; done
  fi
  pg_ready || echo "test setup: PostgreSQL is not reachable on 127.0.0.1:5432; its tests will fail" >&2
fi
