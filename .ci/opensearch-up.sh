#!/usr/bin/env bash
# Starts (building it on first use from Maven Central artifacts) a single-node OpenSearch 2.19 for the tests of
# the OpenSearch search backend, then prints the environment they read. Usage:
#   eval "$(.ci/opensearch-up.sh)"   # progress goes to stderr, only the export to stdout
# Stop it with shared/tools/opensearch/opensearch-down.sh "$AKTE_OPENSEARCH_DATA_DIR".
# Environment: AKTE_SHARED_DIR          the shared dir holding tools/opensearch (default: sibling of the repo)
#              AKTE_OPENSEARCH_DATA_DIR the node's data dir (default /var/tmp/akte-opensearch/data)
#              AKTE_OPENSEARCH_HTTP_PORT its HTTP port (default 19200; the transport port is 100 above)
set -euo pipefail

log() { echo "opensearch-up: $*" >&2; }

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
data_dir=${AKTE_OPENSEARCH_DATA_DIR:-/var/tmp/akte-opensearch/data}
http_port=${AKTE_OPENSEARCH_HTTP_PORT:-19200}

# The shared tools live next to the repo clone (<parent>/main, <parent>/shared), not inside it.
find_up() {
  local candidate
  for candidate in ${AKTE_SHARED_DIR:+"$AKTE_SHARED_DIR/tools/opensearch/opensearch-up.sh"} \
                   "$script_dir/../../shared/tools/opensearch/opensearch-up.sh" \
                   "$(git -C "$script_dir" rev-parse --show-toplevel 2>/dev/null)/../shared/tools/opensearch/opensearch-up.sh"; do
    if [ -f "$candidate" ]; then
      (cd "$(dirname "$candidate")" && echo "$(pwd -P)/opensearch-up.sh")
      return 0
    fi
  done
  return 1
}

up=$(find_up) || {
  log "cannot find shared/tools/opensearch/opensearch-up.sh next to the repo; set AKTE_SHARED_DIR to the shared dir"
  exit 1
}

log "starting OpenSearch with data in $data_dir"
# the script prints the URL as its last word, also when the node was already running
url=$("$up" "$data_dir" "$http_port" | tail -n 1)
url=${url##* }
case "$url" in
  http://*) ;;
  *) log "no URL from $up: '$url'"; exit 1 ;;
esac

echo "export AKTE_TEST_OPENSEARCH_URL=$url"
