"""Medians over every measured iteration of the A/B runs in this folder (jmh-base-N.json, jmh-new-N.json)."""
import collections, glob, json, statistics, sys
rows = collections.defaultdict(lambda: collections.defaultdict(list))
alloc = collections.defaultdict(lambda: collections.defaultdict(list))
for f in sorted(glob.glob(sys.argv[1] + '/jmh-*-*.json')):
    jar = f.rsplit('/', 1)[-1].split('-')[1]
    for b in json.load(open(f)):
        name = '.'.join(b['benchmark'].split('.')[-2:])
        key = name + (' ' + b['params']['rank'] if 'rank' in b.get('params', {}) else '')
        for fork in b['primaryMetric']['rawData']:
            rows[key][jar] += fork
        g = b['secondaryMetrics'].get('gc.alloc.rate.norm')
        if g:
            for fork in g['rawData']:
                alloc[key][jar] += fork
print('| benchmark | unit | base median (min-max) | new median (min-max) | new / base | B/op base, new |')
print('|---|---|---:|---:|---:|---:|')
for k in sorted(rows):
    b, n = rows[k]['base'], rows[k]['new']
    unit = 'ns per level' if 'sixLevel' in k else 'ns per frame'
    mb, mn = statistics.median(b), statistics.median(n)
    print(f"| {k} | {unit} | {mb:,.0f} ({min(b):,.0f}-{max(b):,.0f}) | {mn:,.0f} ({min(n):,.0f}-{max(n):,.0f}) "
          f"| {mn / mb:.2f} | {statistics.median(alloc[k]['base']):.3f}, {statistics.median(alloc[k]['new']):.3f} |")
print(f"\n{len(b)} iterations per row and jar (3 rounds x 5)")
