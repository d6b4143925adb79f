#!/usr/bin/env bash
# Runs every benchmark of BENCHMARKS.md in sequence and keeps the raw output in benchmarks/results/<stamp>/.
# Usage: benchmarks/run-all.sh [latency seconds per run] [repeats] [replay trades] [JMH forks] [latency rates]
# Build first: mvn -B -q -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-5}
REPEATS=${2:-3}
TRADES=${3:-2000000}
FORKS=${4:-1}
RATES=${5:-10000,100000}
OUT=benchmarks/results/$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$OUT"
JAR=benchmarks/target/benchmarks.jar
{
  echo "date: $(date -u)"
  echo "nproc: $(nproc)"
  lscpu | head -20
  java -version 2>&1
  echo "uptime: $(uptime)"
} > "$OUT/machine.txt"
echo "JMH start $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/log.txt"
java -jar "$JAR" -prof gc -f "$FORKS" -rf json -rff "$OUT/jmh.json" > "$OUT/jmh.txt" 2>&1
java -jar "$JAR" summary "$OUT/jmh.json" > "$OUT/jmh-summary.md"
echo "latency start $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/log.txt"
java -jar "$JAR" latency "$SECONDS_PER_RUN" "$REPEATS" "$RATES" > "$OUT/latency.md" 2> "$OUT/latency.err"
echo "replay start $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/log.txt"
java -jar "$JAR" replay "$TRADES" "$REPEATS" > "$OUT/replay.md" 2> "$OUT/replay.err"
echo "done $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/log.txt"
echo "$OUT"
