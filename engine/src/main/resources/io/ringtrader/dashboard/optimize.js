// Draws optimize.html from optimize.json, embedded byte for byte: every figure cell carries its JSON key and value.
(function () {
  const R = JSON.parse(document.getElementById('report-data').textContent).report;
  const el = RT.el;
  const show = RT.show;
  const FIGURES = [['in_sample', 'sharpe'], ['in_sample', 'mean_return'], ['out_of_sample', 'sharpe'],
    ['out_of_sample', 'return'], ['out_of_sample', 'max_drawdown'], ['out_of_sample', 'fills'],
    ['out_of_sample', 'fee_share'], ['out_of_sample', 'positive_periods']];
  const FOLD_FIGURES = ['in_sample_return', 'in_sample_sharpe', 'out_of_sample_return', 'out_of_sample_sharpe',
    'out_of_sample_fills'];
  const folds = R.walk_forward.folds;

  function label(params) {
    return Object.keys(params).map(function (k) { return k + '=' + params[k]; }).join(' ');
  }
  function row(table, cells, attrs) {
    const tr = document.createElement('tr');
    Object.keys(attrs || {}).forEach(function (k) { tr.dataset[k] = attrs[k]; });
    cells.forEach(function (c) {
      const td = document.createElement('td');
      td.textContent = show(c.text !== undefined ? c.text : c.value);
      if (c.key) { td.dataset.key = c.key; td.dataset.value = show(c.value); }
      tr.appendChild(td);
    });
    el(table).querySelector('tbody').appendChild(tr);
  }
  function head(table, names) {
    const tr = document.createElement('tr');
    names.forEach(function (n) { const th = document.createElement('th'); th.textContent = n; tr.appendChild(th); });
    el(table).querySelector('thead').appendChild(tr);
  }

  el('range').textContent = R.strategy + ' | ' + R.from + ' .. ' + R.to + ' | ' + R.symbols.join(', ') + ' | '
    + R.search + ' search, seed ' + R.seed + ' | ' + R.walk_forward.mode + ', train ' + R.walk_forward.train_hours
    + ' h, test ' + R.walk_forward.test_hours + ' h';
  [['deflated Sharpe ratio of the best set', 'deflated_sharpe.value', R.deflated_sharpe.value],
    ['sets tried (trials)', 'deflated_sharpe.trials', R.deflated_sharpe.trials],
    ['best out-of-sample Sharpe per minute', 'deflated_sharpe.best_sharpe_per_minute',
      R.deflated_sharpe.best_sharpe_per_minute],
    ['best of that many sets of pure luck', 'deflated_sharpe.expected_max_sharpe_per_minute',
      R.deflated_sharpe.expected_max_sharpe_per_minute],
    ['probability of backtest overfitting', 'pbo.value', R.pbo.value],
    ['PBO blocks / splits', 'pbo.splits', R.pbo.splits, R.pbo.blocks + ' / ' + R.pbo.splits],
    ['walk-forward out-of-sample return', 'walk_forward.out_of_sample_return', R.walk_forward.out_of_sample_return],
    ['chosen (best out-of-sample Sharpe)', 'chosen', label(R.chosen)]
  ].forEach(function (s) { row('summary', [{ text: s[0] }, { key: s[1], value: s[2], text: s[3] }]); });

  head('folds', ['fold', 'train from', 'test from', 'test to', 'walk-forward pick']);
  folds.forEach(function (f, i) {
    row('folds', [{ text: i + 1 }, { key: 'train_from', value: f.train_from }, { key: 'test_from', value: f.test_from },
      { key: 'test_to', value: f.test_to }, { key: 'pick', value: label(R.walk_forward.picks[i]) }], { fold: i + 1 });
  });

  const foldNames = [];
  folds.forEach(function (f, i) { FOLD_FIGURES.forEach(function (k) { foldNames.push('fold ' + (i + 1) + ' ' + k); }); });
  head('sets', ['rank', 'parameters'].concat(FIGURES.map(function (f) { return f.join('.'); })).concat(foldNames));
  R.sets.forEach(function (s) {
    const cells = [{ key: 'rank', value: s.rank }, { key: 'params', value: label(s.params) }];
    FIGURES.forEach(function (f) { cells.push({ key: f.join('.'), value: s[f[0]][f[1]] }); });
    s.folds.forEach(function (fo, i) {
      FOLD_FIGURES.forEach(function (k) { cells.push({ key: 'folds.' + i + '.' + k, value: fo[k] }); });
    });
    row('sets', cells, { rank: s.rank });
  });

  const points = R.sets.map(function (s) {
    return { value: [Number(s.in_sample.sharpe), Number(s.out_of_sample.sharpe)], name: label(s.params),
      itemStyle: { color: s.rank === 1 ? '#f0d264' : '#5aa9ff' }, symbolSize: s.rank === 1 ? 14 : 8 };
  });
  RT.chart('sharpe-chart', 'sharpe', {
    tooltip: { formatter: function (p) { return p.name + '<br>in ' + p.value[0] + ' / out ' + p.value[1]; } },
    grid: { left: 70, right: 30, top: 20, bottom: 50 },
    xAxis: { type: 'value', name: 'in-sample Sharpe', nameLocation: 'middle', nameGap: 28, scale: true,
      splitLine: { lineStyle: { color: '#232a37' } } },
    yAxis: { type: 'value', name: 'out-of-sample Sharpe', scale: true, splitLine: { lineStyle: { color: '#232a37' } } },
    series: [{ type: 'scatter', data: points }]
  }, function (c) { el('sharpe-chart').dataset.points = String(c.getOption().series[0].data.length); });

  const best = R.sets[0];
  const pct = function (v) { return +(Number(v) * 100).toFixed(4); };
  const picked = folds.map(function (f, i) {
    const pick = label(R.walk_forward.picks[i]);
    const set = R.sets.filter(function (s) { return label(s.params) === pick; })[0];
    return set ? pct(set.folds[i].out_of_sample_return) : null;
  });
  RT.chart('folds-chart', 'folds', {
    tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 70, right: 30, top: 34, bottom: 30 },
    xAxis: { type: 'category', data: folds.map(function (f, i) { return 'fold ' + (i + 1); }) },
    yAxis: { type: 'value', name: 'return %', splitLine: { lineStyle: { color: '#232a37' } } },
    series: [
      { name: 'best set in sample', type: 'bar', data: best.folds.map(function (f) { return pct(f.in_sample_return); }),
        itemStyle: { color: '#9aa7bb' } },
      { name: 'best set out of sample', type: 'bar', itemStyle: { color: '#f0d264' },
        data: best.folds.map(function (f) { return pct(f.out_of_sample_return); }) },
      { name: 'walk-forward pick out of sample', type: 'bar', data: picked, itemStyle: { color: '#5aa9ff' } }
    ]
  });
})();
