#!/usr/bin/env bash
# QGIS in seconds (issue 13, point 5): QGIS 3.22 (PyQGIS, headless) opening a whole download of
# COUNT incidents by its URL and reading every feature, against curl downloading the same URL to a
# file, pairs alternated, for both routes of README's "Using the service in QGIS":
#   range:  f=fgb (with its spatial index, built before its first byte) through GDAL's /vsicurl/
#           (a HEAD, then byte ranges), as Add Vector Layer > Protocol: HTTP(S) opens it;
#   stream: f=fgb&index=false (no index: written as the database cursor yields rows) through
#           /vsicurl_streaming/ (one GET, read while the service writes it);
#   select: the stream route with properties=$PROPERTIES (the id column and the columns an analyst maps;
#           QGIS fills every attribute of every feature, so fewer columns are read sooner).
# curl downloads the same URL as QGIS opens (with the same properties=). Routes alternate within each
# repetition, so every route is measured in the same minutes.
# QGIS's time runs from opening the layer to the last feature read by the provider's iterator (GDAL
# decodes, QGIS fills geometry and every attribute in C++; Python only counts; load_download.py).
# Each run asks for a different but equivalent query (datetime=../2099-MM-DD, matching every
# incident), so each one pays for building the export: the service keeps built files by ETag, and a
# repeat would measure that cache. Also: QGIS once more on an already built f=fgb (the second analyst).
#
# Usage: bench/qgis-200k.sh
# Environment: COUNT=200000 REPS=3 ROUTES="range stream select" PROPERTIES=event_date,… WORK=/tmp/pgqgis KEEP=1 SKIP_BUILD=1 PG_BIN=… PGPORT=56432
#   APP_PORT=…; QGIS_ENV="NAME=value …" extra environment for QGIS (GDAL options, e.g. CPL_VSIL_CURL_CHUNK_SIZE).
# Results: printed and kept as bench/target/qgis-200k.log.
set -euo pipefail
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/lib.sh"

COUNT=${COUNT:-200000}
REPS=${REPS:-3}
ROUTES=${ROUTES:-range stream select}
# what a map of incidents is styled, filtered and labelled by (README, "Using the service in QGIS")
PROPERTIES=${PROPERTIES:-event_date,event_type,sub_event_type,fatalities,country,admin1,location_name}

bench_init qgis-200k
bench_build
bench_cluster "${WORK:-/tmp/pgqgis}"
bench_service
bench_load "$COUNT"
SCRIPT=$ROOT/src/test/resources/qgis/load_download.py
QHOME=$(mktemp -d)
trap 'rm -rf "$QHOME"; bench_cleanup' EXIT

now() { date +%s.%N; }
RUN=0
# URL: a new equivalent query for every request (datetime=../2099-MM-DD matches every incident);
# set here rather than echoed, since a $(…) subshell would not count
next_url() {
  RUN=$((RUN + 1))
  local query
  query=$(printf 'datetime=../2099-%02d-%02d' $((1 + (RUN - 1) / 28)) $((1 + (RUN - 1) % 28)))
  case $1 in
    range) URL="$BASE/collections/incidents/download?f=fgb&$query" ;;
    stream) URL="$BASE/collections/incidents/download?f=fgb&index=false&$query" ;;
    select) URL="$BASE/collections/incidents/download?f=fgb&index=false&properties=$PROPERTIES&$query" ;;
  esac
}

curl_run() { # seconds, bytes
  local t0 t1 bytes
  t0=$(now)
  bytes=$(curl -fsS -o "$WORK/curl.fgb" -w '%{size_download}' "$2")
  t1=$(now)
  echo "$t0 $t1 $bytes" | awk '{printf "%.2f %d\n", $2 - $1, $3}'
}

qgis_run() { # QGIS's own time from opening the layer, and the wall time with Python and QGIS start-up
  local t0 t1 out flag=
  [[ $1 != range ]] && flag=--streaming
  t0=$(now)
  # shellcheck disable=SC2086 # QGIS_ENV is a list of NAME=value words
  out=$(env HOME="$QHOME" QT_QPA_PLATFORM=offscreen ${QGIS_ENV:-} /usr/bin/python3 "$SCRIPT" "$2" $flag 2>/dev/null | tail -1)
  t1=$(now)
  python3 -c "
import json, sys
r = json.loads(sys.argv[1])
assert r.get('read') == $COUNT, r
print(f\"{r['seconds']:.2f} {float(sys.argv[3]) - float(sys.argv[2]):.2f}\")" "$out" "$t0" "$t1"
}

log "QGIS_ENV: ${QGIS_ENV:-(none)}"
# warm-up: the service's export code compiled by the JIT, QGIS's and GDAL's files in the page cache
for route in $ROUTES; do
  next_url "$route"
  curl -fsS -o /dev/null "$URL"
  qgis_run "$route" "$URL" >/dev/null
done
declare -A curls loads
for rep in $(seq 1 "$REPS"); do
  for route in $ROUTES; do
    next_url "$route"; curl_url=$URL
    next_url "$route"; qgis_url=$URL
    if (( rep % 2 == 1 )); then
      read -r c bytes < <(curl_run "$route" "$curl_url"); read -r q wall < <(qgis_run "$route" "$qgis_url")
    else
      read -r q wall < <(qgis_run "$route" "$qgis_url"); read -r c bytes < <(curl_run "$route" "$curl_url")
    fi
    curls[$route]="${curls[$route]:-} $c"
    loads[$route]="${loads[$route]:-} $q"
    log "$route rep $rep ($( ((rep % 2 == 1)) && echo 'curl first' || echo 'QGIS first')): curl ${c} s (${bytes} bytes); QGIS read every feature in ${q} s (${wall} s with Python and QGIS start-up); load $(cut -d' ' -f1 /proc/loadavg)"
  done
done
for route in $ROUTES; do
  python3 - "$route" "${curls[$route]}" "${loads[$route]}" <<'PY'
import statistics, sys
c = [float(x) for x in sys.argv[2].split()]
q = [float(x) for x in sys.argv[3].split()]
ratios = [b / a for a, b in zip(c, q)]
print(f"RESULT {sys.argv[1]}: QGIS median {statistics.median(q):.2f} s, curl median {statistics.median(c):.2f} s; "
      f"QGIS / curl per pair {', '.join(f'{r:.2f}' for r in ratios)}, median {statistics.median(ratios):.2f}")
PY
done
if [[ " $ROUTES " == *" range "* ]]; then
  next_url range
  read -r c bytes < <(curl_run range "$URL")
  read -r warm wall < <(qgis_run range "$URL")
  read -r c2 bytes < <(curl_run range "$URL")
  log "range on an already built export (the second analyst): QGIS ${warm} s; curl ${c2} s (${c} s when it built it)"
fi
