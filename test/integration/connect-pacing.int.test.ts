import { PacedTelephony } from '../../lambdas/adapters/connect/paced-telephony';
import { DynamoCallPacer, windowsOf } from '../../lambdas/adapters/dynamodb/call-pacer';
import { documentClient, localClientConfig } from '../../lambdas/adapters/dynamodb/client';
import type { TelephonyPort } from '../../lambdas/domain/ports';
import { endpoint, freshTable } from '../support/harness';

/** Time that moves only when a pacer waits: every instance shares it, so windows are exact and nothing is timed. */
class SharedTime {
  at = 1_000_000;
  readonly now = () => this.at;
  readonly sleep = async (ms: number) => {
    this.at = Math.max(this.at, this.at + ms);
  };
}

/** Connect as the pacer sees it: every call recorded with its time; a contact can be throttled once. */
class FakeConnect implements TelephonyPort {
  readonly calls: { contactId: string; at: number }[] = [];
  constructor(
    private readonly time: SharedTime,
    private readonly throttleOnce = new Set<string>(),
  ) {}
  readonly statuses: { connectUserId: string; at: number }[] = [];
  async setAgentStatus(request: { connectUserId: string; statusName: string }) {
    this.statuses.push({ connectUserId: request.connectUserId, at: this.time.now() });
    if (this.throttleOnce.delete(request.connectUserId))
      throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
  }
  async connectRep(request: { contactId: string }) {
    this.calls.push({ contactId: request.contactId, at: this.time.now() });
    if (this.throttleOnce.delete(request.contactId))
      throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    return 'targeted' as const;
  }
}

async function pacedPair(rate: number, throttleOnce?: Set<string>) {
  const { table } = await freshTable();
  const time = new SharedTime();
  const connect = new FakeConnect(time, throttleOnce);
  const db = documentClient(localClientConfig(endpoint()));
  const waits: number[] = [];
  /** The time of every place granted, by any instance: what the shared rate bounds. */
  const granted: number[] = [];
  let throttles = 0;
  const pacer = () => {
    const shared = new DynamoCallPacer(db, table, 'UpdateContactRoutingData', rate);
    return {
      reserve: async (now: () => number) => {
        const answer = await shared.reserve(now);
        if ('at' in answer) granted.push(answer.at);
        return answer;
      },
    };
  };
  const instance = () =>
    new PacedTelephony(connect, pacer(), {
      now: time.now,
      sleep: time.sleep,
      onWaited: (ms) => waits.push(ms),
      onThrottled: () => throttles++,
    });
  return { a: instance(), b: instance(), connect, waits, granted, throttles: () => throttles };
}

const call = (contactId: string, priority?: number) => ({ contactId, connectUserId: 'u', expirySeconds: 20, priority });

