#!/usr/bin/env bash
# Vector tiles (issue 14) on PostGIS: tile latency at zooms 5, 8, 11, 14 over the region, cold
# (rendered) and warm (ETag revalidation, 304), throughput with 8 connections, and the floor: the
# same ST_AsMVT statement run by pgbench with 8 clients straight on the database.
#
#   builds the service, starts a throwaway PostgreSQL + PostGIS cluster on 127.0.0.1, starts the
#   service on it (Flyway makes the schema), inserts COUNT synthetic incidents with one SQL
#   statement (60 % in three dense clusters along the border, the rest uniform over the region;
#   no border metrics: the tiles read none of them unless a border filter asks), then measures.
#
# Each zoom's throughput runs ROUNDS times as alternated triples: the service's tiles, the floor
# (pgbench), and the plain HTTP loop (the same client on GET /conformance: the service's HTTP path
# alone, what no tile work can beat on this machine).
#
# Usage: bench/tiles.sh
# Environment: COUNT=1000000 TILES=200 THREADS=8 SECONDS=20 ZOOMS="5 8 11 14" ROUNDS=1 CLIENT=java|wrk WORK=/tmp/pgtiles
#              SKIP_BUILD=1 KEEP=1 PG_BIN=/usr/lib/postgresql/15/bin PGPORT=56432 APP_PORT=18180
# Results: printed and kept as bench/target/tiles.log.
set -euo pipefail
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/lib.sh"

COUNT=${COUNT:-1000000}
TILES=${TILES:-200}
THREADS=${THREADS:-8}
SECONDS_RUN=${SECONDS:-20}
ZOOMS=${ZOOMS:-5 8 11 14}
ROUNDS=${ROUNDS:-1}
BOX=43.5,38.4,49.5,42.0

bench_init tiles
bench_build
bench_cluster "${WORK:-/tmp/pgtiles}"
bench_service
bench_load "$COUNT"

# The floor: the statement PostgisTileRenderer sends, with the tile's lon/lat box made in SQL (incident
# tiles: with the data version read in the same statement, as the service does for its ETag; aggregate
# tiles: from the kept counts, as the service draws them when no filter asks for more than an event type).
floor_sql() {
  local z=$1
  local size="(40075016.68557849 / pow(2, :z))"
  if (( z <= 11 )); then
    # aggregate zooms without filters: the kept sums (incident_cells) of the tile's 16 x 16 cells, read from the
    # coarsest stored level at least as fine (7, 9, 11, 13, 15), as PostgisTileRenderer.keptAggregates sends them
    local level=7
    while (( level < z + 4 )); do level=$((level + 2)); done
    local per=$((1 << (level - z - 4))) span=$((16 * (1 << (level - z - 4))))
    cat <<SQL
\set z $z
\set x random($2, $3)
\set y random($4, $5)
\set x0 :x * $span
\set x1 :x * $span + $span - 1
\set y0 :y * $span
\set y1 :y * $span + $span - 1
SELECT ST_AsMVT(q, 'incidents', 4096, 'geom') FROM (SELECT CAST(sum(n) AS integer) AS count, CAST(sum(f) AS integer) AS fatalities, CAST(jsonb_object_agg(event_type, n) AS text) AS event_types, ST_AsMVTGeom(ST_SetSRID(ST_MakePoint(sum(sx) / sum(n), sum(sy) / sum(n)), 3857), ST_TileEnvelope(:z, :x, :y), 4096, 0, false) AS geom FROM (SELECT cx, cy, event_type, CAST(sum(incidents) AS BIGINT) AS n, CAST(sum(fatalities) AS BIGINT) AS f, sum(sum_x) AS sx, sum(sum_y) AS sy FROM (SELECT cx / $per AS cx, cy / $per AS cy, event_type, incidents, fatalities, sum_x, sum_y FROM incident_cells WHERE level = $level AND cx BETWEEN :x0 AND :x1 AND cy BETWEEN :y0 AND :y1) k GROUP BY cx, cy, event_type HAVING sum(incidents) > 0) d GROUP BY cx, cy) q;
SQL
  else
    cat <<SQL
\set z $z
\set x random($2, $3)
\set y random($4, $5)
SELECT v.version, CASE WHEN v.version = -1 THEN NULL ELSE (SELECT ST_AsMVT(q, 'incidents', 4096, 'geom', 'id') FROM (SELECT id, CAST(event_date AS VARCHAR(10)) AS event_date, event_type, sub_event_type, fatalities, country, location_name, border_distance_m, ST_AsMVTGeom(ST_Transform(geom, 3857), ST_TileEnvelope(:z, :x, :y), 4096, 64, true) AS geom FROM incidents WHERE ST_Intersects(geom, ST_Envelope(ST_Transform(ST_TileEnvelope(:z, :x, :y, margin => 0.015625), 4326)))) q WHERE q.geom IS NOT NULL) END FROM data_version v WHERE v.id = 1;
SQL
  fi
}

