#!/bin/sh
# A/B of the level2 decode path: the baseline jar (main at 156ae3a with this run's two benchmark classes copied in)
# against this change, alternating, 3 rounds of one fork each, under the benchmark lock. Usage: run.sh <out dir>
set -e
out=$1
pattern='Level2DecodeBenchmark.(oneLevelUpdate|sixLevelFrame)|AdvancedTradeDecodeBenchmark.oneTradeFrame|JsonCursorBenchmark'
for round in 1 2 3; do
  for jar in base new; do
    uptime > "$out/uptime-$jar-$round.txt"
    java -jar /tmp/bench-$jar.jar "$pattern" -p buffer=heap -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc \
      -rf json -rff "$out/jmh-$jar-$round.json" > "$out/jmh-$jar-$round.txt" 2>&1
  done
done
