#!/usr/bin/env bash
# Border proximity at 1M incidents (issue 4), end to end:
#   builds the service and bench/, starts a throwaway PostgreSQL + PostGIS cluster on 127.0.0.1,
#   loads 1,000,000 synthetic incidents (SyntheticIncidents: load time, then the time to recompute
#   every incident's border metrics), starts the service against it, measures
#   GET /collections/incidents/items?max-border-distance=5000&border=ARM-AZE&limit=100 (ItemsLatency:
#   1,000 sequential requests after 200 warm-up), checks numberMatched against SQL, records the query
#   plans the service's SQL gets, and stops everything again.
#
# Usage: bench/border-1m.sh            (about 25 minutes on the standard machine)
# Environment (all optional):
#   COUNT=1000000 SEED=20261121 THREADS=2   what SyntheticIncidents loads
#   WARMUP=200 REQUESTS=1000                the latency run
#   WORK=/tmp/pg1m                          cluster, logs and results (removed at the end unless KEEP=1)
#   PG_BIN=/usr/lib/postgresql/15/bin       PostgreSQL binaries (default: highest /usr/lib/postgresql/*/bin)
#   PGPORT=55432 APP_PORT=18080             first ports tried (the next free ones are used)
#   SKIP_BUILD=1                            reuse target/ and bench/target/
#   KEEP=1                                  leave WORK behind (the cluster is stopped anyway)
#   REUSE=1                                 start the cluster a KEEP=1 run left in WORK: no load, only
#                                           the recompute (RECOMPUTE=0 skips it too) and the latency runs
# Results: the log is printed and kept as bench/target/border-1m.log.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
ROOT=$PWD

COUNT=${COUNT:-1000000}
SEED=${SEED:-20261121}
THREADS=${THREADS:-2}
WARMUP=${WARMUP:-200}
REQUESTS=${REQUESTS:-1000}
WORK=${WORK:-/tmp/pg1m}
QUERY='max-border-distance=5000&border=ARM-AZE&limit=100'
DB=atlas
DB_USER=atlas
DB_PASSWORD=atlas-bench

if [[ -z "${PG_BIN:-}" ]]; then
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
fi
[[ -x "$PG_BIN/initdb" ]] || { echo "no PostgreSQL binaries in '$PG_BIN' (set PG_BIN)" >&2; exit 1; }

mkdir -p bench/target
LOG=$ROOT/bench/target/border-1m.log
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
    log "stopping the service (pid $APP_PID)"
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  fi
  if [[ -f "$WORK/data/postmaster.pid" ]]; then
    log "stopping PostgreSQL"
    as_pg "$PG_BIN/pg_ctl" -D "$WORK/data" -m fast -w stop >/dev/null || true
  fi
  if [[ -z "${KEEP:-}" ]]; then rm -rf "$WORK"; fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log "machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1); $("$PG_BIN/postgres" --version)"
log "git: $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- src migrations pom.xml 2>/dev/null || echo ' (with uncommitted changes)')"

if [[ -z "${SKIP_BUILD:-}" ]]; then
  log "building the service and bench/"
  ./mvnw -B -q install -DskipTests
  ./mvnw -B -q -f bench/pom.xml package
fi
JAR=$(ls target/incident-atlas-*-exec.jar | head -1)
BENCH_JAR=bench/target/benchmarks.jar

