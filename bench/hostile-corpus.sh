#!/usr/bin/env bash
# The hostile corpus against Akte, in one command (see README, "Benchmarks").
#
#   bench/hostile-corpus.sh [HostileCorpusRun options, e.g. --normal 400 --settle-minutes 25]
#
# Writes the corpus once (target/hostile-corpus; delete it to write it again), then starts the provisioned server
# from dms-web/target/server (build it with `mvn -pl dms-web -am install -DskipTests`, which also builds the
# command-line client dms-ingest/target/akte.jar the run talks to the server with) with its defaults, -Xmx2g,
# on 2 cores, a fresh data directory and port offset HOSTILE_PORT_OFFSET (305: http 8385), and runs
# bench/HostileCorpusRun.java against it. A watchdog restarts the server if its process dies or its health does not
# answer for two minutes, and counts each restart (there must be none). With AKTE_URL set, runs against that
# server instead (restarts and peak heap are then not watched).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
corpus=${HOSTILE_CORPUS:-$root/target/hostile-corpus}
work=${HOSTILE_WORK:-$root/target/hostile-run}
offset=${HOSTILE_PORT_OFFSET:-305}
server_home=${AKTE_SERVER_HOME:-$root/dms-web/target/server}
export AKTE_ADMIN_PASSWORD=${AKTE_ADMIN_PASSWORD:-hostile-$(date +%s)}

if [ ! -d "$corpus/generated" ]; then
  java bench/HostileCorpus.java --out "$corpus"
fi
if [ -n "${AKTE_URL:-}" ]; then
  exec bench/run HostileCorpusRun --url "$AKTE_URL" --corpus "$corpus" "$@"
fi
if [ ! -x "$server_home/bin/standalone.sh" ]; then
  echo "no provisioned server in $server_home: mvn -pl dms-web -am install -DskipTests" >&2
  exit 2
fi
if [ ! -f "${AKTE_CLI_JAR:-$root/dms-ingest/target/akte.jar}" ]; then
  echo "no command-line client dms-ingest/target/akte.jar: mvn -pl dms-web -am install -DskipTests" >&2
  exit 2
fi

rm -rf "$work"
mkdir -p "$work"
cp -r "$server_home/standalone" "$work/base"
base=$work/base
url=http://127.0.0.1:$((8080 + offset))
cpus=()
if [ "$(nproc)" -gt 2 ]; then cpus=(taskset -c 0,1); fi
export AKTE_DATA_DIR=$work/data AKTE_PASSWORD_ITERATIONS=1000
: > "$work/restarts"

start_server() {
  JAVA_OPTS="-Xms256m -Xmx2g -XX:G1HeapRegionSize=32m -Djava.net.preferIPv4Stack=true -Xlog:gc:file=$work/gc-%p.log \
-Djboss.as.management.blocking.timeout=1200" \
    "${cpus[@]}" "$server_home/bin/standalone.sh" "-Djboss.server.base.dir=$base" \
    "-Djboss.socket.binding.port-offset=$offset" >> "$work/server.log" 2>&1 &
  local pid=""
  for _ in $(seq 1 1200); do
    if [ -z "$pid" ]; then
      for candidate in $(pgrep -f -- "-Djboss.server.base.dir=$base" || true); do
        if [ "$(cat "/proc/$candidate/comm" 2>/dev/null)" = java ]; then pid=$candidate; fi
      done
      [ -n "$pid" ] && echo "$pid" > "$work/server.pid"
    fi
    if curl -fs -m 5 "$url/api/health" > /dev/null 2>&1; then
      echo "server up: pid $pid, $url"
      return 0
    fi
    sleep 0.5
  done
  echo "the server did not come up; see $work/server.log" >&2
  return 1
}

stop_server() {
  local pid
  pid=$(cat "$work/server.pid" 2>/dev/null || true)
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  fi
}

watchdog() {
  local silent=0
  while true; do
    sleep 5
    local pid
    pid=$(cat "$work/server.pid" 2>/dev/null || true)
    if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; then
      echo "$(date -u +%T) server process gone: restarting" | tee -a "$work/restarts"
      start_server || true
      silent=0
    elif ! code=$(curl -s -m 10 -o /dev/null -w '%{http_code}' "$url/api/health") || [ "$code" = 000 ] \
        || [ "$code" = 404 ]; then
      # no answer, or WildFly answering without the application (its deployment failed)
      silent=$((silent + 15))
      if [ "$silent" -ge 120 ]; then
        echo "$(date -u +%T) health unanswered for 2 minutes: killing and restarting" | tee -a "$work/restarts"
        kill -9 "$pid" 2>/dev/null || true
        sleep 2
        start_server || true
        silent=0
      fi
    else
      silent=0
    fi
  done
}

start_server
watchdog &
watchdog_pid=$!
trap 'kill "$watchdog_pid" 2>/dev/null || true; stop_server' EXIT

bench/run HostileCorpusRun --url "$url" --corpus "$corpus" --pid-file "$work/server.pid" \
  --gc-log "$work" --restarts-file "$work/restarts" "$@"
echo "OutOfMemoryErrors in the server log: $(grep -c OutOfMemoryError "$work/server.log" || true)," \
  "StackOverflowErrors: $(grep -c StackOverflowError "$work/server.log" || true)  ($work/server.log)"
