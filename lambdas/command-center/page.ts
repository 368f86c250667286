/** The Command Center page: one self-contained document, no build step, live over server-sent events. */
export const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Command Center · unified-routing</title>
<style>
  :root { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2733; background: #f4f6f9; }
  body { margin: 0; }
  header { display: flex; gap: 2rem; align-items: baseline; padding: .8rem 1.5rem; background: #1d2733; color: #fff; }
  header h1 { font-size: 1.15rem; margin: 0; }
  header .kpi { font-size: .9rem; opacity: .9 } header .kpi b { font-size: 1.1rem; }
  main { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); gap: 1rem; padding: 1rem 1.5rem; }
  #queues-section { grid-column: 1 / -1; }
  section { background: #fff; border-radius: 8px; box-shadow: 0 1px 3px rgba(0,0,0,.08); padding: .8rem 1rem; overflow: auto; }
  h2 { font-size: .95rem; margin: 0 0 .6rem; text-transform: uppercase; letter-spacing: .04em; color: #52606d; }
  table { border-collapse: collapse; width: 100%; font-size: .85rem; }
  th, td { padding: .3rem .45rem; text-align: right; white-space: nowrap; border-bottom: 1px solid #e4e7eb; }
  th:first-child, td:first-child { text-align: left; } th { color: #52606d; font-weight: 600; }
  .bar { display: inline-block; width: 48px; height: 8px; background: #e4e7eb; border-radius: 4px; vertical-align: middle; overflow: hidden; }
  .bar > i { display: block; height: 100%; background: #3e7bfa; }
  .bar.int > i { background: #f0a202; }
  td.status { white-space: normal; text-align: left; } .status-Offline { color: #9aa5b1; } .warn { color: #c62828; font-weight: 600; }
  #chart { width: 100%; height: 180px; }
  @media (max-width: 1100px) { main { grid-template-columns: 1fr; } }
</style></head>
<body>
<header><h1 id="title">Command Center</h1>
  <span class="kpi">waiting <b id="total-waiting">0</b></span>
  <span class="kpi">reps logged in <b id="logged-in">0</b></span>
  <span class="kpi">time <b id="clock">–</b></span>
  <span class="kpi" id="connection">connecting…</span></header>
<main>
  <section id="queues-section"><h2>Queues</h2>
      <table id="queues"><thead><tr><th>queue</th><th>channel</th><th>waiting</th><th>longest wait</th><th>service level</th><th>offers</th><th>accepted</th><th>declines</th><th>timeouts</th><th>abandons</th></tr></thead><tbody></tbody></table>
  </section>
  <section><h2>Waiting items over time <small id="chart-max" style="text-transform:none;font-weight:400"></small></h2>
    <svg id="chart" viewBox="0 0 600 180" preserveAspectRatio="none" role="img" aria-label="waiting items over time">
      <line x1="0" y1="175" x2="600" y2="175" stroke="#cbd2d9"></line>
      <polyline id="line" fill="none" stroke="#3e7bfa" stroke-width="2" points=""></polyline></svg>
    <div style="display:flex;justify-content:space-between;font-size:.75rem;color:#52606d"><span id="chart-from"></span><span id="chart-to"></span></div>
  </section>
  <section><h2>Reps</h2>
    <table id="reps"><thead><tr><th>rep</th><th>status</th><th>logged in</th><th>primary</th><th>interruptible</th><th>active</th></tr></thead><tbody></tbody></table>
  </section>
</main>
<script>
const fmtTime = (ms) => new Date(ms).toISOString().slice(11, 19);
const pct = (x) => x === null ? '–' : (x * 100).toFixed(1) + '%';
const secs = (s) => s >= 60 ? Math.floor(s / 60) + 'm ' + (s % 60) + 's' : s + 's';
const bar = (used, total, cls) => '<span class="bar ' + cls + '"><i style="width:' + Math.min(100, 100 * used / total) + '%"></i></span> ' + used + '/' + total;
function render(s) {
  document.getElementById('title').textContent = 'Command Center · ' + s.name;
  document.getElementById('clock').textContent = fmtTime(s.at);
  document.getElementById('total-waiting').textContent = s.queues.reduce((n, q) => n + q.waiting, 0);
  document.getElementById('logged-in').textContent = s.reps.filter((r) => r.loggedIn).length + '/' + s.reps.length;
  document.querySelector('#queues tbody').innerHTML = s.queues.map((q) => '<tr data-queue="' + q.id + '"><td>' + q.name + '</td><td>' + q.channel
    + '</td><td class="waiting">' + q.waiting + '</td><td class="' + (q.longestWaitSeconds > 60 ? 'warn' : '') + '">' + secs(q.longestWaitSeconds)
    + '</td><td>' + pct(q.serviceLevel) + '</td><td class="offers">' + q.offered + '</td><td>' + q.accepted + '</td><td>' + q.declined
    + '</td><td>' + q.timedOut + '</td><td>' + q.abandoned + '</td></tr>').join('');
  document.querySelector('#reps tbody').innerHTML = s.reps.map((r) => '<tr data-rep="' + r.id + '"><td>' + r.name + '</td><td class="status status-' + r.status + '">'
    + r.status + '</td><td>' + (r.loggedInAt ? fmtTime(r.loggedInAt) : '–') + '</td><td>' + bar(r.used.primary, r.capacity.primary, '')
    + '</td><td>' + bar(r.used.interruptible, r.capacity.interruptible, 'int') + '</td><td class="active">' + r.activeItems + '</td></tr>').join('');
  const h = s.history;
  if (h.length > 1) {
    const max = Math.max(1, ...h.map((p) => p.waiting));
    const t0 = h[0].at, span = Math.max(1, h[h.length - 1].at - t0);
    document.getElementById('chart-max').textContent = '(peak ' + max + ')';
    document.getElementById('chart-from').textContent = fmtTime(t0);
    document.getElementById('chart-to').textContent = fmtTime(h[h.length - 1].at);
    document.getElementById('line').setAttribute('points', h.map((p) => ((p.at - t0) / span * 600).toFixed(1) + ',' + (175 - p.waiting / max * 165).toFixed(1)).join(' '));
  }
}
const source = new EventSource('/api/stream');
source.onmessage = (m) => { document.getElementById('connection').textContent = 'live'; render(JSON.parse(m.data)); };
source.onerror = () => { document.getElementById('connection').textContent = 'run finished or disconnected'; };
</script></body></html>`;
