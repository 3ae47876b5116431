#!/usr/bin/env bash
# Whole exports (issue 13, point 3) on PostGIS: the service's /collections/incidents/download in
# GeoJSON, CSV, FlatGeobuf (with its packed Hilbert R-tree) and GeoPackage (with its R-tree),
# fetched by curl to a file, against ogr2ogr writing the same format from the same PostGIS table
# to a file (FlatGeobuf and GeoPackage with their default spatial index), pairs alternated.
# The service's memory: its peak RSS (VmHWM) and the heap after each format (jcmd GC.heap_info).
#
# Each service run asks for a different but equivalent query (datetime=../2099-12-NN, matching
# every incident): FlatGeobuf and GeoPackage downloads are kept as files by their ETag, and a
# repeat would measure the cache, not the export.
#
# Usage: bench/exports-1m.sh
# Environment: COUNT=1000000 REPS=2 FORMATS="json csv fgb gpkg" WORK=/tmp/pgexports SKIP_BUILD=1
#              PG_BIN=/usr/lib/postgresql/15/bin PGPORT=56432 APP_PORT=18180
# Results: printed and kept as bench/target/exports-1m.log.
set -euo pipefail
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/lib.sh"

COUNT=${COUNT:-1000000}
REPS=${REPS:-2}
FORMATS=${FORMATS:-json csv fgb gpkg}

bench_init exports-1m
bench_build
bench_cluster "${WORK:-/tmp/pgexports}"
bench_service
bench_load "$COUNT"
OUT=$WORK/out
mkdir -p "$OUT"
chmod 777 "$WORK"
PG="PG:host=127.0.0.1 port=$PGPORT dbname=$DB user=$DB_USER password=$DB_PASSWORD"

now() { date +%s.%N; }
rss() { awk '/VmHWM|VmRSS/ {printf "%s %d MB  ", $1, $2 / 1024}' "/proc/$APP_PID/status"; }

service_run() { # format, rep -> seconds
  local f=$1 day
  day=$(printf '%02d' $((10 + $2)))
  local t0 t1
  t0=$(now)
  curl -fsS -o "$OUT/service.$f" "$BASE/collections/incidents/download?f=$f&datetime=../2099-12-$day"
  t1=$(now)
  echo "$t0 $t1" | awk '{printf "%.2f", $2 - $1}'
}

ogr_run() { # format -> seconds
  local f=$1 t0 t1
  rm -f "$OUT/ogr.$f"
  local args
  case $f in
    json) args=(-f GeoJSON "$OUT/ogr.json") ;;
    csv) args=(-f CSV "$OUT/ogr.csv" -lco GEOMETRY=AS_WKT) ;;
    fgb) args=(-f FlatGeobuf "$OUT/ogr.fgb") ;;
    gpkg) args=(-f GPKG "$OUT/ogr.gpkg") ;;
  esac
  t0=$(now)
  ogr2ogr "${args[@]}" "$PG" incidents
  t1=$(now)
  echo "$t0 $t1" | awk '{printf "%.2f", $2 - $1}'
}

features() { ogrinfo -ro -so -al "$1" 2>/dev/null | awk -F': ' '/Feature Count/ {print $2; exit}'; }

# the service's code warmed up (JIT) by one small download in each format; ogr2ogr needs none
for f in $FORMATS; do
  curl -fsS -o /dev/null "$BASE/collections/incidents/download?f=$f&bbox=45.0,39.0,45.5,39.5"
done
log "service memory before: $(rss)"
for f in $FORMATS; do
  svc=()
  ogr=()
  for rep in $(seq 1 "$REPS"); do
    # alternate which goes first
    if (( rep % 2 == 1 )); then
      s=$(service_run "$f" "$rep"); o=$(ogr_run "$f")
    else
      o=$(ogr_run "$f"); s=$(service_run "$f" "$rep")
    fi
    svc+=("$s")
    ogr+=("$o")
    log "$f rep $rep: service ${s} s ($(stat -c %s "$OUT/service.$f") bytes), ogr2ogr ${o} s ($(stat -c %s "$OUT/ogr.$f") bytes); load $(cut -d' ' -f1 /proc/loadavg)"
  done
  n=$(features "$OUT/service.$f")
  log "$f: the service's file holds $n features (ogr2ogr's: $(features "$OUT/ogr.$f"))"
  python3 - "$f" "$COUNT" "${svc[*]}" "${ogr[*]}" <<'PY'
import statistics, sys
f, count, svc, ogr = sys.argv[1], int(sys.argv[2]), [float(x) for x in sys.argv[3].split()], [float(x) for x in sys.argv[4].split()]
ratios = [o / s for s, o in zip(svc, ogr)]
print(f"RESULT {f}: service {count / statistics.median(svc):,.0f} features/s (median {statistics.median(svc):.2f} s), "
      f"ogr2ogr {count / statistics.median(ogr):,.0f} features/s (median {statistics.median(ogr):.2f} s); "
      f"ratio per pair {', '.join(f'{r:.2f}' for r in ratios)} (service speed / ogr2ogr speed), median {statistics.median(ratios):.2f}")
PY
  log "$f: service memory $(rss); heap: $(jcmd "$APP_PID" GC.heap_info 2>/dev/null | grep -m1 -E 'garbage-first heap|total' | sed 's/^ *//')"
  rm -f "$OUT"/service.* "$OUT"/ogr.*
done
