#!/bin/sh
# run 3: under both locks (no other benchmark, no Maven build alongside); the jar built from commit 44f35b5
D=$1
J=/tmp/wt18-bench-new.jar
(date -u; cat /proc/loadavg; ps -eo pid,pcpu,etime,args --sort=-pcpu | head -6 | cut -c1-160) > $D/machine-jmh3-start.txt
java -jar $J 'Level2DecodeBenchmark.oneLevelUpdate|AdvancedTradeDecodeBenchmark.oneTradeFrame' -p buffer=heap \
  -f 2 -wi 3 -i 5 -w 1s -r 1s -prof gc -rf json -rff $D/jmh-run3.json > $D/jmh-run3.txt 2> $D/jmh-run3.err
(date -u; cat /proc/loadavg) > $D/machine-jmh3-end.txt
java -jar $J summary $D/jmh-run3.json > $D/jmh-run3-summary.md 2>&1
(date -u; cat /proc/loadavg; ps -eo pid,pcpu,etime,args --sort=-pcpu | head -6 | cut -c1-160) > $D/machine-run3-start.txt
java -jar $J level2-burst 5 3 10000,50000,100000 > $D/burst-run3.md 2> $D/burst-run3.err
(date -u; cat /proc/loadavg) > $D/machine-run3-end.txt
