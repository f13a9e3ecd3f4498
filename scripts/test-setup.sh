#!/usr/bin/env bash
# Installs or starts what the tests need beyond npm, only when it is missing:
#   chromium      Debian's Chromium, driven by playwright-core (the email's and the pages' browser checks)
#   spamassassin  the email's spam score
#   dovecot       Debian's dovecot-imapd, started by the IMAP tests on a free port
#   PostgreSQL    running on 127.0.0.1:5432 with a database `test` (the PostgreSQL store's tests),
#                 or wherever GAZETTE_TEST_DATABASE_URL points
# It installs with apt-get when it runs as root or with password-less sudo, after waiting for the
# apt/dpkg locks (another apt-get, unattended-upgrades) for up to GAZETTE_TEST_SETUP_LOCK_TIMEOUT
# seconds (default 600). When it cannot, it says what is missing and the command that installs it,
# and exits 1; `npm test --ignore-scripts` runs the tests anyway.
#
# For its own tests (test/scripts/test-setup.test.ts): GAZETTE_TEST_SETUP_LOCKS (the lock files,
# space-separated), GAZETTE_TEST_SETUP_SBIN (where dovecot is looked for beyond PATH),
# GAZETTE_TEST_SETUP_POLL (seconds between two looks at a lock or at PostgreSQL),
# GAZETTE_TEST_SETUP_PROC_LOCKS (the kernel's lock table, default /proc/locks).
set -euo pipefail

lock_timeout=${GAZETTE_TEST_SETUP_LOCK_TIMEOUT:-600}
poll=${GAZETTE_TEST_SETUP_POLL:-1}
proc_locks=${GAZETTE_TEST_SETUP_PROC_LOCKS:-/proc/locks}
read -r -a lock_files <<<"${GAZETTE_TEST_SETUP_LOCKS:-/var/lib/dpkg/lock-frontend /var/lib/dpkg/lock /var/lib/apt/lists/lock /var/cache/apt/archives/lock}"
sbin=${GAZETTE_TEST_SETUP_SBIN-/usr/sbin:/sbin}
database_url=${GAZETTE_TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}

say() { printf 'test setup: %s\n' "$*"; }
complain() { printf 'test setup: %s\n' "$*" >&2; }

# --- what is missing -------------------------------------------------------------------------

have() { command -v "$1" >/dev/null 2>&1; }
have_sbin() { have "$1" || PATH="$PATH:$sbin" command -v "$1" >/dev/null 2>&1; }

missing=()  # Debian packages
why=()      # what each is for, in the same order
have chromium || { missing+=(chromium); why+=("chromium (browser checks)"); }
have spamassassin || { missing+=(spamassassin); why+=("spamassassin (spam score)"); }
have_sbin dovecot || { missing+=(dovecot-imapd); why+=("dovecot-imapd (IMAP tests)"); }
if ! { have pg_isready && have psql; }; then
  # The client is enough for a server elsewhere (GAZETTE_TEST_DATABASE_URL).
  if [ -n "${GAZETTE_TEST_DATABASE_URL:-}" ]; then
    missing+=(postgresql-client); why+=("postgresql-client (PostgreSQL store tests)")
  else
    missing+=(postgresql); why+=("postgresql (PostgreSQL store tests)")
  fi
fi

# --- how to install --------------------------------------------------------------------------

as_root=()
can_install=false
if ! have apt-get; then
  : # not Debian or Ubuntu: the contributor installs them
elif [ "$(id -u)" -eq 0 ]; then
  can_install=true
elif have sudo && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
  can_install=true
fi

# The processes holding an apt/dpkg lock file, as "PATH PID (NAME)" lines, from /proc/locks
# (a line of another shape — fewer fields, a lease — is read as nobody's).
# (dpkg and apt take fcntl locks, which only the kernel's table shows).
lock_holders() {
  local file dev ino id table
  local -A seen=()
  [ -r "$proc_locks" ] || return 0
  # The kernel writes the table as it walks its lock lists: a line can be skipped while other
  # processes (SQLite, PostgreSQL) take and drop locks. A holder seen in either of two reads holds.
  table=$(cat "$proc_locks" 2>/dev/null; cat "$proc_locks" 2>/dev/null)
  for file in "${lock_files[@]}"; do
    [ -e "$file" ] || continue
    read -r dev ino < <(stat -L -c '%d %i' "$file")
    # /proc/locks names a file by major:minor:inode, in hex:hex:decimal.
    id=$(printf '%02x:%02x:%d' $(((dev >> 8) & 0xfff)) $(((dev & 0xff) | ((dev >> 12) & 0xfff00))) "$ino")
    local line fields pid name
    while read -r line; do
      read -r -a fields <<<"$line"
      [ "${fields[1]-}" = "->" ] && continue # a waiter, not a holder
      [ "${fields[5]-}" = "$id" ] || continue
      pid=${fields[4]-}
      name=$(cat "/proc/$pid/comm" 2>/dev/null || echo "gone")
      [ -n "${seen["$file $pid"]-}" ] && continue
      seen["$file $pid"]=1
      printf '%s %s (%s)\n' "$file" "$pid" "$name"
    done <<<"$table"
  done
}

