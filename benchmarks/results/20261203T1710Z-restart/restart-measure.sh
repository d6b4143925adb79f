#!/bin/bash
# Restart after 1 and after 30 simulated days (nine symbols, snapshots every 6 h, retention 8 days), in one run:
# start -> "Running" with the newest snapshot and without any, and the trade log after a 2 h continuation against
# an uninterrupted run of the same hours. 2-core VM, JDK 17. Usage: restart-measure.sh [engine.jar]
# This run: orders.stand_aside_without_edge false, so the engine keeps trading after 30 days and the 2 h after the
# restart have fills to compare (with the default it stood aside then). engine.jar of commit 17c8b2f.
J="java -jar ${1:-/work/main/engine/target/engine.jar}"
R=/tmp/restart-measure3; rm -rf $R; mkdir -p $R; cd $R
printf 'portfolio: {status_interval_seconds: 0}\norders: {stand_aside_without_edge: false}\npersistence: {snapshot_interval_minutes: 360, journal_retention_days: 8}\n' > engine.yaml
running() { # seconds from the log's first line to "Running"
  awk '/Starting LIVE_TRADING/ && !s {s=$1} /Running; stop/ {r=$1} END {print s, r}' "$1" | python3 -c '
import sys,datetime
s,r=sys.stdin.read().split()
p=lambda t: datetime.datetime.fromisoformat(t.replace("Z","+00:00"))
print("%.2f" % (p(r)-p(s)).total_seconds())'
}
for days in 1 30; do
  h=$((days*24))
  /usr/bin/time -f "run $days d: %e s wall" $J live-trading -c engine.yaml --feed sim --speed 0 --sim-hours $h --data-dir d$days --logs-dir l$days > run$days.txt 2>&1
  tail -1 run$days.txt
  cp -r d$days n$days && rm -rf n$days/snapshots
  s=$(date +%s.%N); $J live-trading -c engine.yaml --feed sim --speed 0 --sim-hours 2 --data-dir d$days --logs-dir r$days > restart$days.txt 2>&1; rc=$?; e=$(date +%s.%N)
  echo "restart after $days d WITH snapshot: rc=$rc, start->Running $(running r$days/integrated_live_trading.log) s, process wall $(echo "$e - $s" | bc) s (incl. 2 h of market)"
  grep -h "read to the end\|Recovering from snapshot\|Recovered\|feed resumes" r$days/integrated_live_trading.log | cut -c1-230
  s=$(date +%s.%N); $J live-trading -c engine.yaml --feed sim --speed 0 --sim-hours 2 --data-dir n$days --logs-dir rn$days > nosnap$days.txt 2>&1; rc=$?; e=$(date +%s.%N)
  echo "restart after $days d WITHOUT snapshot: rc=$rc, start->Running $(running rn$days/integrated_live_trading.log) s, process wall $(echo "$e - $s" | bc) s"
  grep -h "read to the end\|Recovered" rn$days/integrated_live_trading.log | cut -c1-230
  $J live-trading -c engine.yaml --feed sim --speed 0 --sim-hours $((h+2)) --data-dir u$days --logs-dir lu$days > uninterrupted$days.txt 2>&1
  after=$(awk -F, -v t="$(date -u -d "2026-01-05 +$days days" +%Y-%m-%dT%H)" 'NR>1 && $1>=t' d$days/live_trades.csv | wc -l)
  if cmp -s d$days/live_trades.csv u$days/live_trades.csv; then same=identical; else same=DIFFERENT; fi
  if cmp -s d$days/live_trades.csv n$days/live_trades.csv; then nsame=identical; else nsame=DIFFERENT; fi
  echo "after $days d: trade log ($(($(wc -l < d$days/live_trades.csv)-1)) fills, $after in the 2 h after the restart) vs uninterrupted $((h+2)) h run: $same; vs restart without snapshot: $nsame"
  du -sh d$days/journal | cat
  rm -rf n$days u$days
done
