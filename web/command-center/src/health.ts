import type { CommandCenterSnapshot } from '../../../lambdas/command-center/projection';

export type Health = 'ok' | 'warning' | 'breach';
export type QueueView = CommandCenterSnapshot['queues'][number];
export type Window = '15m' | '30m' | '60m' | 'today';

/** Service level against its target: met, within 10 points of it, or further below (none answered: no state). */
export function serviceLevelHealth(serviceLevel: number | null, target: number): Health | undefined {
  if (serviceLevel === null) return undefined;
  if (serviceLevel >= target) return 'ok';
  return serviceLevel >= target - 0.1 ? 'warning' : 'breach';
}

/** The longest wait against its limit: under half of it, up to it, or past it. */
export function waitHealth(seconds: number, limit: number): Health {
  if (seconds >= limit) return 'breach';
  return seconds >= limit / 2 ? 'warning' : 'ok';
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const mmss = (s: number) => `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;

/** One line per queue in breach, as a supervisor would say it, for the page's alert. */
export function breaches(queues: readonly QueueView[], window: Window, windowName: string): string[] {
  return queues.flatMap((q) => {
    const lines: string[] = [];
    const sl = q.windows[window].serviceLevel;
    if (serviceLevelHealth(sl, q.targets.serviceLevel) === 'breach')
      lines.push(`${q.name}: service level ${pct(sl!)} against ${pct(q.targets.serviceLevel)} ${windowName}`);
    if (waitHealth(q.longestWaitSeconds, q.targets.longestWaitSeconds) === 'breach')
      lines.push(
        `${q.name}: waiting ${mmss(q.longestWaitSeconds)}, past the ${mmss(q.targets.longestWaitSeconds)} limit`,
      );
    return lines;
  });
}

/** A trend's points in a width × height box (oldest left), for an SVG polyline; gaps (no value) are skipped. */
export function sparkline(values: readonly (number | null)[], max: number, width = 120, height = 24): string {
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  return values
    .flatMap((v, i) =>
      v === null ? [] : [`${(i * step).toFixed(1)},${(height - (Math.min(v, max) / max) * height).toFixed(1)}`],
    )
    .join(' ');
}
