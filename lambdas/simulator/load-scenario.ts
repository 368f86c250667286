import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { contactCenterSchema } from '../domain/config/schema';
import { validateConfig } from '../domain/config/validate-config';
import { configFromScenario, type SimRep } from './build-config';
import { breakStatusOf, type CenterBuilder, fileCenter, plannedGroups } from './planning/file-center';
import { applySchedule } from './planning/schedule-file';
import { type Scenario, validateScenario } from './scenario';

export type Loaded =
  | { ok: true; scenario: Scenario; config: unknown; reps: SimRep[]; build: CenterBuilder }
  | { ok: false; problems: string[] };

function readJson(path: string, what: string): { ok: true; value: unknown } | { ok: false; problems: string[] } {
  try {
    return { ok: true, value: JSON.parse(readFileSync(path, 'utf8')) };
  } catch (e) {
    return { ok: false, problems: [`${what}: cannot read ${path}: ${(e as Error).message}`] };
  }
}

/** Reads a scenario file and the contact center it runs on; every problem is named, nothing runs on error. */
export function loadScenario(path: string, seed?: number): Loaded {
  const json = readJson(path, 'scenario');
  if (!json.ok) return json;
  const checked = validateScenario(json.value);
  if (!checked.ok) return checked;
  const scenario = seed === undefined ? checked.scenario : { ...checked.scenario, seed };
  const center = scenario.contactCenter ? fromFile(path, scenario) : inline(scenario);
  if (!center.ok) return center;
  if (!scenario.schedule) return loaded(center.scenario, center.build);
  const file = readJson(resolve(dirname(path), scenario.schedule), 'schedule');
  if (!file.ok) return file;
  const applied = applySchedule(center.scenario, file.value);
  return applied.ok ? loaded(applied.scenario, center.build) : applied;
}

type Center = { ok: true; scenario: Scenario; build: CenterBuilder } | { ok: false; problems: string[] };

/** Builds the center the scenario runs on, once, and checks it (inline groups, or a file with its rep copies). */
function loaded(scenario: Scenario, build: CenterBuilder): Loaded {
  const built = build(scenario);
  const valid = validateConfig(built.config);
  return valid.ok
    ? { ok: true, scenario, build, ...built }
    : { ok: false, problems: valid.problems.map((p) => `contact center: ${p}`) };
}

const inline = (scenario: Scenario): Center => ({ ok: true, scenario, build: configFromScenario });

/**
 * A scenario on an existing contact-center file: the file is checked, and its groups become the scenario's rep
 * groups for planning (staffing, shifts, a schedule, a staffing search), while the file's own configuration runs.
 */
function fromFile(path: string, scenario: Scenario): Center {
  const ccJson = readJson(resolve(dirname(path), scenario.contactCenter!), 'contactCenter');
  if (!ccJson.ok) return ccJson;
  const valid = validateConfig(ccJson.value);
  if (!valid.ok) return { ok: false, problems: valid.problems.map((p) => `contactCenter: ${p}`) };
  const file = contactCenterSchema.parse(ccJson.value);
  const queues = new Set(valid.config.queues.map((q) => q.id));
  const groups = new Set(file.groups.map((g) => g.id));
  const problems = scenario.arrivals.flatMap((a, i) =>
    queues.has(a.queue) ? [] : [`arrivals[${i}].queue: unknown queue '${a.queue}'`],
  );
  scenario.groupStaffing?.forEach((g, i) => {
    if (!groups.has(g.group)) problems.push(`groupStaffing[${i}].group: unknown group '${g.group}'`);
  });
  if (scenario.groupStaffing?.length && !breakStatusOf(file))
    problems.push('groupStaffing: needs a status with no channels in the contact center, for breaks and gaps');
  if (scenario.loginStatus && !valid.config.statuses.some((s) => s.id === scenario.loginStatus)) {
    problems.push(`loginStatus: unknown status '${scenario.loginStatus}'`);
  }
  if (problems.length) return { ok: false, problems };
  // The file's queues as the scenario's, so the staffing estimate reads their channels and sizes.
  const planned: Scenario = { ...scenario, queues: file.queues, repGroups: plannedGroups(file, scenario) };
  return { ok: true, scenario: planned, build: fileCenter(file) };
}