# --- a throwaway cluster (or, with REUSE=1, the one a KEEP=1 run left in WORK) ---
if [[ -n "${REUSE:-}" ]]; then
  [[ -f "$WORK/data/PG_VERSION" ]] || { echo "REUSE=1 needs the cluster of an earlier KEEP=1 run in $WORK" >&2; trap - EXIT; exit 1; }
  KEEP=1
  PGPORT=$(free_port "${PGPORT:-55432}")
  sed -i "s/^port = .*/port = $PGPORT/" "$WORK/data/postgresql.conf"
  log "reusing the cluster in $WORK/data, port $PGPORT"
  as_pg "$PG_BIN/pg_ctl" -D "$WORK/data" -l "$WORK/postgres.log" -w start >/dev/null
  psql_su() { "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U postgres "$@"; }
else
  [[ -e "$WORK" ]] && { echo "$WORK exists; remove it or set WORK" >&2; trap - EXIT; exit 1; }
  mkdir -p "$WORK"
  chown "$PGUSER_OS" "$WORK"
  PGPORT=$(free_port "${PGPORT:-55432}")
  log "initdb in $WORK/data, port $PGPORT"
  as_pg "$PG_BIN/initdb" -D "$WORK/data" -U postgres --auth=trust -E UTF8 --locale=C >/dev/null
cat >>"$WORK/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PGPORT
unix_socket_directories = '$WORK'
shared_buffers = 2GB
effective_cache_size = 16GB
maintenance_work_mem = 1GB
max_wal_size = 8GB
checkpoint_timeout = 30min
shared_preload_libraries = 'pg_stat_statements'
EOF
  as_pg "$PG_BIN/pg_ctl" -D "$WORK/data" -l "$WORK/postgres.log" -w start >/dev/null
  psql_su() { "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U postgres "$@"; }
  psql_su -d postgres -c "CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD'" -c "CREATE DATABASE $DB OWNER $DB_USER"
  psql_su -d "$DB" -c "CREATE EXTENSION postgis" -c "CREATE EXTENSION pg_stat_statements"
fi
log "settings: $(psql_su -d "$DB" -At -c "SELECT string_agg(name || '=' || setting || coalesce(unit, ''), ', ' ORDER BY name) FROM pg_settings WHERE name IN ('shared_buffers','effective_cache_size','work_mem','maintenance_work_mem','max_wal_size','random_page_cost','jit','max_parallel_workers_per_gather')")"
JDBC_URL="jdbc:postgresql://127.0.0.1:$PGPORT/$DB"

# --- load and recompute ---
# REUSE=1 keeps the incidents there and only recomputes (RECOMPUTE=0: not even that)
LOAD_ARGS=()
if [[ -n "${REUSE:-}" ]]; then LOAD_ARGS+=(--no-load); fi
if [[ "${RECOMPUTE:-1}" == 0 ]]; then LOAD_ARGS+=(--no-recompute); fi
log "SyntheticIncidents: $COUNT incidents, seed $SEED, $THREADS thread(s) ${LOAD_ARGS[*]}"
java -Xmx4g -cp "$BENCH_JAR" org.incidentatlas.bench.SyntheticIncidents --url "$JDBC_URL" --user "$DB_USER" \
  --password "$DB_PASSWORD" --count "$COUNT" --seed "$SEED" --threads "$THREADS" "${LOAD_ARGS[@]}"

psql_db() { PGPASSWORD=$DB_PASSWORD "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U "$DB_USER" -d "$DB" "$@"; }
EXPECTED=$(psql_db -At -c "SELECT count(DISTINCT incident_id) FROM incident_border_distances WHERE border_id = 'ARM-AZE' AND distance_m <= 5000")
POSTGIS=$(psql_db -At -c "SELECT count(*) FROM incidents i, borders b WHERE b.id = 'ARM-AZE' AND ST_DWithin(i.geom::geography, b.geom::geography, 5000)")
log "SQL: $EXPECTED incidents within 5,000 m of ARM-AZE by incident_border_distances; $POSTGIS by PostGIS ST_DWithin(geography) (independent check)"

# --- the service ---
APP_PORT=$(free_port "${APP_PORT:-18080}")
log "starting $JAR on port $APP_PORT"
INCIDENT_DB_URL=$JDBC_URL INCIDENT_DB_USER=$DB_USER INCIDENT_DB_PASSWORD=$DB_PASSWORD ATLAS_DEMO_DATA=false PORT=$APP_PORT \
  ATLAS_WRITE_TOKEN=bench-not-used java -Xmx4g -jar "$JAR" >"$WORK/service.log" 2>&1 &
APP_PID=$!
BASE=http://127.0.0.1:$APP_PORT
for _ in $(seq 1 120); do
  curl -fs -o /dev/null "$BASE/collections" && break
  kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$WORK/service.log"; echo "the service died" >&2; exit 1; }
  sleep 1
done
curl -fs -o /dev/null "$BASE/collections" || { tail -50 "$WORK/service.log"; echo "the service did not start" >&2; exit 1; }
if grep -q "Border metrics recomputed\|Loaded .* international borders" "$WORK/service.log"; then
  log "WARNING: the service reloaded the borders or recomputed metrics on start; see $WORK/service.log"
fi
log "service up: $(grep -m1 -o 'Started [A-Za-z]* in [0-9.]* seconds' "$WORK/service.log" || echo started)"

# --- latency ---
# server-side time per statement during a latency run (pg_stat_statements, reset before each run)
statements() {
  psql_su -d "$DB" -c "SELECT calls, round(mean_exec_time::numeric, 3) AS mean_ms, round(stddev_exec_time::numeric, 3) AS stddev_ms,
      round(max_exec_time::numeric, 2) AS max_ms, rows / greatest(calls, 1) AS rows_per_call,
      left(regexp_replace(query, '\s+', ' ', 'g'), 120) AS statement
    FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = '$DB') AND calls >= $REQUESTS
    ORDER BY total_exec_time DESC LIMIT 8"
}
latency() {
  psql_su -d "$DB" -c "SELECT pg_stat_statements_reset()" >/dev/null
  java -cp "$BENCH_JAR" org.incidentatlas.bench.ItemsLatency --warmup "$WARMUP" --requests "$REQUESTS" \
    --expect-matched "$EXPECTED" "$@"
  statements
}
log "latency: the plain query (first page, repeated)"
latency --url "$BASE/collections/incidents/items?$QUERY"
log "latency: walking the pages (following next links)"
latency --url "$BASE/collections/incidents/items?$QUERY" --follow-next
log "latency: the plain query again, on the JVM warmed by the two runs before"
latency --url "$BASE/collections/incidents/items?$QUERY"

# --- plans of the SQL the service sends for that request (BorderDistanceTable.countWithin, KeysetPages.page; the EXISTS probe serves later pages) ---
FIRST_ID=$(psql_db -At -c "SELECT min(incident_id) FROM incident_border_distances WHERE border_id = 'ARM-AZE' AND distance_m <= 5000")
LAST_ID=$(psql_db -At -c "SELECT incident_id FROM (SELECT incident_id FROM incident_border_distances WHERE border_id = 'ARM-AZE' AND distance_m <= 5000 ORDER BY incident_id LIMIT 100) p ORDER BY 1 DESC LIMIT 1")
FILTER="EXISTS (SELECT 1 FROM incident_border_distances d WHERE d.incident_id = incidents.id AND d.border_id IN ('ARM-AZE') AND d.distance_m <= 5000.0 OFFSET 0 ROWS)"
COLUMNS="id, event_date, event_date_end, date_precision, event_type, sub_event_type, actor1, actor2, ST_AsBinary(geom) AS geom_wkb, location_name, place_id, country, admin1, admin2, geo_precision, fatalities, fatalities_low, fatalities_high, injured, injured_low, injured_high, claims, sources, notes, created_at, updated_at, version, border_distance_m, nearest_border, ST_AsBinary(nearest_border_point) AS nearest_border_wkb, border_side"
log "EXPLAIN (ANALYZE, BUFFERS) of the service's statements (first page: ids $FIRST_ID..$LAST_ID), each run twice in one session, the second shown"
explain() {
  echo "--- $1"
  psql_db <<SQL
\o /dev/null
$2;
\o
EXPLAIN (ANALYZE, BUFFERS) $2;
SQL
}
explain "count (distance bands + the one partial band)" "SELECT (SELECT coalesce(sum(incidents), 0) FROM border_distance_bands WHERE border_id = 'ARM-AZE' AND band < 50) + (SELECT count(*) FROM incident_border_distances WHERE border_id = 'ARM-AZE' AND distance_m >= 5000 AND distance_m <= 5000)"
explain "first page (100 rows and one look-ahead row)" "SELECT $COLUMNS FROM incidents WHERE $FILTER ORDER BY id LIMIT 101"
explain "a deep page (from id 700000)" "SELECT $COLUMNS FROM incidents WHERE $FILTER AND id > 700000 ORDER BY id LIMIT 101"
explain "look-back probe of a page reached by a cursor" "SELECT 1 FROM incidents WHERE $FILTER AND id < $LAST_ID LIMIT 1"
# pgjdbc switches to a server-side prepared statement after 5 executions, and PostgreSQL may then
# settle on a generic plan (planned without the parameter values): show that plan too.
PFILTER="EXISTS (SELECT 1 FROM incident_border_distances d WHERE d.incident_id = incidents.id AND d.border_id IN (\$1) AND d.distance_m <= \$2 OFFSET 0 ROWS)"
generic() {
  echo "--- $1, generic plan (prepared statement, plan_cache_mode = force_generic_plan)"
  psql_db <<SQL
SET plan_cache_mode = force_generic_plan;
PREPARE q(varchar, float8${3:-}) AS $2;
\o /dev/null
EXECUTE q('ARM-AZE', 5000${4:-});
\o
EXPLAIN (ANALYZE, BUFFERS) EXECUTE q('ARM-AZE', 5000${4:-});
SQL
}
generic "first page" "SELECT $COLUMNS FROM incidents WHERE $PFILTER ORDER BY id LIMIT \$3" ", int" ", 101"
generic "a deep page" "SELECT $COLUMNS FROM incidents WHERE $PFILTER AND id > \$3 ORDER BY id LIMIT 101" ", bigint" ", 700000"

log "done"
