#!/usr/bin/env bash
# Messages per minute from a mailbox until searchable: starts a private Dovecot (a test user, maildirs in the work
# folder) and the provisioned server (dms-web/target/server, `mvn -pl dms-web -am install -DskipTests`) reading it,
# on a fresh data directory at port offset MAIL_BENCH_PORT_OFFSET (400: http 8480), then runs
# bench/MailIntakeBench.java and stops both. Malware scanning as configured (AKTE_MALWARE_SCAN, AKTE_CLAMD).
#
#   bench/mail-intake.sh [--messages 100]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
offset=${MAIL_BENCH_PORT_OFFSET:-400}
imap_port=$((14300 + offset))
work=$root/bench/target/mail-intake
server_home=${AKTE_SERVER_HOME:-$root/dms-web/target/server}
export AKTE_ADMIN_PASSWORD=${AKTE_ADMIN_PASSWORD:-mailbench-$(date +%s)}
rm -rf "$work"
mkdir -p "$work/dovecot/home" "$work/dovecot/run"
user=$(id -un); uid=$(id -u); gid=$(id -g); group=$(id -gn); run_as=()
if [ "$uid" = 0 ]; then user=nobody; uid=65534; gid=65534; group=$(getent group 65534 | cut -d: -f1)
  run_as=(setpriv --reuid=65534 --regid=65534 --clear-groups); fi
echo "eingang:{PLAIN}bench" > "$work/dovecot/passwd"
cat > "$work/dovecot/dovecot.conf" <<CONF
base_dir = $work/dovecot/run
state_dir = $work/dovecot/state
log_path = $work/dovecot/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
default_internal_user = $user
default_internal_group = $group
default_login_user = $user
first_valid_uid = 1
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $work/dovecot/passwd
}
userdb {
  driver = static
  args = uid=$uid gid=$gid home=$work/dovecot/home/%u
}
mail_location = maildir:~/Maildir
service imap-login {
  chroot =
  inet_listener imap {
    port = $imap_port
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
CONF
[ "$uid" = 65534 ] && chown -R 65534:65534 "$work/dovecot"
"${run_as[@]}" /usr/sbin/dovecot -F -c "$work/dovecot/dovecot.conf" &
dovecot_pid=$!
cp -r "$server_home/standalone" "$work/base"
export AKTE_DATA_DIR=$work/data AKTE_PASSWORD_ITERATIONS=1000
export AKTE_MAILBOXES="[{\"name\": \"bench\", \"host\": \"127.0.0.1\", \"port\": $imap_port, \"security\": \"NONE\",
  \"user\": \"eingang\", \"password\": \"bench\", \"department\": \"bench\", \"pollSeconds\": 30}]"
LAUNCH_JBOSS_IN_BACKGROUND=1 JAVA_OPTS="-Xms256m -Xmx2g -XX:G1HeapRegionSize=32m -Djava.net.preferIPv4Stack=true \
-Djboss.as.management.blocking.timeout=1200" \
  "$server_home/bin/standalone.sh" "-Djboss.server.base.dir=$work/base" \
  "-Djboss.socket.binding.port-offset=$offset" > "$work/server.log" 2>&1 &
server_pid=$!
url=http://127.0.0.1:$((8080 + offset))
# standalone.sh passes the TERM on to the server (LAUNCH_JBOSS_IN_BACKGROUND); Dovecot's master stops its children
trap 'kill $server_pid 2>/dev/null || true; kill $dovecot_pid 2>/dev/null || true; wait' EXIT
for _ in $(seq 1 1200); do curl -fs -m 5 "$url/api/health" > /dev/null 2>&1 && break; sleep 0.5; done
"$root/bench/run" MailIntakeBench --url "$url" --password "$AKTE_ADMIN_PASSWORD" --imap-port "$imap_port" \
  --imap-user eingang --imap-password bench "$@"
curl -fs -u "admin:$AKTE_ADMIN_PASSWORD" "$url/api/admin/mailboxes" && echo
