import { SHIFT_HEADINGS, shiftRows } from './plan-format';
import { type Estimate, type PlanReport, queuesWithWork } from './plan-report';
import type { ScheduleFile } from './schedule-file';
import { escapeHtml, svgChart } from './svg-chart';

const COLORS = ['#1f6feb', '#d1242f', '#1a7f37', '#9a6700', '#8250df', '#bf3989'];

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#1f2328;background:#fff}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}p.meta{color:#59636e;margin:0 0 16px}
.charts{display:flex;flex-wrap:wrap;gap:12px}svg{border:1px solid #d1d9e0;border-radius:6px;background:#fff}
svg .title{font-weight:600;font-size:13px}svg .axis{font-size:10px;fill:#59636e}svg .legend{font-size:11px}
svg .grid{stroke:#eef1f4}svg .target{stroke:#59636e;stroke-dasharray:5 4}
table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #d1d9e0;padding:3px 7px;text-align:right}
th{background:#f6f8fa}td.l,th.l{text-align:left}.miss{background:#ffebe9}`;

const pct = (e: Estimate | null) =>
  e ? `${(e.mean * 100).toFixed(1)}% (${(e.low * 100).toFixed(1)}–${(e.high * 100).toFixed(1)})` : '–';
const num = (e: Estimate | null) => (e ? `${e.mean.toFixed(1)} (${e.low.toFixed(1)}–${e.high.toFixed(1)})` : '–');

function queueSection(report: PlanReport, target?: ScheduleFile['target']): string {
  const { worked: queues, idle } = queuesWithWork(report);
  const series = (pick: (c: PlanReport['queues'][string]['intervals'][number]) => Estimate | null) =>
    queues.map(([id, q], k) => ({ name: id, color: COLORS[k % COLORS.length]!, values: q.intervals.map(pick) }));
  const labels = report.intervals;
  const charts = [
    svgChart({
      title: `Service level (answered within ${report.serviceLevelSeconds} s)`,
      labels,
      series: series((c) => c.serviceLevel),
      scale: 100,
      unit: '%',
      yMax: 100,
      target: target?.serviceLevel !== undefined ? target.serviceLevel * 100 : undefined,
    }),
    svgChart({
      title: 'Mean wait of answered items',
      labels,
      series: series((c) => c.meanWaitSeconds),
      scale: 1,
      unit: 's',
    }),
    svgChart({
      title: 'Abandonment',
      labels,
      series: series((c) => c.abandonRate),
      scale: 100,
      unit: '%',
      target: target?.maxAbandon !== undefined ? target.maxAbandon * 100 : undefined,
    }),
    svgChart({ title: 'Arrivals per interval', labels, series: series((c) => c.arrived), scale: 1, unit: '' }),
  ];
  const rows = queues
    .map(
      ([id, q]) =>
        `<tr><td class="l">${escapeHtml(id)}</td><td>${num(q.day.arrived)}</td><td>${pct(q.day.serviceLevel)}</td>` +
        `<td>${num(q.day.meanWaitSeconds)}</td><td>${pct(q.day.abandonRate)}</td></tr>`,
    )
    .join('');
  const none = idle.length ? `<p class="meta">No arrivals: ${escapeHtml(idle.join(', '))}</p>` : '';
  const head = '<th class="l">queue</th><th>arrived</th><th>service level</th><th>mean wait (s)</th><th>abandoned</th>';
  return `<h2>Queues</h2><table><tr>${head}</tr>${rows}</table>
${none}<div class="charts">${charts.join('')}</div>`;
}

function groupSection(report: PlanReport): string {
  const groups = Object.values(report.groups);
  const series = (pick: (c: PlanReport['groups'][string]['intervals'][number]) => Estimate | null) =>
    groups.map((g, k) => ({ name: g.name, color: COLORS[k % COLORS.length]!, values: g.intervals.map(pick) }));
  return `<h2>Rep groups</h2><div class="charts">${svgChart({
    title: 'Occupancy (busy share of present reps)',
    labels: report.intervals,
    series: series((c) => c.occupancy),
    scale: 100,
    unit: '%',
    yMax: 100,
  })}${svgChart({
    title: 'Reps present',
    labels: report.intervals,
    series: series((c) => c.staffed),
    scale: 1,
    unit: '',
  })}</div>`;
}

function scheduleSection(schedule: ScheduleFile, report: PlanReport): string {
  const head = report.intervals.map((l) => `<th>${l}</th>`).join('');
  const rows = schedule.repGroups
    .map(
      (g) =>
        `<tr><td class="l">${escapeHtml(g.name)}</td>` +
        `${g.staffing.map((n) => `<td>${n}</td>`).join('')}<td>${g.repHours}</td></tr>`,
    )
    .join('');
  const verdict = schedule.met ? 'meets the target in every interval' : 'does not meet the target everywhere';
  const shifts = shiftRows(schedule);
  const cell = (c: string, k: number) => `<td${k === 0 ? ' class="l"' : ''}>${escapeHtml(c)}</td>`;
  const shiftTable = shifts.length
    ? `<h2>Shifts</h2><table><tr>${SHIFT_HEADINGS.map((h) => `<th>${h}</th>`).join('')}</tr>${shifts
        .map((row) => `<tr>${row.map(cell).join('')}</tr>`)
        .join('')}</table>`
    : '';
  return `<h2>Staffing (${verdict}; ${schedule.repHours} rep-hours)</h2>
<table><tr><th class="l">group</th>${head}<th>rep-hours</th></tr>${rows}</table>${shiftTable}`;
}

/** One self-contained HTML file (inline styles and SVG, no script or external resource): it opens offline. */
export function htmlReport(report: PlanReport, schedule?: ScheduleFile): string {
  const busy = report.busyness ? ` · busyness ${num(report.busyness)}` : '';
  const inv = report.invariants;
  const invariants =
    inv.capacityViolations + inv.doubleOffers + inv.lostWorkItems === 0 ? 'all held' : JSON.stringify(inv);
  const title = `${escapeHtml(report.scenario)}: planning report`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>${STYLE}</style></head><body>
<h1>${escapeHtml(report.scenario)}</h1>
<p class="meta">${report.days} simulated day(s) from ${report.dayStart},
${report.intervalMinutes}-minute intervals${busy}
· means with 95% intervals, shaded (${escapeHtml(report.intervalMethod)}) · invariants ${invariants}</p>
${schedule ? scheduleSection(schedule, report) : ''}${queueSection(report, schedule?.target)}${groupSection(report)}
</body></html>
`;
}