LAT="java bench/src/main/java/org/incidentatlas/bench/TileLatency.java"
# CLIENT=wrk: throughput (service and plain HTTP) measured by wrk (C, 2 threads, THREADS connections) instead of
# TileLatency's Java threads, so that the load generator costs the two shared cores about what pgbench costs
CLIENT=${CLIENT:-java}
wrk_run() {
  local script=()
  [[ -n "$2" ]] && script=(-s "$2")
  printf '%s, %s connections (wrk): ' "$3" "$THREADS"
  wrk -t2 -c"$THREADS" -d"${SECONDS_RUN}s" --latency "${script[@]}" "$1" \
    | grep -E 'Requests/sec|50%|99%|timeout|Non-2xx' | tr -s ' ' | paste -sd' '
}
for z in $ZOOMS; do
  read -r C0 C1 R0 R1 < <(python3 -c "
import math
z=$z; b=[float(v) for v in '$BOX'.split(',')]
col=lambda lon: int((lon+180)/360*2**z)
row=lambda lat: int((1-math.log(math.tan(math.radians(lat))+1/math.cos(math.radians(lat)))/math.pi)/2*2**z)
print(col(b[0]), col(b[2]), row(b[3]), row(b[1]))")
  log "zoom $z: columns $C0-$C1, rows $R0-$R1"
  $LAT --base "$BASE" --zoom "$z" --box "$BOX" --tiles "$TILES"
  floor_sql "$z" "$C0" "$C1" "$R0" "$R1" > "$WORK/floor-$z.sql"
  # wrk's client: the same random tiles as pgbench's \set x/y, so both pick from the same columns and rows
  cat > "$WORK/tiles-$z.lua" <<LUA
math.randomseed(42)
request = function()
  return wrk.format("GET", "/collections/incidents/tiles/WebMercatorQuad/$z/" .. math.random($R0, $R1) .. "/" .. math.random($C0, $C1))
end
LUA
  for round in $(seq 1 "$ROUNDS"); do
    log "zoom $z, round $round of $ROUNDS"
    if [[ "$CLIENT" == wrk ]]; then
      wrk_run "$BASE/" "$WORK/tiles-$z.lua" "service, zoom $z"
    else
      $LAT --base "$BASE" --zoom "$z" --box "$BOX" --threads "$THREADS" --seconds "$SECONDS_RUN"
    fi
    PGPASSWORD=$DB_PASSWORD "$PG_BIN/pgbench" -n -h 127.0.0.1 -p "$PGPORT" -U "$DB_USER" -c "$THREADS" -j 2 -T "$SECONDS_RUN" \
      -f "$WORK/floor-$z.sql" "$DB" 2>&1 | grep -E "tps|latency average|transactions actually" | sed "s/^/  floor (pgbench, zoom $z): /"
    if [[ "$CLIENT" == wrk ]]; then
      wrk_run "$BASE/conformance" "" "plain HTTP /conformance"
    else
      $LAT --base "$BASE" --plain /conformance --threads "$THREADS" --seconds "$SECONDS_RUN"
    fi
  done
done
log "done"
