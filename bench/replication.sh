#!/usr/bin/env bash
# Replication figures of docs/BENCHMARKS.md (issue 15): a PostgreSQL primary and a hot standby from the local binaries,
# the same reports ingested by one service instance and by two (8 concurrent clients), incidents compared, then item
# reads served by the replica. The figures are printed on one line starting with "replication bench:".
#   bench/replication.sh [REPORTS]     (default 200)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -o test -Dtest='ReplicationOnPostgisTest' -Dsurefire.failIfNoSpecifiedTests=false \
  -Datlas.bench=true -Datlas.bench.reports="${1:-200}" -DtrimStackTrace=false
grep -h "replication bench:\|replication:" target/surefire-reports/org.incidentatlas.storage.ReplicationOnPostgisTest-output.txt
