#!/bin/bash
# restart time after 1 and after 30 simulated days, snapshots every 6 h, retention 8 days (2-core VM, JDK 17)
J="java -jar /work/main/engine/target/engine.jar"
R=/tmp/restart-measure; rm -rf $R; mkdir -p $R; cd $R
printf 'portfolio: {status_interval_seconds: 0}\npersistence: {snapshot_interval_minutes: 360, journal_retention_days: 8}\n' > engine.yaml
for days in 1 30; do
  h=$((days*24))
  /usr/bin/time -f "run $days d: %e s" $J live-trading -c engine.yaml --feed sim --speed 0 --sim-hours $h --data-dir d$days --logs-dir l$days > run$days.txt 2>&1
  tail -1 run$days.txt
  s=$(date +%s.%N); $J live-trading -c engine.yaml --feed sim --speed 0 --sim-hours 0.05 --data-dir d$days --logs-dir r$days > restart$days.txt 2>&1; e=$(date +%s.%N)
  echo "restart after $days d with snapshot: rc=$? wall $(echo "$e - $s" | bc) s"; grep -h "Recovering from snapshot\|Recovered" restart$days.txt | cut -c1-220
  mv d$days/snapshots d$days/snapshots.off
  s=$(date +%s.%N); $J live-trading -c engine.yaml --feed sim --speed 0 --sim-hours 0.05 --data-dir d$days --logs-dir n$days > nosnap$days.txt 2>&1; e=$(date +%s.%N)
  echo "restart after $days d without snapshot: wall $(echo "$e - $s" | bc) s"; grep -h "Recovered" nosnap$days.txt | cut -c1-220
  du -sh d$days/journal | cat
done
