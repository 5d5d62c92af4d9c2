#!/usr/bin/env bash
# The floor of the event store on this machine: how fast PostgreSQL alone stores the events of the cluster
# benchmark (84,000 rows in commits of 500, as pgbench sends them), with the migrations' indexes and with
# the primary key only, for 1, 2 and 6 concurrent writers. No silo runs; compare with `cluster` in
# docs/benchmarks.md.
#
#   tests/PinpointAggregator.Benchmarks/peers/event-store-floor.sh HOST PORT [USER]
set -euo pipefail
host="$1" port="$2" user="${3:-postgres}"
here="$(cd "$(dirname "$0")" && pwd)"
sql="$here/../../../src/PinpointAggregator.Storage.PostgreSql/Migrations/Sql"
bin="$(dirname "$(compgen -G '/usr/lib/postgresql/*/bin/pgbench' | sort -V | tail -n 1)")"
psql=(psql -h "$host" -p "$port" -U "$user" -v ON_ERROR_STOP=1 -q)
db=pinpoint_event_store_floor
export PGOPTIONS="-c client_min_messages=warning"

fresh() {
  "${psql[@]}" -c "drop database if exists $db" -c "create database $db"
  "${psql[@]}" -d "$db" -f "$sql/0004_event_store.sql" -f "$sql/0006_event_queries.sql" >/dev/null
  "${psql[@]}" -d "$db" -c "create table pinpoint_events_2024_06 partition of pinpoint_events for values from ('2024-06-01') to ('2024-07-01')"
}

run() { # label clients
  local tps
  "$bin/pgbench" -h "$host" -p "$port" -U "$user" -n -f "$here/event-store-insert.pgbench.sql" -c "$2" -j "$2" -t $((168 / $2)) "$db" \
    | awk -v label="$1" -v writers="$2" '/^tps/ { printf "| %s | %d | %.0f |\n", label, writers, $3 * 500 }'
}

echo "| indexes | writers | events/s |"
echo "|---|---|---|"
for clients in 1 2 6; do fresh; run "migrations 0004 + 0006 (all)" "$clients"; done
fresh
"${psql[@]}" -d "$db" -At -c "select string_agg(format('drop index %I;', indexname), ' ') from pg_indexes where tablename = 'pinpoint_events' and indexname not like '%pkey'" | "${psql[@]}" -d "$db"
run "primary key only" 1
"${psql[@]}" -c "drop database $db"
