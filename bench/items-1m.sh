#!/usr/bin/env bash
# Issue 13 points 1-2: numberMatched from the kept counts (migration V10) and spatial pages, at COUNT
# incidents on PostGIS. For each request: wrk with 8 and 32 connections against the service, and
# pgbench with 8 clients running the SQL the service sends for it (the count and the page), pairs
# alternated ROUNDS times, after WARMUP seconds of load on each service. Then first page against
# page 50 of the bbox walk, and the plans.
#
# The pgbench floor is the service's own SQL: the statements one request sends, taken from PostgreSQL's
# statement log with their parameters filled in (see floor_sql). pgbench runs them with the settings the
# service's connections have (custom plans, no JIT) and no parallel workers: the service reads its page
# through a cursor, for which PostgreSQL never plans any, and a plain statement got a parallel plan (0.2 ms
# alone, ~40 ms with two workers starting) that the service never runs.
#
# BASELINE_JAR=path/to/old-exec.jar: that jar runs too, on the same cluster, and every request is measured
# against it and this build alternately, each with its own floor. Nothing is cached between requests: every
# count is computed afresh (no box needs varying).
#
# Usage: bench/items-1m.sh        (KEEP=1 keeps the loaded cluster in WORK; a later KEEP=1 run with the same WORK reuses it)
# Environment: COUNT=1000000 SECONDS=15 ROUNDS=3 WARMUP=90 WORK=/tmp/pgitems SKIP_BUILD=1 BASELINE_JAR=… PG_BIN=… PGPORT=… APP_PORT=…
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
BASELINE_PID=
if [[ -n "${BASELINE_JAR:-}" ]]; then
  this_jar=$JAR
  JAR=$BASELINE_JAR
  bench_service
  BASELINE_PID=$APP_PID BASELINE_BASE=$BASE
  JAR=$this_jar
  # stop the baseline too, then what bench_init set up
  trap 'rc=$?; [[ -n "$BASELINE_PID" ]] && kill "$BASELINE_PID" 2>/dev/null; (exit $rc); bench_cleanup' EXIT
fi
bench_service
start=$(date +%s)
bench_load "$COUNT"
log "the load with the kept-count triggers took $(( $(date +%s) - start )) s"
psql_db -c "SELECT level, count(*) AS rows, sum(incidents) FROM incident_cells GROUP BY level ORDER BY level" \
        -c "SELECT count(*) AS day_rows FROM incident_days"

# CPU time in clock ticks (user + system) of a process and its children: the JVM's threads are in its own line,
# PostgreSQL's backends are the postmaster's children
cpu_ticks() {
  local total=0 p
  for p in "$1" $(pgrep -P "$1"); do total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done
  echo "$total"
}
http() {  # url connections: wrk's figures, then the CPU the service and PostgreSQL spent per request served
  local pid=$APP_PID postmaster out jvm0 pg0
  [[ $1 == "$BASE/"* ]] || pid=$BASELINE_PID
  postmaster=$(head -1 "$WORK/data/postmaster.pid")
  jvm0=$(cpu_ticks "$pid"); pg0=$(cpu_ticks "$postmaster")
  out=$(wrk -t2 -c"$2" -d"${SECONDS_RUN}s" --latency "$1")
  echo "$(grep -E 'Requests/sec|^ +50%|^ +99%|timeout|Non-2xx' <<<"$out" | tr -s ' ' | paste -sd' ')" \
    "$(awk -v jvm=$(( $(cpu_ticks "$pid") - jvm0 )) -v pg=$(( $(cpu_ticks "$postmaster") - pg0 )) -v hz="$(getconf CLK_TCK)" \
         '/requests in/ { n = $1 } END { if (n) printf "CPU per request: JVM %.2f ms, PostgreSQL %.2f ms", jvm * 1000 / hz / n, pg * 1000 / hz / n }' <<<"$out")"
}
export PGPASSWORD=$DB_PASSWORD

