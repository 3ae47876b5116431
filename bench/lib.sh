# Shared by the bench scripts (source it): a throwaway PostgreSQL + PostGIS cluster, the service's jar
# on it, and COUNT synthetic incidents inserted by one SQL statement.
#
#   source "$(dirname "$0")/lib.sh"
#   bench_init tiles            # cd to the repo, log to bench/target/tiles.log, cleanup on exit
#   bench_build                 # ./mvnw package unless SKIP_BUILD=1
#   bench_cluster /tmp/pgX      # initdb + start on a free port: PGPORT, JDBC_URL, psql_su, psql_db
#   bench_service               # the jar on that database: APP_PID, BASE (extra env: SERVICE_ENV="A=b C=d")
#   bench_load "$COUNT"         # synthetic incidents, then ANALYZE
#
# Environment: PG_BIN (default: the highest /usr/lib/postgresql/*/bin), PGPORT, APP_PORT (first ports
# tried), SKIP_BUILD=1, KEEP=1 (leave the cluster's directory behind; it is stopped anyway; a later run with
# KEEP=1 and the same WORK starts that cluster again and keeps its incidents when there are COUNT of them).
# initdb and postgres refuse to run as root: they run as the postgres OS user then.

DB=atlas
DB_USER=atlas
DB_PASSWORD=atlas-bench

log() { printf '[%(%T)T] %s\n' -1 "$*"; }
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { local p=$1; while ! port_free "$p"; do p=$((p + 1)); done; echo "$p"; }

bench_init() {
  cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
  ROOT=$PWD
  if [[ -z "${PG_BIN:-}" ]]; then
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  fi
  [[ -x "$PG_BIN/initdb" ]] || { echo "no PostgreSQL binaries in '$PG_BIN' (set PG_BIN)" >&2; exit 1; }
  if [[ $(id -u) == 0 ]]; then
    PGUSER_OS=postgres
    as_pg() { runuser -u postgres -- "$@"; }
  else
    PGUSER_OS=$(id -un)
    as_pg() { "$@"; }
  fi
  mkdir -p bench/target
  LOG=$ROOT/bench/target/$1.log
  exec > >(tee "$LOG") 2>&1
  APP_PID=
  # WORK from the environment names the cluster's directory (bench_cluster); until that cluster exists
  # there is nothing for the cleanup to stop
  BENCH_WORK=${WORK:-}
  WORK=
  trap bench_cleanup EXIT
  trap 'exit 130' INT TERM
  log "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1); $("$PG_BIN/postgres" --version)"
  log "git: $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
}

bench_cleanup() {
  local rc=$?
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  fi
  if [[ -n "$WORK" && -f "$WORK/data/postmaster.pid" ]]; then
    as_pg "$PG_BIN/pg_ctl" -D "$WORK/data" -m fast -w stop >/dev/null || true
  fi
  [[ -n "$WORK" && -z "${KEEP:-}" ]] && rm -rf "$WORK"
  exit $rc
}

bench_build() {
  if [[ -z "${SKIP_BUILD:-}" ]]; then
    log "building the service"
    ./mvnw -B -q -o package -DskipTests
  fi
  JAR=$(ls target/incident-atlas-*-exec.jar | head -1)
}

bench_cluster() {
  WORK=${BENCH_WORK:-$1}
  if [[ -n "${KEEP:-}" && -f "$WORK/data/PG_VERSION" ]]; then
    PGPORT=$(free_port "${PGPORT:-56432}")
    echo "port = $PGPORT" >>"$WORK/data/postgresql.conf"
    as_pg "$PG_BIN/pg_ctl" -D "$WORK/data" -l "$WORK/postgres.log" -w start >/dev/null
    JDBC_URL="jdbc:postgresql://127.0.0.1:$PGPORT/$DB"
    log "reusing the cluster kept in $WORK"
    return
  fi
  [[ -e "$WORK" ]] && { echo "$WORK exists; remove it, set WORK, or KEEP=1 to reuse it" >&2; WORK=; exit 1; }
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
max_connections = 200
jit = off
CONF
  as_pg "$PG_BIN/pg_ctl" -D "$WORK/data" -l "$WORK/postgres.log" -w start >/dev/null
  psql_su -d postgres -c "CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD'" -c "CREATE DATABASE $DB OWNER $DB_USER"
  psql_su -d "$DB" -c "CREATE EXTENSION postgis"
  JDBC_URL="jdbc:postgresql://127.0.0.1:$PGPORT/$DB"
}

psql_su() { "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U postgres "$@"; }
psql_db() { PGPASSWORD=$DB_PASSWORD "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U "$DB_USER" -d "$DB" "$@"; }

bench_service() {
  # a random first port: several people's benches share this machine
  APP_PORT=$(free_port "${APP_PORT:-$((20000 + RANDOM % 20000))}")
  # shellcheck disable=SC2086 # SERVICE_ENV is a list of NAME=value words
  env INCIDENT_DB_URL="$JDBC_URL" INCIDENT_DB_USER=$DB_USER INCIDENT_DB_PASSWORD=$DB_PASSWORD ATLAS_DEMO_DATA=false \
    PORT="$APP_PORT" ATLAS_WRITE_TOKEN=bench-token ${SERVICE_ENV:-} \
    java -Xmx2g -jar "$JAR" >"$WORK/service.log" 2>&1 &
  APP_PID=$!
  BASE=http://127.0.0.1:$APP_PORT
  # up when its own log says so: a port taken meanwhile by another service would answer the curl alone
  for _ in $(seq 1 600); do
    grep -q "Started IncidentAtlasApplication" "$WORK/service.log" && curl -fs -o /dev/null "$BASE/collections" && break
    kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$WORK/service.log"; echo "the service died" >&2; exit 1; }
    sleep 1
  done
  log "service up on $BASE"
}

# 60 % in three dense clusters along the border, the rest uniform over lon 43.5–49.5, lat 38.4–42.0;
# six event types; dates 2020–2025; no border metrics. Inserted after the service made the schema, so
# whatever the migrations keep in step on insert (triggers) is kept for these rows too.
bench_load() {
  local count=$1
  if [[ -n "${KEEP:-}" && $(psql_db -At -c "SELECT count(*) FROM incidents") == "$count" ]]; then
    log "keeping the $count incidents already loaded"
    return
  fi
  log "inserting $count synthetic incidents"
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
            FROM generate_series(1, $count)) g) p;
ANALYZE incidents;
SQL
  log "$(psql_db -At -c "SELECT count(*) || ' incidents, ' || pg_size_pretty(pg_total_relation_size('incidents')) FROM incidents")"
}
