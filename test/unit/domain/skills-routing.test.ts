import { EventLog, ManualClock, SequentialIds, TimerQueue } from '../../../lambdas/adapters/local/in-process';
import { MemoryRoutingStore } from '../../../lambdas/adapters/memory/memory-store';
import { CompiledConfig } from '../../../lambdas/domain/config/compiled-config';
import { InvalidInputError } from '../../../lambdas/domain/errors';
import { StoreConfigProvider } from '../../../lambdas/domain/use-cases/config-provider';
import { loadConfiguration } from '../../../lambdas/domain/use-cases/configure';
import { partitionsFor } from '../../../lambdas/domain/use-cases/find-work';
import { Router } from '../../../lambdas/domain/use-cases/router';
import { smallCenter } from '../../fixtures/small-center';
import { T0 } from '../../support/harness-time';

/** A queue with `skillsRouting: false` takes only queue-routed work, so pulls never read its skills list. */
const center = () => {
  const base = smallCenter();
  return { ...base, queues: base.queues.map((q) => (q.id === 'chat-q' ? { ...q, skillsRouting: false } : q)) };
};

async function router() {
  const store = new MemoryRoutingStore();
  const config = new CompiledConfig(await loadConfiguration(store, center()));
  const clock = new ManualClock(T0);
  return {
    config,
    router: new Router({
      store,
      clock,
      ids: new SequentialIds(),
      events: new EventLog(),
      timers: new TimerQueue(),
      config: new StoreConfigProvider(store, clock),
    }),
  };
}

describe('queue skillsRouting (semantics §6 skills-based, cost of a pull)', () => {
  it('defaults to true, and a pull skips the skills list of a queue that turned it off', async () => {
    const { config } = await router();
    expect(config.queue('voice-q').skillsRouting).toBe(true);
    const rep = {
      repId: 'rep-a',
      groupId: 'g1',
      sessionId: 's1',
      statusChannels: ['voice', 'chat', 'case'],
      used: { primary: 0, interruptible: 0 },
      activeItems: 0,
      lastOfferAt: 0,
      presenceVersion: 1,
    };
    const skillsLists = partitionsFor(config.rep('rep-a'), rep, config)
      .filter((p) => p.kind === 'skills')
      .map((p) => p.kind === 'skills' && p.queueId);
    expect(skillsLists).toEqual(['voice-q', 'case-q']);
  });

  it('refuses skills work (and skills fallback) on such a queue, naming the field', async () => {
    const { router: r } = await router();
    const skills = [{ skill: 'english', minLevel: 1 }];
    await expect(r.submitWork({ channel: 'chat', source: 'x1', queue: 'chat-q', skills })).rejects.toMatchObject({
      field: 'skills',
    });
    await expect(
      r.submitWork({
        channel: 'chat',
        source: 'x2',
        queue: 'chat-q',
        preferredRep: { repId: 'rep-a', fallbackSkills: skills },
      }),
    ).rejects.toBeInstanceOf(InvalidInputError);
    await expect(
      r.submitWork({
        channel: 'chat',
        source: 'x3',
        queue: 'chat-q',
        preferredRep: { repId: 'rep-a', fallbackSkills: skills },
      }),
    ).rejects.toMatchObject({ field: 'preferredRep.fallbackSkills' });
    expect((await r.submitWork({ channel: 'chat', source: 'x4', queue: 'chat-q' })).decision.duplicate).toBe(false);
  });
});
