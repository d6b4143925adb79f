// Draws the backtest report from the embedded data (report.json byte for byte, the curves, bars and fills).
(function () {
  const D = JSON.parse(document.getElementById('report-data').textContent);
  const R = D.report;
  const COLUMNS = ['total_return', 'sharpe', 'sortino', 'max_drawdown', 'fills', 'closing_trades', 'round_trips',
    'win_rate', 'profit_factor', 'exposure', 'final_equity', 'realized_pnl', 'fees', 'fee_share',
    'turnover_multiple'];
  const EXIT_COLORS = { stop_loss: '#ef5f6b', take_profit: '#5aa9ff', trailing_stop: '#f0a742', signal: '#c77dff',
    max_hold: '#aab2c0', drawdown: '#ff4fa3' };
  const PALETTE = ['#f0d264', '#c77dff', '#4cc38a', '#ef8f5f', '#5fd0ef', '#ff7eb6', '#b6e36b', '#9aa7bb'];
  const el = RT.el;
  const show = RT.show;
  const chart = RT.chart;

  el('range').textContent = R.from + ' .. ' + R.to + ' | ' + R.symbols.join(', ') + ' | ' + R.minutes
    + ' minutes | starting cash ' + R.starting_cash + ' | fees maker ' + R.maker_fee_bps + ' / taker '
    + R.taker_fee_bps + ' bps | entries ' + R.entry_type;
  el('notes').textContent = R.annualisation + '. ' + R.trades + '.';

  const head = el('metrics').querySelector('thead');
  const tr0 = document.createElement('tr');
  ['run', 'strategies'].concat(COLUMNS).forEach(function (c) {
    const th = document.createElement('th'); th.textContent = c; tr0.appendChild(th);
  });
  head.appendChild(tr0);
  const rows = [R.portfolio].concat(R.strategies).concat([R.buy_and_hold]);
  const body = el('metrics').querySelector('tbody');
  rows.forEach(function (r, i) {
    const tr = document.createElement('tr');
    tr.dataset.run = r.name;
    tr.className = i === 0 ? 'portfolio' : (i === rows.length - 1 ? 'benchmark' : '');
    [r.name, r.strategies.join(', ')].concat(COLUMNS.map(function (c) { return r[c]; })).forEach(function (v, k) {
      const td = document.createElement('td');
      td.textContent = show(v);
      if (k >= 2) { td.dataset.key = COLUMNS[k - 2]; td.dataset.value = show(v); }
      tr.appendChild(td);
    });
    body.appendChild(tr);
  });

  let color = 0;
  const equitySeries = [];
  const drawdownSeries = [];
  D.curves.forEach(function (c) {
    const col = c.kind === 'portfolio' ? '#5aa9ff' : c.kind === 'benchmark' ? '#d8dee9' : PALETTE[color++ % 8];
    const style = { color: col, width: c.kind === 'portfolio' ? 2.5 : 1,
      type: c.kind === 'benchmark' ? 'dashed' : 'solid' };
    equitySeries.push({ name: c.name, type: 'line', showSymbol: false, lineStyle: style, itemStyle: { color: col },
      data: c.points.map(function (p) { return [p[0], p[1]]; }) });
    drawdownSeries.push({ name: c.name, type: 'line', showSymbol: false, lineStyle: style, itemStyle: { color: col },
      data: c.points.map(function (p) { return [p[0], +(p[2] * 100).toFixed(4)]; }) });
  });
  el('equity-chart').dataset.curves = JSON.stringify(D.curves.map(function (c) {
    return { name: c.name, last: c.points.length ? c.points[c.points.length - 1][1] : null };
  }));
  const common = { tooltip: { trigger: 'axis' }, legend: { type: 'scroll', top: 0 },
    grid: { left: 80, right: 30, top: 34, bottom: 30 }, xAxis: { type: 'time' } };
  chart('equity-chart', 'equity', Object.assign({}, common, { yAxis: { scale: true, name: 'equity',
    splitLine: { lineStyle: { color: '#232a37' } } }, series: equitySeries }));
  chart('drawdown-chart', 'drawdown', Object.assign({}, common, { yAxis: { inverse: true, name: 'drawdown %',
    splitLine: { lineStyle: { color: '#232a37' } } }, series: drawdownSeries }));

  Object.keys(D.prices).forEach(function (symbol) {
    const p = D.prices[symbol];
    const panel = document.createElement('div');
    panel.className = 'panel';
    panel.innerHTML = '<h2></h2><div class="chart price"></div>';
    panel.querySelector('h2').textContent = symbol + ': portfolio fills on ' + p.bar_minutes + '-minute bars';
    el('prices').appendChild(panel);
    const box = panel.querySelector('.price');
    box.id = 'price-' + symbol;
    const fills = D.fills.filter(function (f) { return f.symbol === symbol; }).map(function (f) {
      const kind = f.exit_reason || (f.side === 'BUY' ? 'buy' : 'sell');
      return { value: [f.time_ms, Number(f.price)], name: kind, side: f.side, kind: kind, symbol: 'triangle',
        symbolRotate: f.side === 'SELL' ? 180 : 0, symbolSize: 12,
        itemStyle: { color: f.exit_reason ? EXIT_COLORS[f.exit_reason] || '#fff'
          : (f.side === 'BUY' ? '#4cc38a' : '#ef5f6b'), borderColor: '#fff', borderWidth: 1 } };
    });
    box.dataset.bars = String(p.bars.length);
    chart(box.id, 'price-' + symbol, {
      tooltip: { trigger: 'axis', axisPointer: { type: 'cross' } },
      grid: { left: 80, right: 30, top: 16, bottom: 60 },
      xAxis: { type: 'time' }, yAxis: { scale: true, splitLine: { lineStyle: { color: '#232a37' } } },
      dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 14 }],
      series: [
        { name: symbol, type: 'candlestick', data: p.bars, encode: { x: 0, y: [1, 2, 3, 4] },
          itemStyle: { color: '#4cc38a', color0: '#ef5f6b', borderColor: '#4cc38a', borderColor0: '#ef5f6b' } },
        { name: 'fills', type: 'scatter', data: fills, z: 5 }
      ]
    }, function (c) {
      box.dataset.fills = JSON.stringify(c.getOption().series[1].data.map(function (d) {
        return { time_ms: d.value[0], price: d.value[1], side: d.side, kind: d.kind };
      }));
    });
  });
})();
