import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateConfig } from '../../lambdas/domain/config/validate-config';
import { loadScenario } from '../../lambdas/simulator/load-scenario';
import { replicatedPlan } from '../../lambdas/simulator/planning/replications';
import { noViolations, simulateCli as simulate } from '../support/simulation';

/** docs/simulator.md, "Planning": a scenario on an existing contact-center file staffs the file's own groups. */
const root = join(__dirname, '../..');
const fixture = join(root, 'test/fixtures/scenarios/contact-center-plan.json');
const center = JSON.parse(readFileSync(join(root, 'examples/contact-center.json'), 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'file-center-'));

function load(path: string) {
  const loaded = loadScenario(path);
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  return loaded;
}

/** Writes a scenario (and, if given, a contact-center file beside it) and loads it. */
function loadWith(scenario: Record<string, unknown>, file?: unknown) {
  if (file) writeFileSync(join(dir, 'center.json'), JSON.stringify(file));
  const path = join(dir, 'scenario.json');
  writeFileSync(path, JSON.stringify({ ...scenario, contactCenter: file ? 'center.json' : scenario.contactCenter }));
  return loadScenario(path);
}

const base = () => ({
  ...JSON.parse(readFileSync(fixture, 'utf8')),
  contactCenter: join(root, 'examples/contact-center.json'),
});

describe('planning on a contact-center file (docs/simulator.md, "Planning")', () => {
  it("carries out a group's staffing and shifts with the file's reps, and copies them above the file's staff", async () => {
    const loaded = load(fixture);
    expect(loaded.scenario.repGroups!.map((g) => g.name)).toEqual(['Sales', 'Support tier 1', 'Support tier 2']);
    const config = loaded.config as typeof center;
    expect(validateConfig(config).ok).toBe(true);
    // Sales has six reps; its staffing asks for eight: two copies, with the profiles of the first two.
    const sales = config.reps.filter((r: { group: string }) => r.group === 'sales');
    expect(sales.map((r: { id: string }) => r.id)).toEqual([
      ...center.reps.filter((r: { group: string }) => r.group === 'sales').map((r: { id: string }) => r.id),
      'rep-01-copy-6',
      'rep-02-copy-7',
    ]);
    const original = center.reps[0];
    expect(sales[6]).toEqual({
      ...original,
      id: 'rep-01-copy-6',
      name: `${original.name} (copy 6)`,
      connectUserId: undefined,
    });
    const { report } = await replicatedPlan(loaded.scenario, loaded.config, loaded.reps, { days: 2, store: 'memory' });
    expect(report.invariants).toEqual(noViolations);
    const present = (group: string) => report.groups[group]!.intervals.map((i) => i.staffed!.mean);
    const [s0, s1, s2] = present('sales');
    // Whole intervals on are exact; after a drop, reps finish the work in hand before they leave.
    expect([s0, s1]).toEqual([4, 8]);
    expect(s2).toBeGreaterThanOrEqual(6);
    expect(s2).toBeLessThan(8);
    const [t0, t1, t2] = present('support-tier1');
    expect([t0, t2]).toEqual([5, 5]);
    // A 15-minute break in the 09:30 interval: half of it on, plus chats being finished.
    expect(t1).toBeGreaterThanOrEqual(2.5);
    expect(t1).toBeLessThan(5);
    // A group the scenario does not schedule is on all day.
    expect(present('support-tier2')).toEqual([6, 6, 6]);
  }, 60_000);

  it("staffs the file's groups for a target and writes a schedule that a scenario on the same file reuses", async () => {
    const schedule = join(dir, 'schedule.json');
    const r = await simulate(
      fixture,
      '--store',
      'memory',
      '--days',
      '2',
      '--staff-for',
      '80/20',
      '--save-schedule',
      schedule,
      '--json',
    );
    expect(r.stderr).not.toContain('needs inline repGroups');
    expect([0, 1]).toContain(r.code);
    const file = JSON.parse(readFileSync(schedule, 'utf8'));
    expect(file.repGroups.map((g: { name: string }) => g.name)).toEqual(['Sales', 'Support tier 1', 'Support tier 2']);
    expect(file.met).toBe(r.code === 0);
    // Nothing arrives for tier 2 alone: the search leaves it unstaffed.
    expect(file.repGroups[2].staffing).toEqual([0, 0, 0]);
    const reused = loadWith({ ...base(), schedule });
    if (!reused.ok) throw new Error(reused.problems.join('\n'));
    expect(reused.scenario.repGroups!.map((g) => g.staffing)).toEqual(
      file.repGroups.map((g: { staffing: number[] }) => g.staffing),
    );
    const salesReps = reused.reps.filter((rep) => rep.group === 0).length;
    expect(salesReps).toBe(Math.max(6, ...file.repGroups[0].staffing));
  }, 120_000);

  it("reports the queues that had work and names the file's others on one line, in text and in HTML", async () => {
    const html = join(dir, 'day.html');
    const r = await simulate(fixture, '--store', 'memory', '--days', '1', '--html', html);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^queue sales-voice: day /m);
    expect(r.stdout).toMatch(/^queue support-chat: day /m);
    expect(r.stdout).not.toMatch(/^queue cases:/m);
    const idle = 'support-voice, support-messaging, support-email, cases, voicemail, callbacks';
    expect(r.stdout).toContain(`queues with no arrivals: ${idle}`);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain(`No arrivals: ${idle}`);
    expect(page).not.toContain('<td class="l">cases</td>');
    expect(page).toContain('<td class="l">sales-voice</td>');
  }, 60_000);

  it('names each problem with group staffing and runs nothing', () => {
    const bad = loadWith({
      ...base(),
      groupStaffing: [
        { group: 'nobody', staffing: [1, 1, 1] },
        { group: 'sales', staffing: [1, 2] },
      ],
    });
    expect(bad).toEqual({
      ok: false,
      problems: expect.arrayContaining(['groupStaffing[1].staffing: needs 3 values (one per 30-minute interval)']),
    });
    const unknown = loadWith({ ...base(), groupStaffing: [{ group: 'nobody', staffing: [1, 1, 1] }] });
    expect(unknown).toEqual({ ok: false, problems: ["groupStaffing[0].group: unknown group 'nobody'"] });
    const { contactCenter: _file, ...withoutFile } = base();
    const misplaced = loadWith({ ...withoutFile, channels: [], queues: [], repGroups: [] });
    expect(misplaced.ok).toBe(false);
    if (!misplaced.ok)
      expect(misplaced.problems).toContain(
        'groupStaffing: applies to a contactCenter; inline repGroups take staffing or shifts',
      );
    // A file whose every status has channels gives scheduled reps nowhere to go on a break.
    const noBreak = {
      ...center,
      statuses: center.statuses.filter((s: { channels: string[] }) => s.channels.length > 0),
      presenceConfigs: center.presenceConfigs.map(({ statusOnPushTimeout: _s, ...p }: Record<string, unknown>) => p),
    };
    const noBreakLoad = loadWith(base(), noBreak);
    expect(noBreakLoad).toEqual({
      ok: false,
      problems: ['groupStaffing: needs a status with no channels in the contact center, for breaks and gaps'],
    });
  });
});
