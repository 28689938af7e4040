#!/usr/bin/env bash
# THE test command (see README): installs what is missing, starts throw-away services on loopback ports,
# builds once, runs every test project on SQLite and PostgreSQL, stops the services, and exits non-zero
# if anything failed.
#
#   eng/test.sh                      # everything
#   eng/test.sh --filter Tickets     # extra arguments go to every `dotnet test`
#
# Under CI=true a missing service is a failure; elsewhere it is skipped with a loud warning.
# Settings: ATENDE_PG_PORT, ATENDE_SERVICES_DIR (see eng/services/postgres.sh), ATENDE_TEST_DATA.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO_ROOT="$PWD"
PG_SERVICE="$REPO_ROOT/eng/services/postgres.sh"
MAIL_SERVICE="$REPO_ROOT/eng/services/mail.sh"
TEST_ARGS=("$@")

export DOTNET_NOLOGO="${DOTNET_NOLOGO:-1}"
export DOTNET_CLI_TELEMETRY_OPTOUT="${DOTNET_CLI_TELEMETRY_OPTOUT:-1}"
# Each step says which database it uses; nothing inherited from the caller's shell may leak into the
# other steps (e.g. an earlier `eval "$(eng/services/postgres.sh env)"`).
unset ATENDE_TEST_PROVIDER ATENDE_TEST_POSTGRES ATENDE_TEST_IMAP ATENDE_TEST_SMTP ATENDE_TEST_MAIL_USERS ATENDE_TEST_MAIL_PASSWORD

is_ci() {
  case "${CI:-}" in true | TRUE | True | 1 | yes) return 0 ;; *) return 1 ;; esac
}
is_root() { [[ "$(id -u)" -eq 0 ]]; }

say() { printf '\n==> %s\n' "$*"; }
warn() { printf '\n!!! WARNING: %s\n' "$*" >&2; }

# --- step bookkeeping: every step runs, failures are remembered, the summary comes at the end ---------
STEP_LINES=()
FAILED=0
# The names of failed tests, repeated in the summary: CI shows only the end of the log.
FAILED_TESTS=()

now_ms() { date +%s%3N; }
secs_since() { # start_ms -> "12.3"
  local ms=$(($(now_ms) - $1))
  printf '%d.%d' $((ms / 1000)) $((ms % 1000 / 100))
}
record() { # name result seconds [note]
  STEP_LINES+=("$(printf '%-4s %7ss  %s%s' "$2" "$3" "$1" "${4:+  ($4)}")")
}

# run COMMAND...: show the exact command line, then run it. `9>&-`: the run lock (below) stays ours;
# long-lived children (postgres, MSBuild/Roslyn build servers) must not inherit and hold it.
run() {
  local line
  line="$(printf '%q ' "$@")"
  printf '    $ %s\n' "${line% }"
  "$@" 9>&-
}

# run_step NAME COMMAND...: runs it, prints a result line with elapsed seconds, records the result.
# Returns the result; callers add `|| true` to go on with the next step.
run_step() {
  local name="$1" start result
  shift
  say "[$name]"
  start="$(now_ms)"
  if "$@"; then result=PASS; else result=FAIL; FAILED=1; fi
  local secs
  secs="$(secs_since "$start")"
  printf '==> [%s] %s in %ss\n' "$name" "$result" "$secs"
  record "$name" "$result" "$secs"
  [[ "$result" == PASS ]]
}

skip_step() { # name reason
  printf '\n==> [%s] SKIPPED: %s\n' "$1" "$2"
  record "$1" SKIP 0.0 "$2"
}

