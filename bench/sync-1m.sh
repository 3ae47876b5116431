#!/usr/bin/env bash
# Incremental sync (issue 13 point 4) on PostGIS at COUNT incidents, side by side with the plain items walk:
#   1. catch-up from zero: a mirror follows /collections/incidents/changes?limit=PAGE from no cursor to caught_up,
#      against a client walking /collections/incidents/items?limit=PAGE through its next links — the same number of
#      features in pages of the same size; pairs alternated ROUNDS times;
#   2. steady trickle: a writer updates (and now and then deletes) TRICKLE incidents a second with SQL while a mirror
#      polls changes?since=cursor every POLL_MS: the time from a write's commit to the mirror having it, the poll's
#      answer time, and what a poll costs when nothing changed; the items walk a mirror without sync would need
#      instead is the baseline above.
# The COUNT incidents are loaded by one INSERT … SELECT generate_series (bench/lib.sh): the triggers log them too,
# and the load time is printed next to the same load with the change-log triggers disabled (the logging's cost).
#
# Usage: bench/sync-1m.sh
# Environment: COUNT=1000000 PAGE=10000 ROUNDS=2 TRICKLE=20 TRICKLE_SECONDS=30 POLL_MS=1000 WORK=/tmp/pgsync SKIP_BUILD=1
#              PG_BIN PGPORT APP_PORT (see lib.sh)
# Results: printed and kept as bench/target/sync-1m.log.
set -euo pipefail
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/lib.sh"

COUNT=${COUNT:-1000000}
PAGE=${PAGE:-10000}
ROUNDS=${ROUNDS:-2}
TRICKLE=${TRICKLE:-20}
TRICKLE_SECONDS=${TRICKLE_SECONDS:-30}
POLL_MS=${POLL_MS:-1000}

bench_init sync-1m
bench_build
bench_cluster "${WORK:-/tmp/pgsync}"
bench_service

# the cost of logging on a bulk load: the same load (a tenth) with the change-log triggers off, then on
TENTH=$((COUNT / 10))
psql_su -d "$DB" -c "ALTER TABLE incidents DISABLE TRIGGER incidents_changes_insert"
START=$(date +%s.%N); bench_load "$TENTH" >/dev/null; OFF=$(echo "$(date +%s.%N) - $START" | bc)
psql_su -d "$DB" -c "ALTER TABLE incidents ENABLE TRIGGER incidents_changes_insert" -c "TRUNCATE incidents CASCADE"
START=$(date +%s.%N); bench_load "$TENTH" >/dev/null; ON=$(echo "$(date +%s.%N) - $START" | bc)
log "bulk load of $TENTH: $OFF s without the change log, $ON s with it (ratio $(echo "scale=2; $ON / $OFF" | bc))"
psql_su -d "$DB" -c "TRUNCATE incidents CASCADE" -c "DELETE FROM incident_changes" -c "VACUUM ANALYZE incident_changes"

START=$(date +%s.%N); bench_load "$COUNT"; LOAD=$(echo "$(date +%s.%N) - $START" | bc)
psql_db -c "VACUUM ANALYZE incident_changes"
log "loaded $COUNT in $LOAD s; change log: $(psql_db -At -c "SELECT count(*) || ' rows, ' || pg_size_pretty(pg_total_relation_size('incident_changes')) FROM incident_changes")"

cat >"$WORK/sync_client.py" <<'PY'
import http.client, json, re, sys, threading, time, urllib.parse, statistics

base = urllib.parse.urlparse(sys.argv[2])
NEXT = re.compile(rb'"href":"([^"]+)","rel":"next"')

def connection():
    return http.client.HTTPConnection(base.hostname, base.port, timeout=600)

def fetch(conn, path):
    conn.request("GET", path, headers={"Accept": "application/geo+json"})
    r = conn.getresponse()
    body = r.read()
    if r.status != 200:
        raise SystemExit(f"{r.status} for {path}: {body[:300]!r}")
    return body

