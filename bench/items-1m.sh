#!/usr/bin/env bash
# Issue 13 points 1-2: numberMatched from the kept counts (migration V10) and spatial pages, at COUNT
# incidents on PostGIS. For each request: wrk with 8 and 32 connections against the service, and
# pgbench with 8 clients running the SQL the service sends for it (the count and the page), pairs
# alternated ROUNDS times. Then first page against page 50 of the bbox walk, and the plans.
#
# Usage: bench/items-1m.sh        (KEEP=1 keeps the loaded cluster in WORK for a rerun with REUSE=1)
# Environment: COUNT=1000000 SECONDS=15 ROUNDS=3 WORK=/tmp/pgitems SKIP_BUILD=1 PG_BIN=… PGPORT=… APP_PORT=…
# Results: printed and kept as bench/target/items-1m.log.
set -euo pipefail
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/lib.sh"

COUNT=${COUNT:-1000000}
SECONDS_RUN=${SECONDS:-15}
ROUNDS=${ROUNDS:-3}
BBOX=45,39,46,40                      # about 10 % of the synthetic rows
DATES=2022-01-01/2022-08-31           # about 11 %

bench_init items-1m
command -v wrk >/dev/null || { echo "wrk is needed" >&2; exit 1; }
bench_build
bench_cluster "${WORK:-/tmp/pgitems}"
bench_service
start=$(date +%s)
bench_load "$COUNT"
log "the load with the kept-count triggers took $(( $(date +%s) - start )) s"
psql_db -c "SELECT level, count(*) AS rows, sum(incidents) FROM incident_cells GROUP BY level ORDER BY level" \
        -c "SELECT count(*) AS day_rows FROM incident_days"

http() {  # url connections
  wrk -t2 -c"$2" -d"${SECONDS_RUN}s" --latency "$1" | grep -E 'Requests/sec|50%|99%|timeout|Non-2xx' | tr -s ' ' | paste -sd' '
}
sql() {  # file clients
  "$PG_BIN/pgbench" -n -h 127.0.0.1 -p "$PGPORT" -U "$DB_USER" -c "$2" -j 2 -T "$SECONDS_RUN" -f "$1" "$DB" 2>/dev/null \
    | grep -E 'latency average|tps' | tr -s ' ' | paste -sd' '
}
export PGPASSWORD=$DB_PASSWORD
COLS="id, event_date, event_type, ST_AsBinary(geom), country, fatalities, claims, sources"
cat >"$WORK/all.sql" <<SQL
SELECT COALESCE(sum(incidents), 0) FROM incident_cells WHERE level = 7;
SELECT $COLS FROM incidents ORDER BY id LIMIT 101;
SQL
cat >"$WORK/bbox.sql" <<SQL
SELECT $COLS FROM incidents WHERE ST_Intersects(geom, ST_MakeEnvelope(${BBOX}, 4326)) ORDER BY id LIMIT 101;
SQL
cat >"$WORK/dates.sql" <<SQL
SELECT COALESCE(sum(starts), 0) FROM incident_days WHERE event_day <= '2022-08-31';
SELECT COALESCE(sum(ends), 0) FROM incident_days WHERE event_day < '2022-01-01';
SELECT $COLS FROM incidents WHERE event_date <= '2022-08-31' AND event_last_date >= '2022-01-01' ORDER BY id LIMIT 101;
SQL

for round in $(seq 1 "$ROUNDS"); do
  for q in "all:limit=100" "bbox:bbox=$BBOX&limit=100" "dates:datetime=$DATES&limit=100"; do
    name=${q%%:*}; query=${q#*:}
    log "round $round $name service  8 conn: $(http "$BASE/collections/incidents/items?$query" 8)"
    log "round $round $name psql     8 cli : $(sql "$WORK/$name.sql" 8)"
    log "round $round $name service 32 conn: $(http "$BASE/collections/incidents/items?$query" 32)"
  done
done

# deep pages: the cursor of page 50 of the bbox walk, then that page against the first
url="$BASE/collections/incidents/items?bbox=$BBOX&limit=100"
for _ in $(seq 1 49); do
  url=$(curl -fs "$url" | python3 -c 'import json,sys; print([l["href"] for l in json.load(sys.stdin)["links"] if l["rel"] == "next"][0])')
done
for round in $(seq 1 "$ROUNDS"); do
  log "round $round bbox page  1: $(http "$BASE/collections/incidents/items?bbox=$BBOX&limit=100" 8)"
  log "round $round bbox page 50: $(http "$url" 8)"
done
log "numberMatched: $(curl -fs "$BASE/collections/incidents/items?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("numberMatched"))') all, $(curl -fs "$BASE/collections/incidents/items?limit=1&bbox=$BBOX" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("numberMatched"))') bbox; SQL: $(psql_db -At -c "SELECT count(*) FROM incidents WHERE ST_Intersects(geom, ST_MakeEnvelope(${BBOX}, 4326))")"