# Waits until no process holds an apt/dpkg lock, saying so; fails after lock_timeout seconds.
wait_for_locks() {
  local holders announced=false start=$SECONDS
  for ((;;)); do
    holders=$(lock_holders)
    [ -z "$holders" ] && break
    if [ $((SECONDS - start)) -ge "$lock_timeout" ]; then
      complain "apt/dpkg is still busy after ${lock_timeout} s: ${holders//$'\n'/; } holds the lock."
      complain "when it has finished, run: ${as_root[*]}${as_root[*]:+ }apt-get install -y ${missing[*]}"
      complain "(or wait longer: GAZETTE_TEST_SETUP_LOCK_TIMEOUT=<seconds> npm test)"
      exit 1
    fi
    if [ "$announced" = false ]; then
      say "waiting for apt/dpkg (up to ${lock_timeout} s): ${holders%%$'\n'*} holds the lock"
      announced=true
    fi
    sleep "$poll"
  done
  [ "$announced" = true ] && say "apt/dpkg is free after $((SECONDS - start)) s"
  return 0
}

apt() {
  wait_for_locks
  # apt waits too, should another apt-get slip in between.
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -o "DPkg::Lock::Timeout=$lock_timeout" "$@"
}

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$can_install" = true ]; then
    say "installing ${missing[*]}"
    apt update -qq
    apt install -y -qq "${missing[@]}" >/dev/null
  else
    list=$(printf '%s, ' "${why[@]}")
    complain "missing: ${list%, }."
    if have apt-get; then
      complain "install with: sudo apt-get install -y ${missing[*]}"
    else
      complain "install them with your package manager (on Debian or Ubuntu: sudo apt-get install -y ${missing[*]})"
    fi
    complain "(or run the tests without them, those tests failing: npm test --ignore-scripts)"
    exit 1
  fi
fi

# --- PostgreSQL ------------------------------------------------------------------------------

pg_ready() { pg_isready -q -d "$database_url" 2>/dev/null; }
pg_usable() { psql "$database_url" -Atqc 'select 1' >/dev/null 2>&1; }

if ! pg_ready && [ -z "${GAZETTE_TEST_DATABASE_URL:-}" ] && have pg_lsclusters; then
  # The first local cluster, as "VERSION NAME": pg_lsclusters prints one per line.
  cluster=$(pg_lsclusters -h 2>/dev/null | { read -r version name _ && echo "$version $name"; } || true)
  if [ -n "$cluster" ] && [ "$can_install" = true ]; then
    say "starting PostgreSQL $cluster"
    # shellcheck disable=SC2086 # two words on purpose
    "${as_root[@]}" pg_ctlcluster --skip-systemctl-redirect $cluster start || true
    start=$SECONDS
    until pg_ready || [ $((SECONDS - start)) -ge 30 ]; do sleep "$poll"; done
  fi
fi
if ! pg_ready; then
  complain "PostgreSQL is not reachable at $database_url."
  if [ -n "${cluster:-}" ]; then
    complain "start it with: sudo pg_ctlcluster ${cluster} start"
  else
    complain "start it (sudo service postgresql start), or point GAZETTE_TEST_DATABASE_URL at one"
  fi
  exit 1
fi
if ! pg_usable && [ -z "${GAZETTE_TEST_DATABASE_URL:-}" ] && [ "$can_install" = true ]; then
  # A fresh cluster has no database `test`: create it, as the postgres user.
  say "creating the database test"
  if [ ${#as_root[@]} -eq 0 ]; then
    runuser -u postgres -- createdb test 2>/dev/null || true
  else
    sudo -n -u postgres createdb test 2>/dev/null || true
  fi
fi
if ! pg_usable; then
  complain "PostgreSQL answers, but not to a password-less connection to $database_url."
  complain "create the database (sudo -u postgres createdb test) and let 127.0.0.1 in without a"
  complain "password (pg_hba.conf: host test postgres 127.0.0.1/32 trust), or set GAZETTE_TEST_DATABASE_URL"
  exit 1
fi
