#!/usr/bin/env bash
# Stoplight Prism, the independent referee of the conformance tests
# (module `prism` of the `upstream` tests in tests/full-specs/{v2024,beta}):
# a mock server per upstream spec on 127.0.0.1 that validates every request
# and reports what a request breaks in its `sl-violations` response header (`--errors` also turns a
# violation into an error status).
#
#   .ci/prism.sh start   install Prism (npm ci, pinned by .ci/prism/package-lock.json),
#                        start both servers, wait until they answer, and print
#                        `export PRISM_V2024_URL=… PRISM_BETA_URL=…` (for eval)
#   .ci/prism.sh stop    stop the servers started by `start`
#   .ci/prism.sh test    start, run the two conformance tests, stop
#
# The upstream specs are read from ../shared beside the repo and never
# modified: Prism refuses a spec whose `$ref`s do not resolve, and the two
# `x-webhooks` entries refer to files that are not published, so each spec
# is copied to a temporary file with those two references replaced by
# `type: object` (webhooks are not operations; nothing is served from them).
#
# Responses are generated from the schemas (`--dynamic`, with a fixed seed so
# runs repeat), not taken from the spec's examples: with `--errors` Prism
# answers 500 instead of returning an example that breaks its own schema,
# and several do (v2024 createDigitToken's `digitToken: 9087713`, say). So
# the client also decodes schema-conformant payloads of every sampled call.
#
# Ports: PRISM_V2024_PORT (default 4610) and PRISM_BETA_PORT (4611).
set -euo pipefail
cd "$(dirname "$0")/.."

prism_dir=.ci/prism
state=$prism_dir/run
upstream=../shared/specs/upstream
v2024_port=${PRISM_V2024_PORT:-4610}
beta_port=${PRISM_BETA_PORT:-4611}
# Seconds to wait for a server to answer (loading a 3 MB spec takes a few).
wait_limit=${PRISM_WAIT_SECONDS:-120}
seed=${PRISM_SEED:-20240101}

log() { echo "prism.sh: $*" >&2; }

install() {
  command -v node >/dev/null && command -v npm >/dev/null || {
    log "node and npm are needed (Prism is a Node program)"
    exit 1
  }
  local want have
  want=$(node -p "require('./$prism_dir/package.json').dependencies['@stoplight/prism-cli']")
  have=$(node -p "try { require('./$prism_dir/node_modules/@stoplight/prism-cli/package.json').version } catch { '' }")
  if [ "$want" != "$have" ]; then
    log "installing @stoplight/prism-cli $want"
    # --ignore-scripts: no install scripts run (one dependency's would send analytics).
    (cd "$prism_dir" && SCARF_ANALYTICS=false npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) >&2
  fi
}

# Copies spec $1 to $2 with the dangling external references replaced.
prepare() {
  local from=$1 to=$2
  [ -f "$from" ] || { log "$from not found (../shared must sit beside the repo)"; exit 1; }
  sed -E 's#^([[:space:]]*)\$ref: \.\./[^[:space:]]+$#\1type: object#' "$from" > "$to"
  local changed
  changed=$(diff "$from" "$to" | grep -c '^>' || true)
  if [ "$changed" != 2 ] || grep -q '\$ref: *\.\./' "$to"; then
    log "expected exactly two external references in $from, replaced $changed"
    exit 1
  fi
}

# Whether something answers HTTP on 127.0.0.1:$1.
answers() {
  node -e "require('http').get('http://127.0.0.1:$1/', r => process.exit(0)).on('error', () => process.exit(1))" 2>/dev/null
}

# Starts Prism for spec copy $2 on port $3; $1 names it.
serve() {
  local name=$1 spec=$2 port=$3
  if answers "$port"; then
    log "port $port is already in use (set PRISM_${name^^}_PORT)"
    exit 1
  fi
  SCARF_ANALYTICS=false "$prism_dir/node_modules/.bin/prism" mock --host 127.0.0.1 --port "$port" \
    --errors --dynamic --seed "$seed" "$spec" >"$state/$name.log" 2>&1 &
  echo $! >"$state/$name.pid"
}

# Waits until the server $1 on port $2 answers, or fails after $wait_limit s.
await() {
  local name=$1 port=$2 i
  for ((i = 0; i < wait_limit * 4; i++)); do
    answers "$port" && return 0
    if ! kill -0 "$(cat "$state/$name.pid")" 2>/dev/null; then
      log "Prism ($name) exited:"; tail -n 20 "$state/$name.log" >&2; exit 1
    fi
    sleep 0.25
  done
  log "Prism ($name) did not answer within ${wait_limit}s:"; tail -n 20 "$state/$name.log" >&2
  exit 1
}

start() {
  install
  stop 2>/dev/null || true
  mkdir -p "$state"
  prepare "$upstream/deref-sailpoint-api.v2024.yaml" "$state/v2024.yaml"
  prepare "$upstream/deref-sailpoint-api.beta.yaml" "$state/beta.yaml"
  serve v2024 "$state/v2024.yaml" "$v2024_port"
  serve beta "$state/beta.yaml" "$beta_port"
  await v2024 "$v2024_port"
  await beta "$beta_port"
  log "Prism is serving v2024 on 127.0.0.1:$v2024_port and beta on 127.0.0.1:$beta_port"
  echo "export PRISM_V2024_URL=http://127.0.0.1:$v2024_port PRISM_BETA_URL=http://127.0.0.1:$beta_port"
}

stop() {
  local name pid i
  for name in v2024 beta; do
    [ -f "$state/$name.pid" ] || continue
    pid=$(cat "$state/$name.pid")
    rm -f "$state/$name.pid"
    # Only the Prism this script started: a stale pid may belong to another process by now.
    ps -p "$pid" -o args= 2>/dev/null | grep -q 'prism' || continue
    kill "$pid" 2>/dev/null || true
    for ((i = 0; i < 40; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
  done
  rm -f "$state/v2024.yaml" "$state/beta.yaml"
}

case "${1:-test}" in
  start) start ;;
  stop) stop ;;
  test)
    env_line=$(start)
    eval "$env_line"
    trap stop EXIT
    cargo test --locked -p sailpoint-isc-full-v2024 -p sailpoint-isc-full-beta --test upstream -- prism:: --nocapture
    ;;
  *) log "usage: $0 [start|stop|test]"; exit 2 ;;
esac
