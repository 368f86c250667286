import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario } from '../../lambdas/simulator/load-scenario';
import { scenarioJsonSchema } from '../../lambdas/simulator/scenario-json-schema';
import { simulateCli as simulate } from '../support/simulation';

const root = join(__dirname, '../..');

describe('npm run simulate (docs/simulator.md)', () => {
  it('prints only the report as one JSON object with --json', async () => {
    const r = await simulate('test/fixtures/scenarios/small.json', '--json', '--store', 'memory', '--seed', '9');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual([
      'scenario',
      'virtualMinutes',
      'queues',
      'reps',
      'invariants',
      'store',
      'wallSeconds',
    ]);
    expect(report.queues.q).toEqual(
      expect.objectContaining({ arrived: expect.any(Number), serviceLevel: expect.any(Number) }),
    );
    expect(report.invariants).toEqual({ capacityViolations: 0, doubleOffers: 0, lostWorkItems: 0 });
    expect(report.store).toBe('memory');
  });

  it('prints a readable table by default', async () => {
    const r = await simulate('test/fixtures/scenarios/small.json', '--store', 'memory');
    expect(r.stdout).toMatch(/queue\s+arrived\s+answered\s+abandoned\s+mean wait/);
    expect(r.stdout).toContain(
      "invariants (from the store's records): capacity violations 0, double offers 0, lost work items 0",
    );
  });

  it.each([
    [
      'a missing field, a negative duration and a wrong type',
      'bad.json',
      [
        'name: Invalid input: expected string, received undefined',
        'durationMinutes: Too small',
        'arrivals[0].perHour: Invalid input: expected number, received string',
      ],
    ],
    [
      'unknown queues and channels',
      'unknown-queue.json',
      [
        "arrivals[0].queue: unknown queue 'elsewhere'",
        "repGroups[0].queues[1]: unknown queue 'nope'",
        "repGroups[0].status[1]: unknown channel 'fax'",
      ],
    ],
  ])('exits 2 naming every problem for %s; nothing runs', async (_name, file, problems) => {
    const r = await simulate(`test/fixtures/scenarios/${file}`, '--store', 'memory');
    expect(r.code).toBe(2);
    for (const p of problems) expect(r.stderr).toContain(p);
    expect(r.stdout).toBe('');
  });

  it('exits 2 for bad options', async () => {
    const r = await simulate('test/fixtures/scenarios/small.json', '--store', 'postgres', '--seed', '-1');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--store: must be dynamodb or memory, not 'postgres'");
    expect(r.stderr).toContain('--seed: must be a non-negative number');
  });
});

describe('example scenarios', () => {
  const examples = readdirSync(join(root, 'examples')).filter(
    (f) => f.endsWith('.json') && !['contact-center.json', 'scenario.schema.json'].includes(f),
  );

  it.each(examples)('%s is a valid scenario', (file) => {
    const loaded = loadScenario(join(root, 'examples', file));
    expect(loaded.ok ? [] : loaded.problems).toEqual([]);
  });

  it('ships the blended, skills-relaxation and default scenarios', () => {
    expect(examples).toEqual(
      expect.arrayContaining(['default-scenario.json', 'blended-center.json', 'skills-relaxation.json']),
    );
  });

  it('ships a JSON Schema that matches the validating schema (regenerate with npm run schemas)', () => {
    expect(JSON.parse(readFileSync(join(root, 'examples/scenario.schema.json'), 'utf8'))).toEqual(scenarioJsonSchema());
  });
});
