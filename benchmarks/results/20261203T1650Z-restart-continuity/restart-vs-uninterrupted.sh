#!/bin/bash
# 1 d run, 2 h restart vs 26 h uninterrupted; compare trade logs.
J="java -jar ${JAR:-/work/main/engine/target/engine.jar}"
R=${R:-/tmp/restart-continuity}; rm -rf $R; mkdir -p $R; cd $R
H=${H:-24}
printf 'portfolio: {status_interval_seconds: 0}\npersistence: {snapshot_interval_minutes: 360, journal_retention_days: 8}\n' > engine.yaml
$J live-trading -c engine.yaml --feed sim --speed 0 --sim-hours $H --data-dir d --logs-dir l > run.txt 2>&1 &
$J live-trading -c engine.yaml --feed sim --speed 0 --sim-hours $((H+2)) --data-dir u --logs-dir lu > un.txt 2>&1
wait
$J live-trading -c engine.yaml --feed sim --speed 0 --sim-hours 2 --data-dir d --logs-dir r > restart.txt 2>&1
echo "fills: $(wc -l < d/live_trades.csv) vs $(wc -l < u/live_trades.csv)"
if cmp -s d/live_trades.csv u/live_trades.csv; then echo IDENTICAL; else echo DIFFERENT; diff d/live_trades.csv u/live_trades.csv | head -10; fi
