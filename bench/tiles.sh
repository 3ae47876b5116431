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
# Usage: bench/tiles.sh
# Environment: COUNT=1000000 TILES=200 THREADS=8 SECONDS=20 WORK=/tmp/pgtiles SKIP_BUILD=1
#              PG_BIN=/usr/lib/postgresql/15/bin PGPORT=56432 APP_PORT=18180
# Results: printed and kept as bench/target/tiles.log.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
ROOT=$PWD

COUNT=${COUNT:-1000000}
TILES=${TILES:-200}
THREADS=${THREADS:-8}
SECONDS_RUN=${SECONDS:-20}
WORK=${WORK:-/tmp/pgtiles}
BOX=43.5,38.4,49.5,42.0
DB=atlas
DB_USER=atlas
DB_PASSWORD=atlas-bench

if [[ -z "${PG_BIN:-}" ]]; then
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
fi
[[ -x "$PG_BIN/initdb" ]] || { echo "no PostgreSQL binaries in '$PG_BIN' (set PG_BIN)" >&2; exit 1; }

mkdir -p bench/target
LOG=$ROOT/bench/target/tiles.log
exec > >(tee "$LOG") 2>&1

log() { printf '[%(%T)T] %s\n' -1 "$*"; }
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { local p=$1; while ! port_free "$p"; do p=$((p + 1)); done; echo "$p"; }

# initdb and postgres refuse to run as root: run them as the postgres OS user then.
if [[ $(id -u) == 0 ]]; then
  PGUSER_OS=postgres
  as_pg() { runuser -u postgres -- "$@"; }
else
  PGUSER_OS=$(id -un)
  as_pg() { "$@"; }
fi

APP_PID=
cleanup() {
  local rc=$?
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  fi
  if [[ -f "$WORK/data/postmaster.pid" ]]; then
    as_pg "$PG_BIN/pg_ctl" -D "$WORK/data" -m fast -w stop >/dev/null || true
  fi
  rm -rf "$WORK"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1); $("$PG_BIN/postgres" --version)"
log "git: $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
if [[ -z "${SKIP_BUILD:-}" ]]; then
  log "building the service"
  ./mvnw -B -q -o package -DskipTests
fi
JAR=$(ls target/incident-atlas-*-exec.jar | head -1)

