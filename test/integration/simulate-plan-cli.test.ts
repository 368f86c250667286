import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenario } from '../../lambdas/simulator/load-scenario';
import { simulateCli as simulate } from '../support/simulation';

const root = join(__dirname, '../..');
const small = join(root, 'test/fixtures/scenarios/planning-small.json');

describe('npm run simulate: planning (docs/simulator.md, "Planning")', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan-'));

  it('staffs for a target, prints and writes the schedule and the HTML report; a scenario reuses it', async () => {
    const schedule = join(dir, 'schedule.json');
    const html = join(dir, 'report.html');
    const r = await simulate(
      small,
      '--store',
      'memory',
      '--days',
      '3',
      '--staff-for',
      '80/20',
      '--max-abandon',
      '5',
      '--save-schedule',
      schedule,
      '--html',
      html,
      '--json',
    );
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.days).toBe(3);
    expect(report.intervals).toEqual(['09:00', '09:30', '10:00']);
    expect(report.schedule.met).toBe(true);
    const file = JSON.parse(readFileSync(schedule, 'utf8'));
    expect(file).toEqual(report.schedule);
    expect(file.repGroups[0].staffing).toHaveLength(3);
    expect(readFileSync(html, 'utf8')).toMatch(/^<!doctype html>[\s\S]*<svg[\s\S]*<\/html>\n$/);
    // A scenario that names the schedule runs on its staffing.
    const reuse = join(dir, 'reuse.json');
    writeFileSync(reuse, JSON.stringify({ ...JSON.parse(readFileSync(small, 'utf8')), schedule: 'schedule.json' }));
    const loaded = loadScenario(reuse);
    if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
    expect(loaded.scenario.repGroups![0]!.staffing).toEqual(file.repGroups[0].staffing);
    const replay = await simulate(reuse, '--store', 'memory', '--days', '3');
    expect(replay.code).toBe(0);
    expect(replay.stdout).toMatch(/queue q: day [\d.]+ \([\d.]+–[\d.]+\) arrived/);
    expect(replay.stdout).toMatch(/09:30\s+[\d.]+ \([\d.]+–[\d.]+\)\s+[\d.]+% \([\d.]+–[\d.]+\)/);
  }, 120_000);

  it('cuts the staffing into shifts (--shifts), confirms them by simulation; a scenario reuses them', async () => {
    const schedule = join(dir, 'shifts.json');
    const html = join(dir, 'shifts.html');
    const r = await simulate(
      small,
      ...['--store', 'memory', '--days', '3', '--staff-for', '80/20', '--shifts', '1,1.5', '--break-minutes', '0'],
      ...['--save-schedule', schedule, '--html', html],
    );
    expect(r.stderr).toMatch(/staffing: shifts, \d+ reps on shifts, \d+ interval\(s\) missing the target/);
    const file = JSON.parse(readFileSync(schedule, 'utf8'));
    const desk = file.repGroups[0];
    expect(file.met).toBe(r.code === 0);
    // Every interval has at least the reps the staffing (raised where shifts missed) asks for.
    const at = (clock: string) => (Number(clock.slice(0, 2)) - 9) * 2 + Number(clock.slice(3)) / 30;
    const cover = [0, 1, 2].map((i) =>
      desk.shifts.reduce((n: number, s: { start: string; end: string; reps: number }) => {
        return n + (at(s.start) <= i && i < at(s.end) ? s.reps : 0);
      }, 0),
    );
    cover.forEach((c, i) => {
      expect(c).toBeGreaterThanOrEqual(desk.staffing[i]);
    });
    for (const s of desk.shifts) expect([2, 3]).toContain(at(s.end) - at(s.start));
    // Paid hours are the shifts'.
    const hours = desk.shifts.reduce((h: number, s: { start: string; end: string; reps: number }) => {
      return h + (s.reps * (at(s.end) - at(s.start))) / 2;
    }, 0);
    expect(file.repHours).toBe(hours);
    expect(r.stdout).toContain('shifts (cut from that staffing):');
    expect(readFileSync(html, 'utf8')).toContain('<h2>Shifts</h2>');
    const reuse = join(dir, 'reuse-shifts.json');
    writeFileSync(reuse, JSON.stringify({ ...JSON.parse(readFileSync(small, 'utf8')), schedule: 'shifts.json' }));
    const loaded = loadScenario(reuse);
    if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
    expect(loaded.scenario.repGroups![0]!.shifts).toEqual(desk.shifts);
    expect(loaded.scenario.repGroups![0]!.staffing).toBeUndefined();
    const people = desk.shifts.reduce((n: number, s: { reps: number }) => n + s.reps, 0);
    expect(loaded.reps).toHaveLength(Math.max(2, people));
  }, 120_000);

  it('names each bad shift option and runs nothing', async () => {
    const lone = await simulate(small, '--shifts', '8', '--break-minutes', '30');
    expect(lone.code).toBe(2);
    expect(lone.stderr).toContain('--shifts: needs --staff-for or --max-abandon');
    const bad = await simulate(small, '--staff-for', '80/20', '--shifts', '0,x', '--break-minutes', '200');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--shifts: must be shift lengths in hours, from above 0 to 16, for example 8,4');
    expect(bad.stderr).toContain('--break-minutes: must be whole minutes from 0 to 120');
    const alone = await simulate(small, '--staff-for', '80/20', '--break-minutes', '30');
    expect(alone.stderr).toContain('--break-minutes: needs --shifts');
    const uneven = await simulate(small, '--store', 'memory', '--staff-for', '80/20', '--shifts', '0.75');
    expect(uneven.code).toBe(2);
    expect(uneven.stderr).toContain('--shifts: 0.75 hour(s) is not a whole number of 30-minute intervals');
  });

  it('names each bad planning option and runs nothing', async () => {
    const r = await simulate(small, '--days', '0', '--staff-for', '80', '--max-abandon', 'lots', '--save-schedule');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--days: must be a whole number from 1 to 1000');
    expect(r.stderr).toContain('--staff-for: must be SERVICE-LEVEL-%/SECONDS, for example 80/20');
    expect(r.stderr).toContain('--max-abandon: must be a percentage from 0 to 100');
    expect(r.stderr).toContain('--save-schedule: needs a file name');
  });

  it('refuses a schedule that does not fit the scenario, naming the mismatch', () => {
    const bad = join(dir, 'bad-schedule.json');
    writeFileSync(
      bad,
      JSON.stringify({
        scenario: 'x',
        dayStart: '09:00',
        intervalMinutes: 30,
        repGroups: [{ name: 'desk', staffing: [1, 2] }],
      }),
    );
    const scenario = join(dir, 'with-bad.json');
    writeFileSync(
      scenario,
      JSON.stringify({ ...JSON.parse(readFileSync(small, 'utf8')), schedule: 'bad-schedule.json' }),
    );
    const loaded = loadScenario(scenario);
    expect(loaded.ok ? [] : loaded.problems).toEqual(['schedule.repGroups[0].staffing: needs 3 values']);
  });

  it('ships the planning examples as valid scenarios', () => {
    for (const f of ['planning-day.json', 'staffing-run.json', 'contact-center-day.json'])
      expect(loadScenario(join(root, 'examples', f)).ok).toBe(true);
  });
});
