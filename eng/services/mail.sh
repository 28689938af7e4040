#!/usr/bin/env bash
# A throw-away mail system for the tests: Dovecot 2.3 (IMAP + LMTP) and OpenSMTPD 6.8 on loopback ports, with their
# own config, state and maildirs under a temp dir. Never touches a system mail setup. Any address sent to the SMTP
# port is delivered over LMTP into the Dovecot mailbox named by its local part (customer@anything → user "customer").
#
#   eng/services/mail.sh start    # install (as root, if missing) and start; succeeds if already running
#   eng/services/mail.sh stop     # stop both and delete everything this script created
#   eng/services/mail.sh env      # print exports for eval: ports, users, password
#   eng/services/mail.sh status   # exit 0 when both answer
#
# Settings (environment):
#   ATENDE_IMAP_PORT      loopback IMAP port (default 51143)
#   ATENDE_LMTP_PORT      loopback LMTP port (default 51124)
#   ATENDE_SMTP_PORT      loopback SMTP port (default 51025)
#   ATENDE_MAIL_USERS     IMAP users, space separated (default "support customer agent other")
#   ATENDE_SERVICES_DIR   parent temp dir (default /tmp/atende-services); we use <it>/mail
set -euo pipefail

IMAP_PORT="${ATENDE_IMAP_PORT:-51143}"
LMTP_PORT="${ATENDE_LMTP_PORT:-51124}"
SMTP_PORT="${ATENDE_SMTP_PORT:-51025}"
MAIL_USERS="${ATENDE_MAIL_USERS:-support customer agent other}"
MAIL_PASSWORD=atende
SERVICES_DIR="${ATENDE_SERVICES_DIR:-/tmp/atende-services}"
case "$SERVICES_DIR" in /*) ;; *) SERVICES_DIR="$PWD/$SERVICES_DIR" ;; esac
ROOT="$SERVICES_DIR/mail"
DOVECOT_CONF="$ROOT/dovecot.conf"
SMTPD_CONF="$ROOT/smtpd.conf"
SMTPD_PID="$ROOT/smtpd.pid"
# Mail is written by this unprivileged user (Dovecot's userdb static uid).
MAIL_OS_USER=nobody

log() { echo "mail.sh: $*" >&2; }
die() { log "error: $*"; exit 1; }
is_root() { [[ "$(id -u)" -eq 0 ]]; }

# OpenSMTPD installs to /usr/sbin, which is not on every PATH.
find_smtpd() { command -v smtpd 2>/dev/null || { [[ -x /usr/sbin/smtpd ]] && echo /usr/sbin/smtpd; }; }
find_dovecot() { command -v dovecot 2>/dev/null || { [[ -x /usr/sbin/dovecot ]] && echo /usr/sbin/dovecot; }; }

ensure_installed() {
  if [[ -n "$(find_dovecot)" && -n "$(find_smtpd)" ]] && dpkg -s dovecot-lmtpd >/dev/null 2>&1; then
    return 0
  fi
  is_root || die "Dovecot and OpenSMTPD are missing and we are not root; on Debian: apt-get install dovecot-imapd dovecot-lmtpd opensmtpd"
  log "installing dovecot-imapd dovecot-lmtpd opensmtpd"
  # No prompts (OpenSMTPD asks for a mail name) and no service start by the package scripts.
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends dovecot-imapd dovecot-lmtpd opensmtpd >"$SERVICES_DIR/mail-apt.log" 2>&1 \
    || { tail -n 20 "$SERVICES_DIR/mail-apt.log" >&2; die "apt-get install failed (full log: $SERVICES_DIR/mail-apt.log)"; }
}

# 0 when something accepts TCP connections on 127.0.0.1:$1.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

is_running() { port_open "$IMAP_PORT" && port_open "$LMTP_PORT" && port_open "$SMTP_PORT"; }

wait_for_port() { # port name
  local i
  for i in $(seq 1 50); do
    port_open "$1" && return 0
    sleep 0.2
  done
  return 1
}

write_dovecot_conf() {
  local users="$ROOT/users" user
  : >"$users"
  for user in $MAIL_USERS; do
    printf '%s:{PLAIN}%s\n' "$user" "$MAIL_PASSWORD" >>"$users"
  done
  chmod 644 "$users"
  cat >"$DOVECOT_CONF" <<EOF
# eng/services/mail.sh: throw-away test instance, loopback only.
base_dir = $ROOT/run
state_dir = $ROOT/state
instance_name = atende-test
log_path = $ROOT/dovecot.log
protocols = imap lmtp
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:$ROOT/maildirs/%n
# Nothing to keep: no fsync on every mail.
mail_fsync = never

passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%n $users
}
# Every local part has a mailbox, so LMTP accepts any recipient; IMAP logins need a line in the users file.
userdb {
  driver = static
  args = uid=$MAIL_OS_USER gid=$(id -gn "$MAIL_OS_USER") home=$ROOT/maildirs/%n allow_all_users=yes
}

service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $IMAP_PORT
  }
  inet_listener imaps {
    port = 0
  }
}
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = $LMTP_PORT
  }
}
protocol lmtp {
  # The mailbox is the local part: customer@example.com → customer.
  auth_username_format = %n
}
EOF
}

write_smtpd_conf() {
  printf '@ %s\n' "$MAIL_OS_USER" >"$ROOT/vusers"
  cat >"$SMTPD_CONF" <<EOF
# eng/services/mail.sh: throw-away test instance, loopback only. Any recipient → Dovecot over LMTP.
table vusers file:$ROOT/vusers
listen on 127.0.0.1 port $SMTP_PORT
action "deliver" lmtp "127.0.0.1:$LMTP_PORT" rcpt-to virtual <vusers>
match from any for any action "deliver"
EOF
  # smtpd refuses a config (and tables) that others may write.
  chmod 600 "$SMTPD_CONF" "$ROOT/vusers"
}

cmd_start() {
  if is_running; then
    log "already running: IMAP 127.0.0.1:$IMAP_PORT, LMTP :$LMTP_PORT, SMTP :$SMTP_PORT ($ROOT)"
    return 0
  fi
  [[ -d "$SERVICES_DIR" ]] || { mkdir -p "$SERVICES_DIR"; chmod 755 "$SERVICES_DIR"; }
  ensure_installed
  is_root || die "OpenSMTPD must start as root (it drops privileges itself)"
  local dovecot smtpd
  dovecot="$(find_dovecot)"
  smtpd="$(find_smtpd)"
  cmd_stop quiet
  mkdir -p "$ROOT/run" "$ROOT/state" "$ROOT/maildirs"
  chmod 755 "$ROOT" "$ROOT/run"
  chown "$MAIL_OS_USER:" "$ROOT/maildirs"
  write_dovecot_conf
  write_smtpd_conf

  "$dovecot" -c "$DOVECOT_CONF" -n >/dev/null 2>"$ROOT/dovecot-check.log" \
    || { cat "$ROOT/dovecot-check.log" >&2; die "invalid Dovecot configuration ($DOVECOT_CONF)"; }
  "$smtpd" -n -f "$SMTPD_CONF" >"$ROOT/smtpd-check.log" 2>&1 \
    || { cat "$ROOT/smtpd-check.log" >&2; die "invalid OpenSMTPD configuration ($SMTPD_CONF)"; }

  log "starting $("$dovecot" --version | awk '{print "Dovecot " $1}') on IMAP 127.0.0.1:$IMAP_PORT, LMTP :$LMTP_PORT"
  # Dovecot daemonizes; its output must not hold the caller's pipes open.
  "$dovecot" -c "$DOVECOT_CONF" </dev/null >/dev/null 2>&1
  wait_for_port "$IMAP_PORT" && wait_for_port "$LMTP_PORT" \
    || { tail -n 20 "$ROOT/dovecot.log" >&2 || true; die "Dovecot did not open its ports"; }

  log "starting OpenSMTPD on SMTP 127.0.0.1:$SMTP_PORT"
  # -d keeps it in the foreground (we own its pid); setsid + nohup detach it from this shell and its pipes.
  setsid nohup "$smtpd" -d -f "$SMTPD_CONF" </dev/null >"$ROOT/smtpd.log" 2>&1 &
  echo $! >"$SMTPD_PID"
  wait_for_port "$SMTP_PORT" \
    || { tail -n 20 "$ROOT/smtpd.log" >&2 || true; die "OpenSMTPD did not open port $SMTP_PORT (is another smtpd using /var/spool/smtpd?)"; }
}

cmd_stop() {
  local quiet="${1:-}"
  if [[ -f "$SMTPD_PID" ]]; then
    local pid
    pid="$(cat "$SMTPD_PID")"
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      local i
      for i in $(seq 1 25); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      kill -9 "$pid" 2>/dev/null || true
    fi
  fi
  if [[ -f "$DOVECOT_CONF" && -f "$ROOT/run/master.pid" ]]; then
    local dovecot
    dovecot="$(find_dovecot || true)"
    if [[ -n "$dovecot" ]]; then
      "$dovecot" -c "$DOVECOT_CONF" stop >/dev/null 2>&1 || kill "$(cat "$ROOT/run/master.pid")" 2>/dev/null || true
    fi
    local i
    for i in $(seq 1 25); do port_open "$IMAP_PORT" || break; sleep 0.2; done
  fi
  cd /
  rm -rf "$ROOT"
  rmdir "$SERVICES_DIR" 2>/dev/null || true
  [[ -n "$quiet" ]] || log "stopped"
}

cmd_env() {
  echo "export ATENDE_TEST_IMAP=\"127.0.0.1:$IMAP_PORT\""
  echo "export ATENDE_TEST_SMTP=\"127.0.0.1:$SMTP_PORT\""
  echo "export ATENDE_TEST_MAIL_USERS=\"$MAIL_USERS\""
  echo "export ATENDE_TEST_MAIL_PASSWORD=\"$MAIL_PASSWORD\""
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  env) cmd_env ;;
  status) is_running ;;
  *) echo "usage: $0 start|stop|env|status" >&2; exit 2 ;;
esac
