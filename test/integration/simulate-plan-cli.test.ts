import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenario } from '../../lambdas/simulator/load-scenario';
import { simulateCli as simulate } from '../support/simulation';

const root = join(__dirname, '../..');
const small = join(root, 'test/fixtures/scenarios/planning-small.json');

describe('npm run simulate: planning (docs/simulator.md, "Planning")', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan-'));

  it('staffs for a target, prints the schedule, writes it and the HTML report, and a scenario reuses the schedule', async () => {
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
    expect(replay.stdout).toMatch(/queue q: day [\d.]+ ±[\d.]+ arrived/);
    expect(replay.stdout).toMatch(/09:30\s+[\d.]+ ±[\d.]+\s+[\d.]+% ±[\d.]+/);
  }, 120_000);

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
