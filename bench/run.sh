#!/usr/bin/env bash
# Runs the JMH benchmarks: bench/run.sh [JMH arguments], e.g. bench/run.sh GazetteerBenchmark
# Installs the service's plain jar into the local Maven repository, builds bench/target/benchmarks.jar, runs it.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
./mvnw -B -q install -DskipTests
./mvnw -B -q -f bench/pom.xml package
exec java -jar bench/target/benchmarks.jar "$@"
