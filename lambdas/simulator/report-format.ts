import type { Progress, Report } from './engine';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** A table for a terminal: the first column left-aligned, the others right-aligned, under a rule. */
export function textTable(header: readonly string[], rows: readonly string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

/** The report as a readable table for a terminal. */
export function formatReport(r: Report): string {
  const header = [
    'queue',
    'arrived',
    'answered',
    'abandoned',
    'mean wait',
    'p90 wait',
    'waited',
    'service level',
    'offers',
    'declines',
    'timeouts',
  ];
  const rows = Object.entries(r.queues).map(([id, q]) =>
    [
      id,
      q.arrived,
      q.answered,
      q.abandoned,
      `${q.meanWaitSeconds.toFixed(1)} s`,
      `${q.p90WaitSeconds.toFixed(1)} s`,
      pct(q.waitedFraction),
      pct(q.serviceLevel),
      q.offers,
      q.declines,
      q.timeouts,
    ].map(String),
  );
  const inv = r.invariants;
  return [
    `${r.scenario}: ${r.virtualMinutes} virtual minutes on ${r.store} in ${r.wallSeconds} s`,
    '',
    ...textTable(header, rows),
    '',
    `reps: occupancy ${pct(r.reps.occupancy)}, mean active items ${r.reps.meanActiveItems.toFixed(2)}`,
    ...(r.callbacks
      ? [
          `callbacks: requested ${r.callbacks.requested}, dials ${r.callbacks.dials}, ` +
            `connected ${r.callbacks.connected}, not reached ${r.callbacks.notReached}, ` +
            `unreachable after every attempt ${r.callbacks.unreachable}`,
        ]
      : []),
    `invariants (from the store's records): capacity violations ${inv.capacityViolations}, ` +
      `double offers ${inv.doubleOffers}, lost work items ${inv.lostWorkItems}`,
    ...(r.connect ? formatConnect(r.connect) : []),
  ].join('\n');
}

/** Voice through the Connect emulator: how each queue's calls reached reps, and any caller parked with a rep free. */
function formatConnect(c: NonNullable<Report['connect']>): string[] {
  const header = ['voice through Connect (whole run)', 'calls', 'targeted rep', 're-offered', 'not connected'];
  const rows = c.queues.map((q) =>
    [q.queueId, q.calls, q.answeredByTargetedRep, q.reOffered, q.notConnected, q.parkedWithRepFree, q.inProgress].map(
      String,
    ),
  );
  header.push('parked, rep free', 'in progress');
  return [
    '',
    ...textTable(header, rows),
    ...c.problems.map((p) => `connect:check: ${p}`),
    ...(c.parked.length ? [`parked with a routable rep free: ${c.parked.join(', ')}`] : []),
  ];
}

const clockTime = (seconds: number) => {
  const s = Math.floor(seconds);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(s / 3600))}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}`;
};

/** A one-line progress display: rewritten in place on a terminal, a line every 10 s elsewhere (CI logs). */
export function progressPrinter(stream: NodeJS.WriteStream, totalMinutes: number) {
  let lastLine = 0;
  return {
    update(p: Progress) {
      const time = `virtual ${clockTime(p.virtualSeconds)} / ${clockTime(totalMinutes * 60)}`;
      const text = `${time}  arrived ${p.arrived}  routed ${p.routed}  waiting now ${p.waiting}`;
      if (stream.isTTY) stream.write(`\r${text.padEnd(90)}`);
      else if (Date.now() - lastLine > 10_000) {
        lastLine = Date.now();
        stream.write(`${text}\n`);
      }
    },
    done() {
      if (stream.isTTY) stream.write('\n');
    },
  };
}
