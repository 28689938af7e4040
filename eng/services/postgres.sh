#!/usr/bin/env bash
# A throw-away PostgreSQL for the tests: its own data directory under a temp dir, listening on a
# loopback port only, tuned for speed rather than durability. Never touches a system cluster.
#
#   eng/services/postgres.sh start    # init (if needed) and start; succeeds if already running
#   eng/services/postgres.sh stop     # stop immediately and delete everything it created
#   eng/services/postgres.sh env      # print `export ATENDE_TEST_POSTGRES="..."` for eval
#   eng/services/postgres.sh status   # exit 0 when running
#   eng/services/postgres.sh bindir   # print the PostgreSQL server bin dir; exit 1 if not installed
#
# Settings (environment):
#   ATENDE_PG_PORT        loopback port (default 55432, away from a system cluster's 5432)
#   ATENDE_SERVICES_DIR   parent temp dir (default /tmp/atende-services); we use <it>/pg
#   ATENDE_PG_DURABLE     1 = durable commits and bigger memory (for benchmark figures), read when the data dir is made
set -euo pipefail

PG_PORT="${ATENDE_PG_PORT:-55432}"
SERVICES_DIR="${ATENDE_SERVICES_DIR:-/tmp/atende-services}"
# Absolute, because the server is started with these paths and may run as another user.
case "$SERVICES_DIR" in /*) ;; *) SERVICES_DIR="$PWD/$SERVICES_DIR" ;; esac
PG_ROOT="$SERVICES_DIR/pg"
PG_DATA="$PG_ROOT/data"
PG_SOCK="$PG_ROOT/run"
PG_LOG="$PG_ROOT/postgres.log"
PG_SUPERUSER=atende
PG_PASSWORD=atende
# PostgreSQL refuses to run as root, so as root we run it as this unprivileged system user.
PG_OS_USER=atende-pg

log() { echo "postgres.sh: $*" >&2; }
die() { log "error: $*"; exit 1; }

# Where initdb/pg_ctl live. pg_config is only trusted when its bindir really has initdb (on Debian,
# libpq-dev ships a pg_config without any server). Then Debian's versioned dirs, newest first; then PATH.
find_bindir() {
  local dir
  if command -v pg_config >/dev/null 2>&1; then
    dir="$(pg_config --bindir 2>/dev/null || true)"
    if [[ -n "$dir" && -x "$dir/initdb" && -x "$dir/pg_ctl" && -x "$dir/postgres" ]]; then
      echo "$dir"; return 0
    fi
  fi
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [[ -n "$dir" && -x "$dir/initdb" && -x "$dir/pg_ctl" && -x "$dir/postgres" ]]; then
    echo "$dir"; return 0
  fi
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v initdb)"; return 0
  fi
  return 1
}

is_root() { [[ "$(id -u)" -eq 0 ]]; }

# Run a command as the user that owns the cluster: ourselves, or PG_OS_USER when we are root.
as_pg() {
  if ! is_root; then
    "$@"
  elif command -v runuser >/dev/null 2>&1; then
    runuser -u "$PG_OS_USER" -- "$@"
  else
    # su needs an explicit shell because the system user's login shell is nologin.
    su -s /bin/sh "$PG_OS_USER" -c "$(printf '%q ' "$@")"
  fi
}

ensure_os_user() {
  is_root || return 0
  if ! id -u "$PG_OS_USER" >/dev/null 2>&1; then
    log "creating system user $PG_OS_USER (PostgreSQL will not run as root)"
    useradd -r -M -d /nonexistent -s /usr/sbin/nologin "$PG_OS_USER" \
      || die "could not create system user $PG_OS_USER"
  fi
}

# pg_ctl status: 0 running, 3 not running, 4 no/invalid data dir.
is_running() {
  [[ -f "$PG_DATA/PG_VERSION" ]] || return 1
  as_pg "$BINDIR/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1
}

# Accepting connections on our port (pg_ctl status alone trusts the pid file, which a crashed or
# zombie postmaster can leave behind).
is_ready() {
  local isready="$BINDIR/pg_isready"
  [[ -x "$isready" ]] || isready="$(command -v pg_isready || true)"
  [[ -n "$isready" ]] || return 0  # no client tools: trust pg_ctl status
  "$isready" -q -h 127.0.0.1 -p "$PG_PORT" -U "$PG_SUPERUSER" -d postgres -t 2 >/dev/null 2>&1
}

show_log_tail() {
  if [[ -f "$PG_LOG" ]]; then
    log "last lines of $PG_LOG:"
    tail -n 20 "$PG_LOG" >&2 || true
  fi
}

cmd_start() {
  if is_running; then
    local i
    for i in 1 2 3 4 5; do
      if is_ready; then
        log "already running on 127.0.0.1:$PG_PORT ($PG_DATA)"
        return 0
      fi
      sleep 1
    done
    log "found an instance that does not answer; replacing it"
    as_pg "$BINDIR/pg_ctl" -D "$PG_DATA" -m immediate -w -t 10 stop >/dev/null 2>&1 || true
  fi

  # Anything left from an earlier run that was not stopped cleanly is throw-away: start from scratch
  # so a half-initialised or differently-owned directory cannot break this run.
  rm -rf "$PG_ROOT"
  # Created here, it must stay traversable for the server user even under a strict umask.
  [[ -d "$SERVICES_DIR" ]] || { mkdir -p "$SERVICES_DIR"; chmod 755 "$SERVICES_DIR"; }
  mkdir -p "$PG_ROOT" "$PG_SOCK"
  # A unix socket path must fit in ~107 bytes; fail with a clear message instead of a cryptic one.
  local sock_path="$PG_SOCK/.s.PGSQL.$PG_PORT"
  (( ${#sock_path} < 100 )) || die "socket path too long ($sock_path); use a shorter ATENDE_SERVICES_DIR"

  ensure_os_user
  if is_root; then
    chown -R "$PG_OS_USER:" "$PG_ROOT"
    # The server user must be able to reach its directory (a dir under /root, say, is not reachable).
    as_pg test -w "$PG_ROOT" \
      || die "$PG_OS_USER cannot write $PG_ROOT; set ATENDE_SERVICES_DIR to a world-traversable place such as /tmp"
  fi
  # Run from inside our dir: as another user, the caller's cwd (e.g. /root) may be unreadable.
  cd "$PG_ROOT"

  local pwfile="$PG_ROOT/pwfile"
  printf '%s\n' "$PG_PASSWORD" >"$pwfile"
  is_root && chown "$PG_OS_USER:" "$pwfile"
  # trust: the connection string's password is accepted but not needed (loopback only, throw-away).
  # --no-locale + UTF8: results do not depend on the machine's locale. --no-sync: nothing to keep.
  if ! as_pg "$BINDIR/initdb" -D "$PG_DATA" -U "$PG_SUPERUSER" --pwfile="$pwfile" \
      --auth=trust -E UTF8 --no-locale --no-sync >"$PG_ROOT/initdb.log" 2>&1; then
    tail -n 20 "$PG_ROOT/initdb.log" >&2 || true
    die "initdb failed (full log: $PG_ROOT/initdb.log)"
  fi
  rm -f "$pwfile"

  # Later settings win, so appending overrides initdb's defaults. Durability is off on purpose:
  # the data dies with the run, and tests (and the benchmark smoke) go much faster.
  cat >>"$PG_DATA/postgresql.conf" <<EOF

# --- eng/services/postgres.sh: throw-away test instance ---
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_SOCK'
max_connections = 300
fsync = off
synchronous_commit = off
full_page_writes = off
logging_collector = off
EOF
  # ATENDE_PG_DURABLE=1 (benchmarks): durable commits and memory sized for a million-ticket desk, so published
  # figures are what a production server would do.
  if [[ "${ATENDE_PG_DURABLE:-}" == 1 ]]; then
    cat >>"$PG_DATA/postgresql.conf" <<EOF
fsync = on
synchronous_commit = on
full_page_writes = on
shared_buffers = 2GB
effective_cache_size = 8GB
work_mem = 32MB
maintenance_work_mem = 512MB
max_wal_size = 4GB
EOF
  fi

  log "starting PostgreSQL $("$BINDIR/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT ($PG_DATA)"
  if ! as_pg "$BINDIR/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 start >/dev/null; then
    show_log_tail
    die "pg_ctl start failed (is port $PG_PORT already in use? set ATENDE_PG_PORT)"
  fi
}

cmd_stop() {
  if [[ -f "$PG_DATA/PG_VERSION" ]] && is_running; then
    cd "$PG_ROOT"
    # immediate: no checkpoint, nothing worth keeping.
    as_pg "$BINDIR/pg_ctl" -D "$PG_DATA" -m immediate -w -t 30 stop >/dev/null \
      || { show_log_tail; log "warning: pg_ctl stop failed"; }
    log "stopped"
  fi
  cd /
  rm -rf "$PG_ROOT"
  # Leave no empty, root-owned parent behind that would block a later run as another user;
  # rmdir keeps it while other services still have their directories there.
  rmdir "$SERVICES_DIR" 2>/dev/null || true
}

cmd_env() {
  echo "export ATENDE_TEST_POSTGRES=\"Host=127.0.0.1;Port=$PG_PORT;Username=$PG_SUPERUSER;Password=$PG_PASSWORD;Database=postgres\""
}

action="${1:-}"
case "$action" in
  env) cmd_env; exit 0 ;;
  bindir) find_bindir; exit $? ;;
  start|stop|status) ;;
  *) echo "usage: $0 start|stop|env|status|bindir" >&2; exit 2 ;;
esac

if ! BINDIR="$(find_bindir)"; then
  # Nothing can be running without binaries; stop still cleans up the directory.
  if [[ "$action" == stop ]]; then cd /; rm -rf "$PG_ROOT"; exit 0; fi
  die "PostgreSQL server binaries (initdb, pg_ctl, postgres) not found; on Debian: apt-get install postgresql"
fi

case "$action" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) is_running ;;
esac
