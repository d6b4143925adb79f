#!/bin/sh
# run 2: under both locks (no other benchmark, no Maven build alongside); the jar built from commit f8b8c06
D=$1
J=/tmp/wt18-bench-new.jar
(date -u; cat /proc/loadavg; ps -eo pid,pcpu,etime,args --sort=-pcpu | head -6 | cut -c1-160) > $D/machine-jmh-start.txt
java -jar $J 'Level2DecodeBenchmark.oneLevelUpdate|AdvancedTradeDecodeBenchmark.oneTradeFrame' -p buffer=heap \
  -f 2 -wi 3 -i 5 -w 1s -r 1s -prof gc -rf json -rff $D/jmh.json > $D/jmh.txt 2> $D/jmh.err
(date -u; cat /proc/loadavg) > $D/machine-jmh-end.txt
java -jar $J summary $D/jmh.json > $D/jmh-summary.md 2>&1
(date -u; cat /proc/loadavg; ps -eo pid,pcpu,etime,args --sort=-pcpu | head -6 | cut -c1-160) > $D/machine-run2-start.txt
java -jar $J level2-burst 3 3 10000,50000,100000 > $D/burst-run2.md 2> $D/burst-run2.err
(date -u; cat /proc/loadavg) > $D/machine-run2-end.txt
