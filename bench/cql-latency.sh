#!/usr/bin/env bash
# Latency of one items URL against a running service (issue 6 figures in docs/BENCHMARKS.md):
#   bench/cql-latency.sh NAME URL   -> 20 warm-up, then 200 sequential requests; p50/p95 and numberMatched.
# Rough, end to end through curl (not JMH): use it to compare queries on the same machine and data.
set -euo pipefail
name=$1; url=$2
for _ in $(seq 20); do curl -s -o /dev/null "$url"; done
times=$(for _ in $(seq 200); do curl -s -o /dev/null -w '%{time_total}\n' "$url"; done | sort -n)
p50=$(awk 'NR==100{printf "%.1f", $1*1000}' <<<"$times"); p95=$(awk 'NR==190{printf "%.1f", $1*1000}' <<<"$times")
m=$(curl -s "$url" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d.get("numberMatched"), d.get("numberReturned"))')
echo "$name | p50 $p50 ms | p95 $p95 ms | matched/returned $m"
