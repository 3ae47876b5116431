#!/usr/bin/env bash
# QGIS in seconds (issue 13, point 5): QGIS 3.22 (PyQGIS, headless) opening the whole FlatGeobuf
# download of COUNT incidents by its URL (GDAL's /vsicurl/, byte ranges) and reading every feature,
# against curl downloading the same bytes from the same URL, pairs alternated. Each run asks for a
# different but equivalent query (datetime=../2099-12-NN, matching every incident), so each one
# pays for building the export: the service keeps built files by ETag, and a repeat would
# measure that cache. Also: the same QGIS load once the file is built (the second analyst).
#
# Usage: bench/qgis-200k.sh
# Environment: COUNT=200000 REPS=3 WORK=/tmp/pgqgis SKIP_BUILD=1 PG_BIN=… PGPORT=56432 APP_PORT=18180
# Results: printed and kept as bench/target/qgis-200k.log.
set -euo pipefail
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/lib.sh"

COUNT=${COUNT:-200000}
REPS=${REPS:-3}

bench_init qgis-200k
bench_build
bench_cluster "${WORK:-/tmp/pgqgis}"
bench_service
bench_load "$COUNT"
SCRIPT=$ROOT/src/test/resources/qgis/load_download.py
QHOME=$(mktemp -d)
trap 'rm -rf "$QHOME"; bench_cleanup' EXIT

now() { date +%s.%N; }
url() { echo "$BASE/collections/incidents/download?f=fgb&datetime=../2099-12-$(printf '%02d' "$1")"; }

curl_run() {
  local t0 t1
  t0=$(now)
  curl -fsS -o "$WORK/curl.fgb" "$(url "$1")"
  t1=$(now)
  echo "$t0 $t1" | awk '{printf "%.2f", $2 - $1}'
}

qgis_run() { # wall time of the whole python process, and QGIS's own time from opening the layer
  local t0 t1 out
  t0=$(now)
  out=$(HOME=$QHOME QT_QPA_PLATFORM=offscreen /usr/bin/python3 "$SCRIPT" "$(url "$1")" 2>/dev/null | tail -1)
  t1=$(now)
  python3 -c "
import json, sys
r = json.loads(sys.argv[1])
assert r['read'] == $COUNT, r
print(f\"{float(sys.argv[3]) - float(sys.argv[2]):.2f} {r['seconds']:.2f}\")" "$out" "$t0" "$t1"
}

curls=()
loads=()
for rep in $(seq 1 "$REPS"); do
  if (( rep % 2 == 1 )); then
    c=$(curl_run $((10 + 2 * rep))); read -r wall q < <(qgis_run $((11 + 2 * rep)))
  else
    read -r wall q < <(qgis_run $((11 + 2 * rep))); c=$(curl_run $((10 + 2 * rep)))
  fi
  curls+=("$c")
  loads+=("$q")
  log "rep $rep: curl ${c} s ($(stat -c %s "$WORK/curl.fgb") bytes); QGIS opened by URL and read every feature in ${q} s (${wall} s with Python and QGIS start-up); load $(cut -d' ' -f1 /proc/loadavg)"
done
read -r wall warm < <(qgis_run $((11 + 2 * REPS)))
log "QGIS again on the last (already built) export: ${warm} s"
python3 - "${curls[*]}" "${loads[*]}" <<'PY'
import statistics, sys
c = [float(x) for x in sys.argv[1].split()]
q = [float(x) for x in sys.argv[2].split()]
ratios = [b / a for a, b in zip(c, q)]
print(f"RESULT QGIS by URL: median {statistics.median(q):.2f} s, curl median {statistics.median(c):.2f} s; "
      f"QGIS / curl per pair {', '.join(f'{r:.2f}' for r in ratios)}, median {statistics.median(ratios):.2f}")
PY
