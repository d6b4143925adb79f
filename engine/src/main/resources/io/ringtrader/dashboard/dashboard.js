// RingTrader dashboard: reads the read-only JSON API, draws with ECharts (served from the engine jar), and
// follows live server-sent events. Sets data-ready on <body> once every chart has drawn (browser tests wait on it).
'use strict';
(function () {
  const params = new URLSearchParams(location.search);
  const token = params.get('token');
  const hours = Number(params.get('hours') || 6);
  // live=sse (default): server-sent events; live=poll: fetch /api/snapshot every second (for proxies that buffer
  // event streams, and for headless browsers whose virtual time waits for open requests); live=off: load once
  const live = params.get('live') || 'sse';
  let updates = 0;
  const EXIT_COLORS = { stop_loss: '#ef5f6b', take_profit: '#5aa9ff', trailing_stop: '#f0a742', signal: '#c77dff',
    max_hold: '#aab2c0', drawdown: '#ff4fa3' };
  const charts = {};
  let symbols = [];
  let equityChart = null;
  let lastChartsMs = 0;
  let lastTradeCount = -1;
  let drawing = false;

  function url(path) {
    if (!token) { return path; }
    return path + (path.indexOf('?') < 0 ? '?' : '&') + 'token=' + encodeURIComponent(token);
  }
  async function get(path) {
    const r = await fetch(url(path), { cache: 'no-store' });
    if (!r.ok) { throw new Error(path + ': HTTP ' + r.status); }
    return r.json();
  }
  function el(id) { return document.getElementById(id); }
  function money(text) {
    if (text === undefined || text === null || text === '') { return '-'; }
    return Number(text).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }
  function setValue(id, exact, shown, signed) {
    const e = el(id);
    e.textContent = shown;
    e.dataset.value = exact === undefined ? '' : exact;
    if (signed) { e.className = 'value ' + (Number(exact) < 0 ? 'neg' : 'pos'); }
  }
  function cell(tr, text, cls) {
    const td = document.createElement('td');
    td.textContent = text;
    if (cls) { td.className = cls; }
    tr.appendChild(td);
    return td;
  }
  function fillBody(tableId, rows, build) {
    const body = el(tableId).querySelector('tbody');
    body.textContent = '';
    rows.forEach(function (row) { const tr = document.createElement('tr'); build(tr, row); body.appendChild(tr); });
  }
  function iso(ms) { return new Date(ms).toISOString().replace('.000Z', 'Z'); }

  function showStatus(s) {
    el('mode').textContent = s.mode;
    el('session').textContent = 'session ' + s.session;
    el('session').className = 'tag ' + (s.session === 'running' ? 'ok' : '');
    if (s.portfolio) {
      el('last-update').textContent = s.last_update;
      setValue('cash', s.cash, money(s.cash));
      setValue('total-value', s.total_value, money(s.total_value));
      setValue('pnl', s.pnl, money(s.pnl), true);
      el('realized-pnl').textContent = money(s.realized_pnl);
      setValue('drawdown', s.drawdown, (Number(s.drawdown) * 100).toFixed(2) + ' %');
      el('latch').textContent = s.entries_halted ? 'latched: no new entries'
        : s.standing_aside ? 'standing aside: no edge' : 'entries allowed';
      el('latch').dataset.latched = String(s.entries_halted);
      setValue('trade-count', String(s.trade_count), String(s.trade_count));
    }
    const f = s.feed;
    el('feed-state').textContent = f.state;
    el('feed-health').textContent = 'reconnects ' + f.reconnects + ' | gaps ' + f.gaps + ' | rejects ' + f.rejects
      + ' | drops ' + f.drops + ' | trades ' + f.trades;
    fillBody('latency', s.latency, function (tr, l) {
      cell(tr, l.stage); cell(tr, String(l.count)); cell(tr, l.p50_us.toFixed(1)); cell(tr, l.p99_us.toFixed(1));
      cell(tr, l.p999_us.toFixed(1)); cell(tr, l.max_us.toFixed(1));
    });
  }
  function showPositions(list) {
    fillBody('positions', list, function (tr, p) {
      tr.dataset.symbol = p.symbol;
      tr.dataset.quantity = p.quantity;
      tr.dataset.averageCost = p.average_cost;
      tr.dataset.lastPrice = p.last_price;
      cell(tr, p.symbol); cell(tr, p.quantity); cell(tr, money(p.last_price)); cell(tr, money(p.value));
      cell(tr, money(p.average_cost)); cell(tr, money(p.unrealized_pnl), Number(p.unrealized_pnl) < 0 ? 'neg' : 'pos');
      cell(tr, String(p.open_orders)); cell(tr, p.stop ? money(p.stop) : '-');
      cell(tr, p.take_profit ? money(p.take_profit) : '-');
    });
    if (list.length === 0) {
      fillBody('positions', [0], function (tr) { const td = cell(tr, 'no open positions'); td.colSpan = 9; });
    }
  }
  function showSignals(list) {
    fillBody('signals', list, function (tr, s) {
      tr.dataset.symbol = s.symbol;
      cell(tr, s.symbol); cell(tr, s.time.replace('T', ' ').slice(0, 19)); cell(tr, s.action, s.action);
      cell(tr, s.confidence.toFixed(3)); cell(tr, s.regime); cell(tr, s.strategy);
      cell(tr, s.filtered ? 'filtered' : 'actionable');
    });
  }
  async function showStrategies() {
    const s = await get('/api/strategies');
    const box = el('strategies');
    box.textContent = '';
    const p = document.createElement('p');
    p.innerHTML = '<b></b><br><span class="muted"></span>';
    p.querySelector('b').textContent = s.active.length ? s.active.join(', ') : 'none';
    p.querySelector('span').textContent = s.reason;
    box.appendChild(p);
    (s.selections || []).slice(1).reverse().slice(0, 5).forEach(function (sel) {
      const d = document.createElement('div');
      d.className = 'muted';
      d.textContent = sel.at + ': ' + sel.active.join(', ') + ' (' + sel.reason + ')';
      box.appendChild(d);
    });
  }
  async function showOrders() {
    const o = await get('/api/orders');
    fillBody('orders', o.orders, function (tr, x) {
      tr.dataset.order = x.id + '|' + x.symbol + '|' + x.purpose + '|' + orderPrice(x);
      cell(tr, String(x.id)); cell(tr, x.symbol); cell(tr, x.side, x.side); cell(tr, x.type); cell(tr, x.purpose);
      cell(tr, x.quantity); cell(tr, money(orderPrice(x))); cell(tr, x.state);
    });
    return o.orders;
  }
  function orderPrice(o) {
    return (o.type === 'stop' || o.type === 'trailing_stop') ? o.stop_price : o.limit_price;
  }

  function ensureSymbolChart(symbol) {
    if (charts[symbol]) { return charts[symbol]; }
    const panel = document.createElement('div');
    panel.className = 'panel';
    panel.innerHTML = '<h2></h2><div class="chart candles"></div>';
    panel.querySelector('h2').textContent = symbol + ' (1-minute candles, fills, open orders and stops)';
    el('symbols').appendChild(panel);
    const box = panel.querySelector('.candles');
    box.id = 'chart-' + symbol;
    charts[symbol] = echarts.init(box, 'dark', { renderer: 'canvas' });
    return charts[symbol];
  }

  function drawSymbol(symbol, candles, trades, orders) {
    const chart = ensureSymbolChart(symbol);
    const box = el('chart-' + symbol);
    const data = candles.candles.map(function (c) { return [c[0], c[1], c[4], c[3], c[2]]; });
    const fromMs = data.length ? data[0][0] : 0;
    const toMs = data.length ? data[data.length - 1][0] + 60000 : 0;
    const fills = trades.trades.filter(function (t) { return t.time_ms >= fromMs && t.time_ms < toMs; })
      .map(function (t) {
        const kind = t.exit_reason || (t.action === 'BUY' ? 'buy' : 'sell');
        return { value: [t.time_ms, Number(t.price)], side: t.action, kind: kind, name: kind,
          symbol: 'triangle', symbolRotate: t.action === 'SELL' ? 180 : 0, symbolSize: 12,
          itemStyle: { color: t.exit_reason ? EXIT_COLORS[t.exit_reason] || '#fff'
            : (t.action === 'BUY' ? '#4cc38a' : '#ef5f6b'), borderColor: '#fff', borderWidth: 1 } };
      });
    const lines = orders.filter(function (o) { return o.symbol === symbol && Number(orderPrice(o)) > 0; })
      .map(function (o) {
        const stop = o.type === 'stop' || o.type === 'trailing_stop';
        return { yAxis: Number(orderPrice(o)), name: o.purpose + ' ' + o.side.toLowerCase() + ' ' + o.type,
          lineStyle: { color: stop ? '#ef5f6b' : (o.purpose === 'take_profit' ? '#5aa9ff' : '#f0d264'),
            type: 'dashed' } };
      });
    // keep the order and stop lines in view even when they sit outside the candles' range
    const linePrices = lines.map(function (l) { return l.yAxis; });
    const lowest = Math.min.apply(null, linePrices.concat(data.map(function (d) { return d[3]; })));
    const highest = Math.max.apply(null, linePrices.concat(data.map(function (d) { return d[4]; })));
    box.dataset.fromMs = String(fromMs);
    box.dataset.toMs = String(toMs);
    box.dataset.candles = String(data.length);
    box.dataset.drawn = 'false';
    chart.off('finished');
    chart.on('finished', function () {
      const opt = chart.getOption();
      box.dataset.fills = JSON.stringify(opt.series[1].data.map(function (d) {
        return { time_ms: d.value[0], price: d.value[1], side: d.side, kind: d.kind };
      }));
      box.dataset.priceLines = JSON.stringify((opt.series[0].markLine.data || []).map(function (d) {
        return d.yAxis;
      }));
      box.dataset.drawn = 'true';
      checkReady();
    });
    chart.setOption({
      animation: false, backgroundColor: 'transparent',
      grid: { left: 70, right: 120, top: 20, bottom: 60 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'cross' } },
      xAxis: { type: 'time', min: fromMs || null, max: toMs || null },
      yAxis: { scale: true, splitLine: { lineStyle: { color: '#232a37' } },
        min: isFinite(lowest) ? Math.floor(lowest * 0.998) : null,
        max: isFinite(highest) ? Math.ceil(highest * 1.002) : null },
      dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 14 }],
      series: [
        { name: symbol, type: 'candlestick', data: data, encode: { x: 0, y: [1, 2, 3, 4] },
          itemStyle: { color: '#4cc38a', color0: '#ef5f6b', borderColor: '#4cc38a', borderColor0: '#ef5f6b' },
          markLine: { symbol: 'none', silent: true, label: { formatter: '{b}', position: 'end', color: '#d8dee9' },
            data: lines } },
        { name: 'fills', type: 'scatter', data: fills, z: 5,
          tooltip: { formatter: function (p) { return p.data.kind + ' ' + p.data.value[1]; } } }
      ]
    }, true);
  }

  function drawEquity(eq) {
    if (!equityChart) { equityChart = echarts.init(el('equity-chart'), 'dark'); }
    const box = el('equity-chart');
    const pts = eq.points;
    box.dataset.points = String(pts.length);
    box.dataset.drawn = 'false';
    el('equity-window').textContent = pts.length ? iso(pts[0][0]) + ' .. ' + iso(pts[pts.length - 1][0]) : '';
    equityChart.off('finished');
    equityChart.on('finished', function () {
      const drawn = equityChart.getOption().series[0].data;
      box.dataset.last = drawn.length ? JSON.stringify(drawn[drawn.length - 1]) : '';
      box.dataset.drawn = 'true';
      checkReady();
    });
    equityChart.setOption({
      animation: false, backgroundColor: 'transparent',
      tooltip: { trigger: 'axis' },
      grid: [{ left: 80, right: 30, top: 16, height: '52%' }, { left: 80, right: 30, top: '72%', height: '18%' }],
      xAxis: [{ type: 'time', gridIndex: 0 }, { type: 'time', gridIndex: 1 }],
      yAxis: [{ scale: true, gridIndex: 0, name: 'equity', splitLine: { lineStyle: { color: '#232a37' } } },
        { gridIndex: 1, name: 'drawdown %', inverse: true, splitLine: { show: false } }],
      series: [
        { name: 'equity', type: 'line', showSymbol: false, data: pts.map(function (p) { return [p[0], p[1]]; }),
          lineStyle: { color: '#5aa9ff' } },
        { name: 'drawdown', type: 'line', showSymbol: false, xAxisIndex: 1, yAxisIndex: 1,
          data: pts.map(function (p) { return [p[0], +(p[2] * 100).toFixed(4)]; }),
          areaStyle: { color: 'rgba(239,95,107,0.35)' }, lineStyle: { color: '#ef5f6b' } }
      ]
    }, true);
  }

  function checkReady() {
    const boxes = [el('equity-chart')].concat(symbols.map(function (s) { return el('chart-' + s); }));
    if (boxes.every(function (b) { return b && b.dataset.drawn === 'true'; })) {
      document.body.dataset.ready = 'true';
      el('ready').textContent = 'charts drawn at ' + new Date().toISOString();
    }
  }

  async function drawCharts() {
    if (drawing) { return; }
    drawing = true;
    try {
      lastChartsMs = Date.now();
      const [orders, eq] = await Promise.all([showOrders(), get('/api/equity?hours=' + hours)]);
      drawEquity(eq);
      for (const s of symbols) {
        const candles = await get('/api/candles?symbol=' + s + '&hours=' + hours);
        const from = candles.candles.length ? candles.candles[0][0] : 0;
        const trades = await get('/api/trades?symbol=' + s + '&since=' + from);
        drawSymbol(s, candles, trades, orders);
      }
      await showStrategies();
    } catch (e) {
      el('live').textContent = 'error: ' + e.message;
    } finally {
      drawing = false;
    }
  }

  function onSnapshot(snap) {
    updates++;
    document.body.dataset.updates = String(updates);
    showStatus(snap.status);
    showPositions(snap.positions);
    showSignals(snap.signals);
    const count = snap.status.trade_count === undefined ? 0 : snap.status.trade_count;
    if (count !== lastTradeCount || Date.now() - lastChartsMs > 5000) {
      lastTradeCount = count;
      drawCharts();
    }
  }

  async function start() {
    const status = await get('/api/status');
    symbols = status.symbols;
    symbols.forEach(ensureSymbolChart);
    onSnapshot({ status: status, positions: await get('/api/positions'), signals: await get('/api/signals') });
    if (live === 'sse') {
      const events = new EventSource(url('/api/events'));
      events.addEventListener('snapshot', function (e) {
        el('live').textContent = 'live';
        el('live').className = 'tag ok';
        onSnapshot(JSON.parse(e.data));
      });
      events.onerror = function () { el('live').textContent = 'reconnecting'; el('live').className = 'tag bad'; };
    } else if (live === 'poll') {
      el('live').textContent = 'live (polling)';
      setInterval(function () {
        get('/api/snapshot').then(onSnapshot).catch(function (e) { el('live').textContent = 'error: ' + e.message; });
      }, 1000);
    } else {
      el('live').textContent = 'not live';
    }
    window.addEventListener('resize', function () {
      Object.values(charts).forEach(function (c) { c.resize(); });
      if (equityChart) { equityChart.resize(); }
    });
  }
  start().catch(function (e) { el('live').textContent = 'error: ' + e.message; });
})();
