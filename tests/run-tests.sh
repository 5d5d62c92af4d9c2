#!/usr/bin/env bash
# Runs every test of the solution against real services.
#
# Installs what is missing (PostgreSQL and docker-compose from apt, s3rver and fauxqs from npm as pinned in
# tests/services, the Node gRPC client's packages as pinned in tests/clients/node), starts
# PostgreSQL, s3rver and fauxqs (SQS and SNS; patched to listen where FAUXQS_LISTEN_ADDRESS says) on 127.0.0.1
# on free ports with throw-away data folders, runs `dotnet test` on
# the whole solution, stops the services and exits with the tests' status. Extra arguments go to
# `dotnet test` (for example: tests/run-tests.sh --filter Category!=Slow).
#
# Exports PA_TEST_POSTGRES, PA_TEST_S3_ENDPOINT and PA_TEST_SQS_ENDPOINT (the services), and PA_TEST_PG_BIN and PA_TEST_PG_USER so
# tests that stop their database can run a throw-away server of their own with the same binaries.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d -t pinpoint-tests-XXXXXX)"
chmod 755 "$work" # the postgres user must reach its data folder
s3_pid=""
sqs_pid=""
pg_ctl=""

log() { printf '[run-tests] %s\n' "$*" >&2; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# PostgreSQL refuses to run as root; as root, run it as the postgres user the Debian package creates.
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

cleanup() {
  local status=$?
  [ -n "$s3_pid" ] && kill "$s3_pid" 2>/dev/null || true
  [ -n "$sqs_pid" ] && kill "$sqs_pid" 2>/dev/null || true
  [ -n "$pg_ctl" ] && as_postgres "$pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT INT TERM

install_missing() {
  local missing=()
  command -v node >/dev/null 2>&1 || missing+=(nodejs npm)
  # The HTTP/JSON tests call the service with the real curl.
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
  # `docker-compose config` validates the compose file (ComposeFileTests); no Docker engine is needed.
  command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]} from apt"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  command -v dotnet >/dev/null 2>&1 || { log "the .NET 10 SDK is required (https://dot.net)"; exit 1; }
  log "installing s3rver and fauxqs (tests/services/package-lock.json)"
  (cd "$repo/tests/services" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  log "installing the Node gRPC client (tests/clients/node/package-lock.json)"
  (cd "$repo/tests/clients/node" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

wait_for_port() {
  local port=$1 name=$2
  for _ in $(seq 1 200); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    sleep 0.05
  done
  log "$name did not start on 127.0.0.1:$port"
  return 1
}

start_postgres() {
  local bin port
  bin="$(dirname "$(compgen -G '/usr/lib/postgresql/*/bin/initdb' | sort -V | tail -n 1)")"
  pg_ctl="$bin/pg_ctl"
  port="$(free_port)"
  mkdir -p "$work/pg"
  [ "$(id -u)" -eq 0 ] && chown postgres "$work/pg"
  as_postgres "$bin/initdb" -D "$work/pg/data" -U postgres -A trust -E UTF8 --no-sync >"$work/pg/initdb.log" 2>&1 \
    || { cat "$work/pg/initdb.log" >&2; exit 1; }
  # Throw-away data: durability settings off for speed.
  as_postgres "$pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $work/pg -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null || { cat "$work/pg/server.log" >&2; exit 1; }
  export PA_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  # Tests that stop their database run a throw-away server of their own with the same binaries, as the same user.
  export PA_TEST_PG_BIN="$bin"
  if [ "$(id -u)" -eq 0 ]; then export PA_TEST_PG_USER=postgres; else export PA_TEST_PG_USER=""; fi
  log "PostgreSQL on 127.0.0.1:$port"
}

start_s3rver() {
  local port
  port="$(free_port)"
  mkdir -p "$work/s3"
  # s3rver's list continuation tokens use DES, which Node 17+ only offers through the legacy provider.
  NODE_OPTIONS=--openssl-legacy-provider "$repo/tests/services/node_modules/.bin/s3rver" \
    -d "$work/s3" -a 127.0.0.1 -p "$port" --silent >"$work/s3rver.log" 2>&1 &
  s3_pid=$!
  wait_for_port "$port" s3rver || { cat "$work/s3rver.log" >&2; exit 1; }
  export PA_TEST_S3_ENDPOINT="http://127.0.0.1:$port"
  log "s3rver on 127.0.0.1:$port"
}

start_fauxqs() {
  local port
  port="$(free_port)"
  FAUXQS_LISTEN_ADDRESS=127.0.0.1 FAUXQS_PORT="$port" FAUXQS_LOGGER=false \
    "$repo/tests/services/node_modules/.bin/fauxqs" >"$work/fauxqs.log" 2>&1 &
  sqs_pid=$!
  for _ in $(seq 1 200); do
    if curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1; then
      export PA_TEST_SQS_ENDPOINT="http://127.0.0.1:$port"
      log "fauxqs (SQS, SNS) on 127.0.0.1:$port"
      return 0
    fi
    sleep 0.05
  done
  log "fauxqs did not answer on 127.0.0.1:$port/health"
  cat "$work/fauxqs.log" >&2
  exit 1
}

install_missing
start_postgres
start_s3rver
start_fauxqs
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log "dotnet test PinpointAggregator.sln"
dotnet test "$repo/PinpointAggregator.sln" "$@"