def walk(path):
    """Follows next links from path; answers (features, pages, seconds, last page body)."""
    conn = connection()
    t0 = time.perf_counter()
    features = pages = 0
    while path:
        body = fetch(conn, path)
        pages += 1
        features += body.count(b'"type":"Feature"')
        m = NEXT.search(body, max(0, len(body) - 4000))
        path = urllib.parse.urlparse(m.group(1).decode()).path + "?" + urllib.parse.urlparse(m.group(1).decode()).query if m else None
        last = body
    return features, pages, time.perf_counter() - t0, last

if sys.argv[1] == "walk":
    features, pages, secs, last = walk(sys.argv[3])
    print(f"{sys.argv[4]}: {features} features in {pages} pages, {secs:.1f} s, {features / secs:,.0f} features/s")
    if sys.argv[4] == "changes":
        print("cursor", json.loads(last)["cursor"])
elif sys.argv[1] == "poll":
    # polls changes?since= every POLL_MS for SECONDS; the writer puts the commit time in notes ("t=<epoch>")
    cursor, poll_ms, seconds = sys.argv[3], int(sys.argv[4]), float(sys.argv[5])
    conn = connection()
    lags, answers, empty_answers, changed = [], [], [], 0
    end = time.time() + seconds
    while time.time() < end:
        t0 = time.perf_counter()
        body = fetch(conn, f"/collections/incidents/changes?limit=10000&since={cursor}")
        took = (time.perf_counter() - t0) * 1000
        seen = time.time()
        page = json.loads(body)
        cursor = page["cursor"]
        n = len(page["features"])
        (answers if n else empty_answers).append(took)
        changed += n
        for f in page["features"]:
            notes = f["properties"].get("notes") or ""
            if notes.startswith("t="):
                lags.append((seen - float(notes[2:])) * 1000)
        time.sleep(max(0, poll_ms / 1000 - took / 1000))
    q = lambda xs, p: statistics.quantiles(xs, n=100)[p - 1] if len(xs) > 1 else (xs[0] if xs else float("nan"))
    print(f"trickle: {changed} changes seen in {len(answers) + len(empty_answers)} polls; "
          f"write→mirror lag p50 {q(lags, 50):.0f} ms, p95 {q(lags, 95):.0f} ms (poll every {poll_ms} ms); "
          f"poll answer p50 {q(answers, 50) if answers else float('nan'):.1f} ms with changes, "
          f"{q(empty_answers, 50) if empty_answers else float('nan'):.1f} ms without")
PY
CLIENT="python3 $WORK/sync_client.py"

log "catch-up from zero, pages of $PAGE, $ROUNDS alternated pairs (load average $(cut -d' ' -f1-3 /proc/loadavg))"
for r in $(seq 1 "$ROUNDS"); do
  if (( r % 2 == 1 )); then order="changes items"; else order="items changes"; fi
  for what in $order; do
    if [[ $what == changes ]]; then
      $CLIENT walk "$BASE" "/collections/incidents/changes?limit=$PAGE" changes | tee "$WORK/changes-$r.out"
    else
      $CLIENT walk "$BASE" "/collections/incidents/items?limit=$PAGE" items
    fi
  done
  log "round $r done (load average $(cut -d' ' -f1-3 /proc/loadavg))"
done

CURSOR=$(awk '/^cursor/ {print $2}' "$WORK/changes-1.out")
log "steady trickle: $TRICKLE updates a second (1 in 10 a delete) for $TRICKLE_SECONDS s, polled every $POLL_MS ms"
$CLIENT poll "$BASE" "$CURSOR" "$POLL_MS" "$((TRICKLE_SECONDS + 3))" &
POLLER=$!
END=$(( $(date +%s) + TRICKLE_SECONDS ))
while (( $(date +%s) < END )); do
  psql_db -c "UPDATE incidents SET notes = 't=' || extract(epoch FROM clock_timestamp()) WHERE id IN (SELECT 1 + floor(random() * $COUNT)::bigint FROM generate_series(1, $TRICKLE - $TRICKLE / 10))" \
          -c "DELETE FROM incidents WHERE id IN (SELECT 1 + floor(random() * $COUNT)::bigint FROM generate_series(1, $TRICKLE / 10))"
  sleep 1
done
wait "$POLLER"
log "done"
