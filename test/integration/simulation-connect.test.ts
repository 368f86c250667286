import { join } from 'node:path';
import { simulate } from '../../lambdas/simulator/engine';
import { loadScenario } from '../../lambdas/simulator/load-scenario';
import { formatReport } from '../../lambdas/simulator/report-format';
import { openStore } from '../../lambdas/simulator/stores';

const EXAMPLES = join(__dirname, '../../examples');

/** A scenario run as `npm start` runs it: voice through the Connect emulator with the deployed handlers. */
async function throughConnect(file: string, store: 'memory' | 'dynamodb', minutes?: number) {
  const loaded = loadScenario(join(EXAMPLES, file));
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  const scenario = minutes ? { ...loaded.scenario, durationMinutes: minutes } : loaded.scenario;
  const sim = await openStore(store, store === 'dynamodb' ? process.env.DDB_ENDPOINT : undefined);
  try {
    return await simulate(scenario, loaded.config, loaded.reps, sim, { connect: true });
  } finally {
    await sim.close();
  }
}

describe('npm start: voice through the Connect emulator (semantics §8)', () => {
  it('routes the example center calls through Connect: targeted, connected, hung up, none parked', async () => {
    const r = await throughConnect('default-scenario.json', 'memory');
    const c = r.connect!;
    expect(c.problems).toEqual([]);
    expect(c.queues.map((q) => q.queueId)).toEqual(['sales-voice', 'support-voice']);
    for (const q of c.queues) {
      expect(q.calls).toBeGreaterThan(20);
      expect(q.answeredByTargetedRep + q.reOffered + q.notConnected + q.inProgress).toBe(q.calls);
      expect(q.answeredByTargetedRep).toBeGreaterThan(q.calls * 0.9);
      expect(q.parkedWithRepFree).toBe(0);
    }
    expect(c.parked).toEqual([]);
    // The router's own view of the same calls: answered, and its invariants held.
    expect(r.queues['support-voice']!.answered).toBeGreaterThan(0);
    expect(r.invariants).toEqual({ capacityViolations: 0, doubleOffers: 0, lostWorkItems: 0 });
    expect(formatReport(r)).toMatch(/voice through Connect \(whole run\)[\s\S]*support-voice\s+\d+/);
  });

  it('dials callbacks through StartOutboundVoiceContact: answered ones reach a rep, the rest are retried', async () => {
    const r = await throughConnect('callback-heavy.json', 'memory', 120);
    const callbacks = r.connect!.queues.find((q) => q.queueId === 'callbacks')!;
    expect(callbacks.answeredByTargetedRep).toBeGreaterThan(0);
    // Dials the customer did not answer are offered again by the retry policy.
    expect(callbacks.reOffered).toBeGreaterThan(0);
    expect(r.callbacks!.dials).toBeGreaterThan(r.callbacks!.connected);
    expect(r.connect!.queues.every((q) => q.parkedWithRepFree === 0)).toBe(true);
    expect(r.invariants).toEqual({ capacityViolations: 0, doubleOffers: 0, lostWorkItems: 0 });
  });
});
