// Helpers shared by the self-contained research pages (report.html, optimize.html): each chart reports when it
// has drawn, and <body data-ready="true"> is set once every chart has (the browser tests wait on it).
'use strict';
const RT = (function () {
  const pending = new Set();
  function el(id) { return document.getElementById(id); }
  function show(v) { return v === null || v === undefined ? '-' : String(v); }
  function done(name) {
    pending.delete(name);
    if (pending.size === 0) {
      document.body.dataset.ready = 'true';
      el('ready').textContent = 'charts drawn';
    }
  }
  function chart(id, name, option, onDrawn) {
    pending.add(name);
    const c = echarts.init(el(id), 'dark');
    c.on('finished', function () {
      if (onDrawn) { onDrawn(c); }
      el(id).dataset.drawn = 'true';
      done(name);
    });
    c.setOption(Object.assign({ animation: false, backgroundColor: 'transparent' }, option));
    return c;
  }
  return { el: el, show: show, chart: chart };
})();
