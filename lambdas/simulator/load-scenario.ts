import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { validateConfig } from '../domain/config/validate-config';
import { configFromScenario, type SimRep } from './build-config';
import { applySchedule } from './planning/schedule-file';
import { type Scenario, validateScenario } from './scenario';

export type Loaded =
  | { ok: true; scenario: Scenario; config: unknown; reps: SimRep[] }
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
  let scenario = seed === undefined ? checked.scenario : { ...checked.scenario, seed };
  if (scenario.schedule) {
    const file = readJson(resolve(dirname(path), scenario.schedule), 'schedule');
    if (!file.ok) return file;
    const applied = applySchedule(scenario, file.value);
    if (!applied.ok) return applied;
    scenario = applied.scenario;
  }
  if (!scenario.contactCenter) {
    const built = configFromScenario(scenario);
    const valid = validateConfig(built.config);
    return valid.ok
      ? { ok: true, scenario, config: built.config, reps: built.reps }
      : { ok: false, problems: valid.problems.map((p) => `contact center: ${p}`) };
  }
  const ccJson = readJson(resolve(dirname(path), scenario.contactCenter), 'contactCenter');
  if (!ccJson.ok) return ccJson;
  const valid = validateConfig(ccJson.value);
  if (!valid.ok) return { ok: false, problems: valid.problems.map((p) => `contactCenter: ${p}`) };
  const queues = new Set(valid.config.queues.map((q) => q.id));
  const problems = scenario.arrivals.flatMap((a, i) =>
    queues.has(a.queue) ? [] : [`arrivals[${i}].queue: unknown queue '${a.queue}'`],
  );
  if (scenario.loginStatus && !valid.config.statuses.some((s) => s.id === scenario.loginStatus)) {
    problems.push(`loginStatus: unknown status '${scenario.loginStatus}'`);
  }
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    scenario,
    config: ccJson.value,
    reps: valid.config.reps.map((r) => ({ repId: r.id, statusId: scenario.loginStatus })),
  };
}