# floor_sql BASE QUERY FILE: the statements one request to BASE sends (but the data version, the transaction
# bracket and the job leases), parameters filled in, from the statement log of a second request
floor_sql() {
  curl -fs -o /dev/null "$1/collections/incidents/items?$2"
  psql_su -d "$DB" -c "ALTER SYSTEM SET log_min_duration_statement = 0" -c "SELECT pg_reload_conf()" >/dev/null
  sleep 1
  local from
  from=$(wc -l <"$WORK/postgres.log")
  curl -fs -o /dev/null "$1/collections/incidents/items?$2"
  sleep 1
  psql_su -d "$DB" -c "ALTER SYSTEM RESET log_min_duration_statement" -c "SELECT pg_reload_conf()" >/dev/null
  tail -n +$((from + 1)) "$WORK/postgres.log" | python3 -c '
import re, sys
lines = sys.stdin.read().splitlines()
for i, line in enumerate(lines):
    m = re.search(r"execute [^:]*: (.*)$", line)
    if not m or re.search(r"data_version|job_leases|border_version|^(BEGIN|COMMIT|SET)", m.group(1)):
        continue
    sql = m.group(1)
    d = lines[i + 1] if i + 1 < len(lines) else ""
    values = dict((int(k), v) for k, v in re.findall(r"\$(\d+) = (NULL|\x27[^\x27]*\x27)", d)) if "parameters:" in d else {}
    print(re.sub(r"\$(\d+)\b", lambda p: values[int(p.group(1))], sql) + ";")
' >"$3"
  [[ -s "$3" ]] || { echo "no statements logged for $2" >&2; exit 1; }
}
sql() {  # file clients
  PGOPTIONS="-c plan_cache_mode=force_custom_plan -c jit=off -c max_parallel_workers_per_gather=0" \
    "$PG_BIN/pgbench" -n -h 127.0.0.1 -p "$PGPORT" -U "$DB_USER" -c "$2" -j 2 -T "$SECONDS_RUN" -f "$1" "$DB" 2>/dev/null \
    | grep -E 'latency average|tps' | tr -s ' ' | paste -sd' '
}
QUERIES=("all:limit=100" "bbox:bbox=$BBOX&limit=100" "dates:datetime=$DATES&limit=100")
SERVICES=("this:$BASE")
[[ -n "$BASELINE_PID" ]] && SERVICES=("baseline:$BASELINE_BASE" "this:$BASE")
for s in "${SERVICES[@]}"; do
  for q in "${QUERIES[@]}"; do
    floor_sql "${s#*:}" "${q#*:}" "$WORK/${s%%:*}-${q%%:*}.sql"
    log "${s%%:*} ${q%%:*} sends: $(cut -c1-160 "$WORK/${s%%:*}-${q%%:*}.sql" | paste -sd'|')"
  done
done

# the JIT first: on 2 shared cores a fresh service needs 60-90 s of requests before C2 has compiled its hot paths,
# and its first round ran at 21-36 ms p50 where later ones ran at 12-18 (docs/BENCHMARKS.md). WARMUP seconds per
# service, the queries in turn, logged so the cold figures stay visible; WARMUP=0 measures the cold service.
WARMUP=${WARMUP:-90}
if (( WARMUP > 0 )); then
  for s in "${SERVICES[@]}"; do
    for cycle in 1 2 3; do
      for q in "${QUERIES[@]}"; do
        log "warm-up $cycle ${q%%:*} ${s%%:*} service 8 conn: $(SECONDS_RUN=$(( (WARMUP + 8) / 9 )) http "${s#*:}/collections/incidents/items?${q#*:}" 8)"
      done
    done
  done
fi

for round in $(seq 1 "$ROUNDS"); do
  for q in "${QUERIES[@]}"; do
    name=${q%%:*}; query=${q#*:}
    for s in "${SERVICES[@]}"; do
      who=${s%%:*}; base=${s#*:}
      log "round $round $name $who service  8 conn: $(http "$base/collections/incidents/items?$query" 8)"
      log "round $round $name $who psql     8 cli : $(sql "$WORK/$who-$name.sql" 8)"
      log "round $round $name $who service 32 conn: $(http "$base/collections/incidents/items?$query" 32)"
    done
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
matched() { curl -fs "$1/collections/incidents/items?limit=1&$2" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("numberMatched"))'; }
for s in "${SERVICES[@]}"; do
  log "numberMatched ${s%%:*}: bbox $(matched "${s#*:}" "bbox=$BBOX"), datetime $(matched "${s#*:}" "datetime=$DATES")"
done
log "SQL count(*): bbox $(psql_db -At -c "SELECT count(*) FROM incidents WHERE ST_Intersects(geom, ST_MakeEnvelope(${BBOX}, 4326))"), datetime $(psql_db -At -c "SELECT count(*) FROM incidents WHERE event_date <= '${DATES#*/}' AND event_last_date >= '${DATES%/*}'")"
log "numberMatched: $(curl -fs "$BASE/collections/incidents/items?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("numberMatched"))') all, $(curl -fs "$BASE/collections/incidents/items?limit=1&bbox=$BBOX" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("numberMatched"))') bbox; SQL: $(psql_db -At -c "SELECT count(*) FROM incidents WHERE ST_Intersects(geom, ST_MakeEnvelope(${BBOX}, 4326))")"
