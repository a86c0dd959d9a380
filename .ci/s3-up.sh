#!/usr/bin/env bash
# Installs (if missing) and starts a single-node Ceph RADOS Gateway as the S3 server for the
# dms-core S3 tests, then prints the environment the tests read. Usage:
#   eval "$(.ci/s3-up.sh)"          # progress goes to stderr, only the exports to stdout
# Environment: AKTE_SHARED_DIR  the shared dir holding tools/rgw-up.sh (default: sibling of the repo)
#              AKTE_S3_DATA_DIR the gateway's data dir (default /var/tmp/akte-rgw; a real disk, not tmpfs)
#              AKTE_S3_HTTP_PORT, AKTE_S3_HTTPS_PORT (default 17200, 17243)
set -euo pipefail

log() { echo "s3-up: $*" >&2; }

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
data_dir=${AKTE_S3_DATA_DIR:-/var/tmp/akte-rgw}
http_port=${AKTE_S3_HTTP_PORT:-17200}
https_port=${AKTE_S3_HTTPS_PORT:-17243}

# The shared tools live next to the repo clone (<parent>/main, <parent>/shared), not inside it.
find_rgw_up() {
  local candidate
  for candidate in ${AKTE_SHARED_DIR:+"$AKTE_SHARED_DIR/tools/rgw-up.sh"} \
                   "$script_dir/../../shared/tools/rgw-up.sh" \
                   "$(git -C "$script_dir" rev-parse --show-toplevel 2>/dev/null)/../shared/tools/rgw-up.sh"; do
    if [ -f "$candidate" ]; then
      (cd "$(dirname "$candidate")" && echo "$(pwd -P)/rgw-up.sh")
      return 0
    fi
  done
  return 1
}

rgw_up=$(find_rgw_up) || {
  log "cannot find shared/tools/rgw-up.sh next to the repo; set AKTE_SHARED_DIR to the shared dir"
  exit 1
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else log "need root (or sudo) to run: $*"; exit 1
  fi
}

# package -> a command it provides; only what is missing gets installed
declare -A provides=(
  [ceph-mon]=ceph-mon [ceph-osd]=ceph-osd [radosgw]=radosgw [ceph-common]=ceph
  [python3]=python3 [openssl]=openssl [uuid-runtime]=uuidgen [curl]=curl
)
missing=()
for pkg in "${!provides[@]}"; do
  command -v "${provides[$pkg]}" >/dev/null || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # a fresh image has no package lists; update only when the install cannot find the packages
  if ! as_root apt-get install -y --no-install-recommends "${missing[@]}" >&2; then
    as_root apt-get update >&2
    as_root apt-get install -y --no-install-recommends "${missing[@]}" >&2
  fi
fi

log "starting RGW with data in $data_dir"
"$rgw_up" "$data_dir" "$http_port" "$https_port" >&2

cat <<EOF
export AKTE_TEST_S3_ENDPOINT=http://127.0.0.1:$http_port
export AKTE_TEST_S3_ACCESS_KEY=minioadmin
export AKTE_TEST_S3_SECRET_KEY=minioadmin
export AKTE_TEST_S3_REGION=us-east-1
EOF
