#!/usr/bin/env bash
# The web map (issue 14 point 3) in headless Chromium on PostGIS with COUNT synthetic incidents: the
# first view's draw time (page opened → the tiles of the view drawn and the histogram in; target
# ≤ 2 s) and, after filter changes (event type, then the date range), the incidents in the drawn
# tiles and the histogram's total against the API's numberMatched for the same query.
#
#   the same throwaway cluster, service and one-statement load as bench/tiles.sh (bench/lib.sh);
#   the browser check is bench/src/browser/java/org/incidentatlas/bench/WebMapAtScale.java, run as a
#   single-file program on the project's test classpath (Selenium, Debian's chromium + chromedriver).
#
# Usage: bench/webmap-1m.sh
# Environment: COUNT=1000000 RUNS=3 TARGET_MS=2000 WORK=/tmp/pgwebmap SKIP_BUILD=1 KEEP=1 (reuse a kept
#              cluster, e.g. WORK=/tmp/pgtiles after KEEP=1 bench/tiles.sh) PG_BIN PGPORT APP_PORT
#              JAR (the service to measure; default: the one built), BASELINE_JAR (another build, e.g. of main,
#              started on the same database: the runs alternate baseline, measured, baseline, …)
# Results: printed and kept as bench/target/webmap-1m.log; exits 1 when a count differs or the first
# view is slower than TARGET_MS.
set -euo pipefail
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/lib.sh"

COUNT=${COUNT:-1000000}
RUNS=${RUNS:-3}
TARGET_MS=${TARGET_MS:-2000}

bench_init webmap-1m
MEASURED_JAR=${JAR:-}
bench_build
# the jar given as JAR, else the one bench_build found: not the baseline, which JAR is set to below to start it
MEASURED_JAR=${MEASURED_JAR:-$JAR}
bench_cluster "${WORK:-/tmp/pgwebmap}"
if [[ -n "${BASELINE_JAR:-}" ]]; then
  JAR=$BASELINE_JAR
  bench_service
  BASELINE_PID=$APP_PID
  BASELINE_BASE=$BASE
  # the exit status survives the kill, so a failed count or a slow first view still fails the bench; set +e, or the
  # failing (exit $rc) would end the shell before bench_cleanup stopped the measured service and the cluster
  trap 'rc=$?; kill "$BASELINE_PID" 2>/dev/null; set +e; (exit $rc); bench_cleanup' EXIT
  log "baseline $BASELINE_JAR on $BASELINE_BASE"
fi
JAR=${MEASURED_JAR:-$JAR}
bench_service
log "measured $JAR on $BASE"
bench_load "$COUNT"

CP=$ROOT/bench/target/test-classpath.txt
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP" >/dev/null
browser_check() {
  java -cp "$(cat "$CP")" bench/src/browser/java/org/incidentatlas/bench/WebMapAtScale.java \
    --base "$1" --runs "$2" --target-ms "$TARGET_MS"
}
if [[ -n "${BASELINE_JAR:-}" ]]; then
  log "browser check: $RUNS alternated pairs, fresh browser each"
  failed=0
  for run in $(seq 1 "$RUNS"); do
    log "pair $run: baseline"
    browser_check "$BASELINE_BASE" 1 || true
    log "pair $run: measured"
    browser_check "$BASE" 1 || failed=1
  done
  log "done"
  exit $failed
fi
log "browser check: $RUNS runs, fresh browser each"
browser_check "$BASE" "$RUNS"
log "done"
