import type { Estimate } from './plan-report';

/** One line of a chart: a mean per interval and its 95% band. */
export interface ChartSeries {
  readonly name: string;
  readonly color: string;
  readonly values: readonly (Estimate | null)[];
}

export interface Chart {
  readonly title: string;
  readonly labels: readonly string[];
  readonly series: readonly ChartSeries[];
  /** Values are shown times this (100 for shares as percentages). */
  readonly scale: number;
  readonly unit: string;
  /** A target drawn as a dashed line, in shown units. */
  readonly target?: number;
  readonly yMax?: number;
}

const W = 680;
const H = 240;
const M = { left: 48, right: 12, top: 44, bottom: 36 };

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Runs of consecutive intervals that have a value, so a line breaks where a measure is undefined. */
function runs(values: readonly (Estimate | null)[]): { i: number; e: Estimate }[][] {
  const out: { i: number; e: Estimate }[][] = [];
  let current: { i: number; e: Estimate }[] = [];
  values.forEach((e, i) => {
    if (e) current.push({ i, e });
    else if (current.length) {
      out.push(current);
      current = [];
    }
  });
  if (current.length) out.push(current);
  return out;
}

/** A line chart with confidence bands as inline SVG: no script, no external resource. */
export function svgChart(c: Chart): string {
  const all = c.series.flatMap((s) => s.values.flatMap((v) => (v ? [v.high * c.scale] : [])));
  const top = c.yMax ?? niceMax(Math.max(c.target ?? 0, ...all, 1e-9));
  const n = Math.max(1, c.labels.length);
  const x = (i: number) => M.left + ((i + 0.5) * (W - M.left - M.right)) / n;
  const y = (v: number) => M.top + (1 - Math.min(v, top) / top) * (H - M.top - M.bottom);
  const parts: string[] = [`<text x="${M.left}" y="18" class="title">${escapeHtml(c.title)}</text>`];
  for (let k = 0; k <= 4; k++) {
    const v = (top * k) / 4;
    parts.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${y(v)}" y2="${y(v)}" class="grid"/>`);
    parts.push(`<text x="${M.left - 6}" y="${y(v) + 4}" class="axis" text-anchor="end">${fmt(v)}${c.unit}</text>`);
  }
  const every = Math.ceil(n / 12);
  c.labels.forEach((l, i) => {
    if (i % every === 0) parts.push(`<text x="${x(i)}" y="${H - 14}" class="axis" text-anchor="middle">${l}</text>`);
  });
  if (c.target !== undefined)
    parts.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${y(c.target)}" y2="${y(c.target)}" class="target"/>`);
  for (const s of c.series) {
    for (const run of runs(s.values)) {
      const upper = run.map(({ i, e }) => `${x(i)},${y(e.high * c.scale)}`);
      const lower = run.map(({ i, e }) => `${x(i)},${y(Math.max(0, e.low) * c.scale)}`).reverse();
      parts.push(`<polygon points="${[...upper, ...lower].join(' ')}" fill="${s.color}" fill-opacity="0.18"/>`);
      const line = run.map(({ i, e }) => `${x(i)},${y(e.mean * c.scale)}`).join(' ');
      parts.push(`<polyline points="${line}" fill="none" stroke="${s.color}" stroke-width="2"/>`);
      for (const { i, e } of run)
        parts.push(`<circle cx="${x(i)}" cy="${y(e.mean * c.scale)}" r="2.5" fill="${s.color}"/>`);
    }
  }
  // The legend is its own line under the title, each name as wide as its text, so any number of series fits.
  let at = M.left;
  const legend = c.series
    .map((s) => {
      const text = `<text x="${at}" y="34" fill="${s.color}" class="legend">■ ${escapeHtml(s.name)}</text>`;
      at += 28 + 6.5 * s.name.length;
      return text;
    })
    .join('');
  return `<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeHtml(c.title)}">${parts.join('')}${legend}</svg>`;
}

function niceMax(v: number): number {
  const p = 10 ** Math.floor(Math.log10(v));
  return ([1, 2, 2.5, 5, 10].find((m) => m * p >= v) ?? 10) * p;
}

const fmt = (v: number) => (v >= 100 || Number.isInteger(v) ? String(Math.round(v)) : v.toFixed(1));