print_summary() {
  printf '\n==> Summary\n'
  local line
  for line in ${STEP_LINES[@]+"${STEP_LINES[@]}"}; do printf '    %s\n' "$line"; done
  if [[ -z "${ATENDE_TEST_DATA:-}" ]]; then
    warn "test data (../shared/data) not found: the mail corpus tests were SKIPPED"
  fi
  if [[ -n "${MAIL_SKIP_REASON:-}" ]]; then
    warn "mail server tests did not run: $MAIL_SKIP_REASON"
  fi
  if [[ -n "${PG_SKIP_REASON:-}" ]]; then
    warn "PostgreSQL tests did not run: $PG_SKIP_REASON"
  fi
  if ((${#FAILED_TESTS[@]})); then
    printf '==> Failed tests\n'
    for line in "${FAILED_TESTS[@]:0:15}"; do printf '    %s\n' "$line"; done
  fi
  if ((FAILED)); then printf '==> FAILED\n'; else printf '==> OK\n'; fi
}

# --- services -------------------------------------------------------------------------------------------
# One run at a time per services directory: two runs (a checkout and a fresh clone, say) would otherwise
# share one server and the first to finish would stop it under the other. The kernel drops the lock
# when we exit, however we exit. To run in parallel, give each run its own ATENDE_SERVICES_DIR and
# ATENDE_PG_PORT.
SERVICES_DIR="${ATENDE_SERVICES_DIR:-/tmp/atende-services}"
if command -v flock >/dev/null 2>&1; then
  lock_file="${SERVICES_DIR%/}.lock"
  # Opened read-only when another user created it: flock works on any open file.
  if { exec 9>>"$lock_file"; } 2>/dev/null || { exec 9<"$lock_file"; } 2>/dev/null; then
    if ! flock -n 9; then
      say "another eng/test.sh run holds $lock_file; waiting for it to finish"
      flock 9
    fi
  else
    warn "cannot open $lock_file; running without the run lock"
  fi
fi

PG_STARTED=false
PG_SKIP_REASON=""
MAIL_STARTED=false
MAIL_SKIP_REASON=""

cleanup() {
  # Always stop what we started, whatever happened, so no server outlives the run.
  if [[ "$PG_STARTED" == true ]]; then
    "$PG_SERVICE" stop 9>&- || true
  fi
  if [[ "$MAIL_STARTED" == true ]]; then
    "$MAIL_SERVICE" stop 9>&- || true
  fi
}
trap cleanup EXIT
# Turn Ctrl-C / kill into a normal exit so the EXIT trap runs.
trap 'exit 130' INT
trap 'exit 143' TERM

apt_install() {
  # Try the existing package index first (fast, works offline with a warm cache); refresh only if needed.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" ||
    {
      DEBIAN_FRONTEND=noninteractive apt-get update -q &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"
    }
}

pg_installed() { "$PG_SERVICE" bindir >/dev/null 2>&1; }

# PostgreSQL server binaries: install them when we can (root on Debian). The package may create and start
# its own cluster on 5432; we leave it alone and run ours on ATENDE_PG_PORT.
if ! pg_installed && is_root && command -v apt-get >/dev/null 2>&1; then
  say "PostgreSQL server not found; installing the Debian package"
  apt_install postgresql || warn "apt-get install postgresql failed"
fi

# Chromium for the end-to-end tests: Debian's package, never a browser build Playwright would download.
# fonts-liberation (only recommended by the package) gives pages their usual Arial/Helvetica metrics.
# Without Chromium those tests fail, saying how to install it; there is no skip.
CHROMIUM=/usr/bin/chromium
if [[ ! -x "$CHROMIUM" ]] && is_root && command -v apt-get >/dev/null 2>&1; then
  say "Chromium not found; installing the Debian package for the end-to-end tests"
  apt_install chromium fonts-liberation || warn "apt-get install chromium failed; the end-to-end tests will fail"
fi

if pg_installed; then
  PG_STARTED=true # set before starting, so a half-started server is cleaned up too
  if run_step "start PostgreSQL" run "$PG_SERVICE" start; then
    eval "$("$PG_SERVICE" env)" # sets ATENDE_TEST_POSTGRES
    export -n ATENDE_TEST_POSTGRES # only the PostgreSQL steps get it, through their own environment
  else
    PG_SKIP_REASON="the throw-away server did not start (see above)"
    if is_ci; then
      print_summary
      exit 1
    fi
  fi
else
  if is_root; then
    why="PostgreSQL server binaries not found and could not be installed with apt-get"
  else
    why="PostgreSQL server binaries not found (install them: sudo apt-get install postgresql, or run eng/test.sh as root)"
  fi
  if is_ci; then
    printf '\nERROR: %s. Under CI=true PostgreSQL tests may not be skipped.\n' "$why" >&2
    exit 1
  fi
  PG_SKIP_REASON="$why"
  warn "$why. PostgreSQL tests are SKIPPED; only SQLite will be tested. CI would fail here."
fi

# Dovecot (IMAP + LMTP) and OpenSMTPD on loopback for the mailbox tests (tests/Atende.Web.Tests/Email): mail.sh
# installs them as root when missing. A second or two; the tests skip outside CI when it did not start, and fail under CI.
# "inbound" is the IMAP user whose INBOX the SMTP tests send to; the others are mail.sh's defaults.
export ATENDE_MAIL_USERS="support customer agent other inbound"
MAIL_STARTED=true # set before starting, so a half-started server is cleaned up too
if run_step "start mail servers" run "$MAIL_SERVICE" start; then
  eval "$("$MAIL_SERVICE" env)" # ATENDE_TEST_IMAP, ATENDE_TEST_SMTP, ATENDE_TEST_MAIL_USERS, ATENDE_TEST_MAIL_PASSWORD
  export ATENDE_TEST_IMAP ATENDE_TEST_SMTP ATENDE_TEST_MAIL_USERS ATENDE_TEST_MAIL_PASSWORD
else
  MAIL_SKIP_REASON="Dovecot/OpenSMTPD did not start (see above; eng/services/mail.sh start)"
  if is_ci; then
    printf '\nERROR: %s. Under CI=true the mail server tests may not be skipped.\n' "$MAIL_SKIP_REASON" >&2
    print_summary
    exit 1
  fi
  warn "$MAIL_SKIP_REASON. The mail server tests are SKIPPED. CI would fail here."
fi

# --- test data from outside the project (see ../shared/README.md) ---------------------------------------
if [[ -z "${ATENDE_TEST_DATA:-}" && -d "$REPO_ROOT/../shared/data" ]]; then
  ATENDE_TEST_DATA="$(cd "$REPO_ROOT/../shared/data" && pwd)"
fi
# A clone made elsewhere from a local checkout (a throw-away CI clone) finds the data beside its origin.
if [[ -z "${ATENDE_TEST_DATA:-}" ]] && origin="$(git -C "$REPO_ROOT" remote get-url origin 2>/dev/null)" &&
  [[ -d "$origin/../shared/data" ]]; then
  ATENDE_TEST_DATA="$(cd "$origin/../shared/data" && pwd)"
fi
if [[ -n "${ATENDE_TEST_DATA:-}" ]]; then
  export ATENDE_TEST_DATA
  say "ATENDE_TEST_DATA=$ATENDE_TEST_DATA"
else
  warn "../shared/data not found and ATENDE_TEST_DATA not set; tests that need external test data cannot use it"
fi

# --- build once, fail fast ------------------------------------------------------------------------------
if ! run_step "build" run dotnet build Atende.slnx -c Release; then
  print_summary
  exit 1
fi

# --- tests ----------------------------------------------------------------------------------------------
# A project outside Atende.slnx was not built above, so let dotnet build it in its own step.
build_flag_for() { # project dir -> "--no-build" when the solution builds it
  if grep -q "\"$1/" Atende.slnx; then echo --no-build; fi
  return 0
}

# dotnet_test PROJECT_DIR [VAR=VALUE...]: one `dotnet test` with the step's environment and the
# caller's extra arguments.
dotnet_test() {
  local project="$1" flag output rc
  shift
  flag="$(build_flag_for "$project")"
  output="$(mktemp)"
  run env "$@" dotnet test "$project" ${flag:+"$flag"} -c Release ${TEST_ARGS[@]+"${TEST_ARGS[@]}"} 2>&1 | tee "$output"
  rc=${PIPESTATUS[0]}
  # A test host that dies (killed, out of memory, stack overflow) can leave `dotnet test` exiting 0 with no
  # summary at all: no summary line means the tests did not run to the end, which is a failure.
  if [[ $rc -eq 0 ]] && ! grep -qE '^(Passed|Failed)!|No test matches the given testcase filter' "$output"; then
    printf '!!! %s: no test summary — the test host did not finish\n' "$project" >&2
    rc=1
  fi
  local failed label="${project##*/}" arg
  for arg in "$@"; do [[ "$arg" != ATENDE_TEST_PROVIDER=* ]] || label+=" on ${arg#*=}"; done
  while IFS= read -r failed; do
    FAILED_TESTS+=("$label: $failed")
  done < <(sed -nE 's/^[[:space:]]*Failed ([^ ].*) \[[^]]*\]$/\1/p' "$output" | head -15)
  rm -f "$output"
  return "$rc"
}

run_step "unit (Atende.Tests)" dotnet_test tests/Atende.Tests || true

run_step "web on SQLite" dotnet_test tests/Atende.Web.Tests ATENDE_TEST_PROVIDER=Sqlite || true

if [[ -n "${ATENDE_TEST_POSTGRES:-}" ]]; then
  run_step "web on PostgreSQL" dotnet_test tests/Atende.Web.Tests \
    ATENDE_TEST_PROVIDER=Postgres ATENDE_TEST_POSTGRES="$ATENDE_TEST_POSTGRES" || true
else
  skip_step "web on PostgreSQL" "$PG_SKIP_REASON"
fi

if compgen -G "tests/Atende.EndToEnd/*.csproj" >/dev/null; then
  # axe-core (accessibility checks injected into pages), pinned by package-lock.json.
  npm ci --prefix tests/Atende.EndToEnd --no-audit --no-fund >/dev/null || warn "npm ci in tests/Atende.EndToEnd failed; the accessibility checks will fail"
  run_step "end-to-end on SQLite" dotnet_test tests/Atende.EndToEnd ATENDE_TEST_PROVIDER=Sqlite || true
fi

if compgen -G "bench/Atende.Bench/*.csproj" >/dev/null; then
  # The smoke run gets the PostgreSQL connection too, so it can exercise both databases.
  bench_env=()
  [[ -z "${ATENDE_TEST_POSTGRES:-}" ]] || bench_env+=("ATENDE_TEST_POSTGRES=$ATENDE_TEST_POSTGRES")
  bench_flag="$(build_flag_for bench/Atende.Bench)"
  run_step "bench smoke" run env ${bench_env[@]+"${bench_env[@]}"} \
    dotnet run --project bench/Atende.Bench -c Release ${bench_flag:+"$bench_flag"} -- smoke || true
fi

print_summary
exit "$FAILED"