[[ -e "$WORK" ]] && { echo "$WORK exists; remove it or set WORK" >&2; trap - EXIT; exit 1; }
mkdir -p "$WORK"
chown "$PGUSER_OS" "$WORK"
PGPORT=$(free_port "${PGPORT:-56432}")
as_pg "$PG_BIN/initdb" -D "$WORK/data" -U postgres --auth=trust -E UTF8 --locale=C >/dev/null
cat >>"$WORK/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PGPORT
unix_socket_directories = '$WORK'
shared_buffers = 1GB
effective_cache_size = 8GB
maintenance_work_mem = 512MB
max_wal_size = 8GB
jit = off
CONF
as_pg "$PG_BIN/pg_ctl" -D "$WORK/data" -l "$WORK/postgres.log" -w start >/dev/null
psql_su() { "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U postgres "$@"; }
psql_su -d postgres -c "CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD'" -c "CREATE DATABASE $DB OWNER $DB_USER"
psql_su -d "$DB" -c "CREATE EXTENSION postgis"
JDBC_URL="jdbc:postgresql://127.0.0.1:$PGPORT/$DB"

APP_PORT=$(free_port "${APP_PORT:-18180}")
INCIDENT_DB_URL=$JDBC_URL INCIDENT_DB_USER=$DB_USER INCIDENT_DB_PASSWORD=$DB_PASSWORD ATLAS_DEMO_DATA=false PORT=$APP_PORT \
  ATLAS_WRITE_TOKEN=bench-not-used java -Xmx2g -jar "$JAR" >"$WORK/service.log" 2>&1 &
APP_PID=$!
BASE=http://127.0.0.1:$APP_PORT
for _ in $(seq 1 300); do
  curl -fs -o /dev/null "$BASE/collections" && break
  kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$WORK/service.log"; echo "the service died" >&2; exit 1; }
  sleep 1
done
log "service up on $BASE"

psql_db() { PGPASSWORD=$DB_PASSWORD "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U "$DB_USER" -d "$DB" "$@"; }
log "inserting $COUNT synthetic incidents"
psql_db <<SQL
SELECT setseed(0.1201);
INSERT INTO incidents (event_date, date_precision, event_type, geom, geo_precision, fatalities, country, location_name)
SELECT date '2020-01-01' + floor(random() * 2190)::int, 'day',
       (ARRAY['Battles', 'Explosions/Remote violence', 'Violence against civilians', 'Protests', 'Riots',
              'Strategic developments'])[1 + floor(random() * 6)::int],
       ST_SetSRID(ST_MakePoint(lon, lat), 4326), 1, floor(random() * random() * 6)::int,
       CASE WHEN lon < 45.6 THEN 'ARM' ELSE 'AZE' END, 'synthetic'
FROM (SELECT CASE WHEN u < 0.6 THEN cx[c] + (random() + random() + random() - 1.5) * 0.3 ELSE 43.5 + random() * 6 END AS lon,
             CASE WHEN u < 0.6 THEN cy[c] + (random() + random() + random() - 1.5) * 0.2 ELSE 38.4 + random() * 3.6 END AS lat
      FROM (SELECT random() AS u, 1 + floor(random() * 3)::int AS c, ARRAY[45.45, 46.2, 45.1] AS cx, ARRAY[40.05, 39.3, 41.0] AS cy
            FROM generate_series(1, $COUNT)) g) p;
ANALYZE incidents;
SQL
log "$(psql_db -At -c "SELECT count(*) || ' incidents, ' || pg_size_pretty(pg_total_relation_size('incidents')) FROM incidents")"

# The floor: the statement PostgisTileRenderer sends, with the tile's lon/lat box made in SQL.
floor_sql() {
  local z=$1
  local size="(40075016.68557849 / pow(2, :z))"
  if (( z <= 11 )); then
    cat <<SQL
\set z $z
\set x random($2, $3)
\set y random($4, $5)
SELECT ST_AsMVT(q, 'incidents', 4096, 'geom') FROM (SELECT CAST(sum(n) AS integer) AS count, CAST(sum(f) AS integer) AS fatalities, CAST(jsonb_object_agg(event_type, n) AS text) AS event_types, ST_AsMVTGeom(ST_SetSRID(ST_MakePoint(sum(sx) / sum(n), sum(sy) / sum(n)), 3857), ST_TileEnvelope(:z, :x, :y), 4096, 0, false) AS geom FROM (SELECT cx, cy, event_type, count(*) AS n, coalesce(sum(fatalities), 0) AS f, sum(x) AS sx, sum(y) AS sy FROM (SELECT floor((x - (-20037508.342789244 + :x * $size)) / ($size / 16)) AS cx, floor(((20037508.342789244 - :y * $size) - y) / ($size / 16)) AS cy, x, y, event_type, fatalities FROM (SELECT radians(ST_X(p)) * 6378137.0 AS x, ln(tan(pi() / 4 + radians(ST_Y(p)) / 2)) * 6378137.0 AS y, event_type, fatalities FROM (SELECT ST_PointOnSurface(geom) AS p, event_type, fatalities FROM incidents WHERE ST_Intersects(geom, ST_Envelope(ST_Transform(ST_TileEnvelope(:z, :x, :y), 4326)))) a) b) m WHERE cx >= 0 AND cx < 16 AND cy >= 0 AND cy < 16 GROUP BY cx, cy, event_type) d GROUP BY cx, cy) q;
SQL
  else
    cat <<SQL
\set z $z
\set x random($2, $3)
\set y random($4, $5)
SELECT ST_AsMVT(q, 'incidents', 4096, 'geom', 'id') FROM (SELECT id, CAST(event_date AS VARCHAR(10)) AS event_date, event_type, sub_event_type, fatalities, country, location_name, border_distance_m, ST_AsMVTGeom(ST_Transform(geom, 3857), ST_TileEnvelope(:z, :x, :y), 4096, 64, true) AS geom FROM incidents WHERE ST_Intersects(geom, ST_Envelope(ST_Transform(ST_TileEnvelope(:z, :x, :y, margin => 0.015625), 4326)))) q WHERE q.geom IS NOT NULL;
SQL
  fi
}

LAT="java bench/src/main/java/org/incidentatlas/bench/TileLatency.java"
for z in 5 8 11 14; do
  read -r C0 C1 R0 R1 < <(python3 -c "
import math
z=$z; b=[float(v) for v in '$BOX'.split(',')]
col=lambda lon: int((lon+180)/360*2**z)
row=lambda lat: int((1-math.log(math.tan(math.radians(lat))+1/math.cos(math.radians(lat)))/math.pi)/2*2**z)
print(col(b[0]), col(b[2]), row(b[3]), row(b[1]))")
  log "zoom $z: columns $C0-$C1, rows $R0-$R1"
  $LAT --base "$BASE" --zoom "$z" --box "$BOX" --tiles "$TILES"
  $LAT --base "$BASE" --zoom "$z" --box "$BOX" --threads "$THREADS" --seconds "$SECONDS_RUN"
  floor_sql "$z" "$C0" "$C1" "$R0" "$R1" > "$WORK/floor-$z.sql"
  PGPASSWORD=$DB_PASSWORD "$PG_BIN/pgbench" -n -h 127.0.0.1 -p "$PGPORT" -U "$DB_USER" -c "$THREADS" -j 2 -T "$SECONDS_RUN" \
    -f "$WORK/floor-$z.sql" "$DB" 2>&1 | grep -E "tps|latency average|transactions actually" | sed "s/^/  floor (pgbench, zoom $z): /"
done
log "done"
