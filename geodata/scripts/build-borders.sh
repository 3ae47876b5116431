#!/usr/bin/env bash
# Derives geodata/borders/borders.geojson from geodata/countries/countries.geojson (run build-geodata.sh first
# if the countries changed). Deterministic: the same countries file gives the same borders file.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.."
./mvnw -B -q -DskipTests compile
cp=$(./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
java -cp "target/classes:$cp" org.incidentatlas.geodata.BorderDataBuilder \
  geodata/countries/countries.geojson geodata/borders/borders.geojson