describe('UpdateContactRoutingData under the Connect quota (issue: scale, voice under the quota)', () => {
  it('paces every instance together to the rate, targets every call, the most urgent first', async () => {
    const { a, b, connect, waits, granted } = await pacedPair(20);
    const { windowMs, callsPerWindow } = windowsOf(20);
    const normal = Array.from({ length: 30 }, (_, k) => a.connectRep(call(`a-${k}`, 5)));
    const other = Array.from({ length: 10 }, (_, k) => b.connectRep(call(`b-${k}`, 5)));
    const urgent = a.connectRep(call('urgent', 1));
    expect(await Promise.all([...normal, ...other, urgent])).toEqual(Array(41).fill('targeted'));
    expect(new Set(connect.calls.map((c) => c.contactId)).size).toBe(41);
    // Places are granted per window of shared time, across both instances, never more than the rate allows.
    expect(granted).toHaveLength(41);
    const perWindow = new Map<number, number>();
    for (const at of granted)
      perWindow.set(Math.floor(at / windowMs), (perWindow.get(Math.floor(at / windowMs)) ?? 0) + 1);
    expect(Math.max(...perWindow.values())).toBe(callsPerWindow);
    // No window is left unused while calls wait: 41 calls take 41 consecutive windows.
    expect(perWindow.size).toBe(41);
    expect(Math.max(...perWindow.keys()) - Math.min(...perWindow.keys())).toBe(40);
    // The urgent call arrived behind 30 of its instance's calls; it went out among that instance's first few.
    const fromA = connect.calls.filter((c) => !c.contactId.startsWith('b-')).map((c) => c.contactId);
    expect(fromA.indexOf('urgent')).toBeLessThan(3);
    expect(waits).toHaveLength(41);
    expect(Math.max(...waits)).toBeGreaterThanOrEqual(((41 / callsPerWindow - 1) * windowMs) | 0);
  });

  it('puts a call Connect throttles anyway back in line, counts the throttle, and targets it later', async () => {
    const { a, connect, throttles } = await pacedPair(20, new Set(['c-1']));
    expect(await Promise.all(['c-0', 'c-1', 'c-2'].map((c) => a.connectRep(call(c))))).toEqual([
      'targeted',
      'targeted',
      'targeted',
    ]);
    expect(connect.calls.filter((c) => c.contactId === 'c-1')).toHaveLength(2);
    expect(throttles()).toBe(1);
  });

  it('fails only the call whose place the failing pacer store could not reserve; the next go on', async () => {
    const time = new SharedTime();
    const connect = new FakeConnect(time);
    let reservations = 0;
    const pacer = {
      reserve: async () => {
        if (++reservations === 1) throw new Error('DynamoDB unavailable');
        return { at: time.now() };
      },
    };
    const paced = new PacedTelephony(connect, pacer, { now: time.now, sleep: time.sleep });
    const first = paced.connectRep(call('x-1'));
    await expect(first).rejects.toThrow('DynamoDB unavailable');
    expect(await paced.connectRep(call('x-2'))).toBe('targeted');
    expect(connect.calls.map((c) => c.contactId)).toEqual(['x-2']);
  });

  it('cuts a rate into windows of one call each, so two places are never closer than a window apart on average', () => {
    expect(windowsOf(2)).toEqual({ windowMs: 500, callsPerWindow: 1 });
    expect(windowsOf(20)).toEqual({ windowMs: 50, callsPerWindow: 1 });
  });

  it("paces PutUserStatus to its own quota on a line of its own: a shift's logins wait, calls do not", async () => {
    const { table } = await freshTable();
    const time = new SharedTime();
    const connect = new FakeConnect(time, new Set(['user-3']));
    const db = documentClient(localClientConfig(endpoint()));
    const statuses = new DynamoCallPacer(db, table, 'PutUserStatus', 2);
    const granted: number[] = [];
    const paced = new PacedTelephony(connect, new DynamoCallPacer(db, table, 'UpdateContactRoutingData', 20), {
      now: time.now,
      sleep: time.sleep,
      agentStatusPacer: {
        reserve: async (now) => {
          const answer = await statuses.reserve(now);
          if ('at' in answer) granted.push(answer.at);
          return answer;
        },
      },
    });
    const logins = Array.from({ length: 10 }, (_, k) =>
      paced.setAgentStatus!({ connectUserId: `user-${k}`, statusName: 'Available' }),
    );
    expect(await paced.connectRep(call('c-0'))).toBe('targeted');
    const setBeforeTheCall = connect.statuses.length;
    await Promise.all(logins);
    // 11 statuses set (one throttled and set again), each in a window of its own, two windows a second.
    expect(connect.statuses).toHaveLength(11);
    const times = granted.sort((x, y) => x - y);
    expect(times).toHaveLength(11);
    for (let k = 1; k < times.length; k++) expect(times[k]! - times[k - 1]!).toBeGreaterThanOrEqual(500);
    // The call took a window of its own rate: it went out while statuses still waited in theirs.
    expect(setBeforeTheCall).toBeLessThan(11);
  });
});
