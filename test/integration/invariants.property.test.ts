import fc from 'fast-check';
import { CompiledConfig } from '../../lambdas/domain/config/compiled-config';
import { validateConfig } from '../../lambdas/domain/config/validate-config';
import { InvalidInputError } from '../../lambdas/domain/errors';
import { checkInvariants } from '../../lambdas/domain/routing/invariants';
import { propertyCenter } from '../fixtures/property-center';
import { type Harness, makeHarness } from '../support/harness';

const REPS = 24;
const QUEUES = [
  ['voice', 'voice-q'],
  ['voice', 'voice-2'],
  ['chat', 'chat-q'],
  ['case', 'case-q'],
] as const;
const STATUSES = ['available', 'digital', 'busy'];

const idx = fc.nat({ max: 1000 });
const single = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('submit' as const),
      q: fc.nat({ max: 3 }),
      source: fc.nat({ max: 40 }),
      target: fc.nat({ max: 3 }),
      rep: idx,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constantFrom(
        'accept' as const,
        'decline' as const,
        'complete' as const,
        'cancel' as const,
        'route' as const,
      ),
      item: idx,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constantFrom('login' as const, 'logout' as const, 'status' as const, 'outbound' as const),
      rep: idx,
      status: fc.nat({ max: 2 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('advance' as const), seconds: fc.integer({ min: 1, max: 40 }) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('transfer' as const), item: idx, rep: idx, target: fc.nat({ max: 2 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('callback' as const),
      source: fc.nat({ max: 40 }),
      seconds: fc.constantFrom(0, 30),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('dialOutcome' as const), item: idx, status: fc.nat({ max: 2 }) }),
  },
);
type Op = {
  op: string;
  q?: number;
  source?: number;
  target?: number;
  rep?: number;
  item?: number;
  status?: number;
  seconds?: number;
};
const DIAL_OUTCOMES = ['answered', 'noAnswer', 'busy'] as const;
const step = fc.oneof(
  { weight: 4, arbitrary: single.map((s) => [s]) },
  { weight: 1, arbitrary: fc.array(single, { minLength: 2, maxLength: 3 }) },
);

/**
 * From the drawn index on, the first of a few submitted items in `state` (so commands mostly apply), else the
 * drawn one.
 */
async function pick(h: Harness, submitted: string[], from: number, state: string, channel?: string): Promise<string> {
  for (let k = 0; k < Math.min(8, submitted.length); k++) {
    const candidate = await h.store.getItem(submitted[(from + k) % submitted.length]!);
    if (candidate?.state === state && (!channel || candidate.channel === channel)) return candidate.id;
  }
  return submitted.length ? submitted[from % submitted.length]! : 'none';
}

async function run(h: Harness, s: Op, submitted: string[]) {
  const rep = `rep-${String((s.rep as number) % REPS).padStart(2, '0')}`;
  const item = submitted.length ? submitted[(s.item as number) % submitted.length]! : 'none';
  switch (s.op) {
    case 'submit': {
      const [channel, queue] = QUEUES[s.q as number]!;
      const target =
        s.target === 1
          ? {
              skills: [
                { skill: 'spanish', minLevel: 4 },
                { skill: 'english', minLevel: 6, additional: true, dropAfterSeconds: 10 },
              ],
            }
          : s.target === 2
            ? { preferredRep: { repId: rep, fallbackAfterSeconds: 15 } }
            : {};
      const r = await h.router.submitWork({ channel, queue, source: `src-${s.source}`, ...target });
      if (!submitted.includes(r.decision.itemId)) submitted.push(r.decision.itemId);
      return;
    }
    case 'accept':
      return void (await h.router.accept({ itemId: await pick(h, submitted, s.item as number, 'Offered') }));
    case 'decline':
      return void (await h.router.decline({ itemId: item }));
    case 'complete': {
      const current = await h.store.getItem(item);
      if (current?.state === 'WrapUp') return void (await h.router.endWrapUp({ itemId: item }));
      return void (await h.router.complete({ itemId: item }));
    }
    case 'cancel':
      return void (await h.router.cancel({ itemId: item, reason: 'abandoned' }));
    case 'route':
      return void (await h.router.routeItem(item));
    case 'login':
      return void (await h.router.logIn({ repId: rep, statusId: STATUSES[s.status as number] }));
    case 'logout':
      return void (await h.router.logOut({ repId: rep }));
    case 'status':
      return void (await h.router.changeStatus({ repId: rep, statusId: STATUSES[s.status as number]! }));
    case 'outbound': {
      const r = await h.router.reserveOutbound({ repId: rep, callId: `out-${submitted.length}-${rep}` });
      if (r.decision.kind === 'reserved') submitted.push(r.decision.itemId);
      return;
    }
    case 'advance':
      return h.advance((s.seconds as number) * 1000);
    case 'transfer': {
      // Whoever holds it transfers it: to a rep, or to one of the two chat queues (other channels are refused).
      const assigned = await pick(h, submitted, s.item as number, 'Assigned');
      const holder = (await h.store.getItem(assigned))?.reservation?.repId ?? rep;
      const to =
        s.target === 0
          ? ({ kind: 'rep', repId: rep } as const)
          : ({
              kind: 'queue',
              queueId: s.target === 1 ? 'chat-q' : 'chat-2',
              keepRequestedAt: s.rep! % 2 === 0,
            } as const);
      return void (await h.router.transfer({ itemId: assigned, repId: holder, to }));
    }
    case 'callback': {
      const r = await h.router.requestCallback({
        source: `cb-${s.source}`,
        queue: 'callback-q',
        phoneNumber: '+15551234567',
        at: h.clock.now() + (s.seconds as number) * 1000,
      });
      if (!submitted.includes(r.decision.itemId)) submitted.push(r.decision.itemId);
      return;
    }
    case 'dialOutcome': {
      const callback = await pick(h, submitted, s.item as number, 'Assigned', 'callback');
      return void (await h.router.recordDialOutcome({ itemId: callback, outcome: DIAL_OUTCOMES[s.status as number]! }));
    }
  }
}

async function tolerate(p: Promise<void>) {
  // Bad requests (declining a non-declinable offer, a logged-out rep changing status, an unknown item) are
  // refused with InvalidInputError and must change nothing; anything else is a real failure.
  await p.catch((e: unknown) => {
    if (!(e instanceof InvalidInputError)) throw e;
  });
}

describe('semantics §1 invariants under random interleavings (fast-check, DynamoDB Local)', () => {
  const result = validateConfig(propertyCenter());
  if (!result.ok) throw new Error(result.problems.join('\n'));
  const config = new CompiledConfig(result.config);

  it('hold after every step: capacity, one holder per item, nothing lost, release exactly once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 10, maxLength: 35 }), async (steps) => {
        const h = await makeHarness(propertyCenter());
        const submitted: string[] = [];
        for (const group of steps) {
          await Promise.all(group.map((s) => tolerate(run(h, s, submitted))));
          const { items, reps, isWaiting } = await h.snapshot();
          const report = checkInvariants({ items, reps, config, submitted, events: h.events.events, isWaiting });
          expect(report).toEqual({
            capacityViolations: 0,
            doubleOffers: 0,
            lostWorkItems: 0,
            capacityLeaks: 0,
            details: [],
          });
        }
      }),
      { numRuns: 25, ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}) },
    );
  });
});
