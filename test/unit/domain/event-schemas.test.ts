import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EventLog, ManualClock, SequentialIds, TimerQueue } from '../../../lambdas/adapters/local/in-process';
import { MemoryRoutingStore } from '../../../lambdas/adapters/memory/memory-store';
import { eventCataloguePage, eventJsonSchema } from '../../../lambdas/domain/routing/event-catalogue';
import { eventSchemas } from '../../../lambdas/domain/routing/event-schemas';
import type { RoutingEventType } from '../../../lambdas/domain/routing/events';
import { StoreConfigProvider } from '../../../lambdas/domain/use-cases/config-provider';
import { loadConfiguration } from '../../../lambdas/domain/use-cases/configure';
import { Router } from '../../../lambdas/domain/use-cases/router';
import { smallCenter } from '../../fixtures/small-center';
import { transferCenter } from '../../fixtures/transfer-center';
import { T0 } from '../../support/harness-time';

const root = join(__dirname, '../../..');
const types = Object.keys(eventSchemas) as RoutingEventType[];

/** Drives a router through every path that emits an event, on the memory store. */
async function everyEvent() {
  const base = smallCenter();
  const config = {
    ...base,
    channels: [
      { name: 'voice', realTime: true, wrapUpSeconds: 10 },
      { name: 'chat', realTime: true },
      { name: 'case', realTime: false },
    ],
    queues: base.queues
      .map((q) => (q.id === 'case-q' ? { ...q, overflow: { afterSeconds: 30, toQueue: 'case-2' } } : q))
      .concat({
        id: 'case-2',
        channel: 'case',
        priority: 4,
        routingModel: 'MostAvailable',
        pushTimeoutSeconds: 0,
        size: { units: 50 },
      }),
  };
  const store = new MemoryRoutingStore();
  await loadConfiguration(store, config);
  const clock = new ManualClock(T0);
  const events = new EventLog();
  const timers = new TimerQueue();
  const router = new Router({
    store,
    clock,
    ids: new SequentialIds(),
    events,
    timers,
    config: new StoreConfigProvider(store, clock),
  });
  const fire = async (ms: number) => {
    clock.advance(ms);
    for (const t of timers.takeDue(clock.now())) await router.fireTimer(t);
  };
  await router.logIn({ repId: 'rep-a', statusId: 'available' });
  const call = (await router.submitWork({ channel: 'voice', source: 'c1', queue: 'voice-q' })).decision.itemId;
  await router.accept({ itemId: call });
  await router.complete({ itemId: call });
  await fire(10_000);
  const chat = (await router.submitWork({ channel: 'chat', source: 'c2', queue: 'chat-q' })).decision.itemId;
  await router.decline({ itemId: chat, reason: 'busy' });
  await router.logIn({ repId: 'rep-b', statusId: 'busy' });
  await router.submitWork({
    channel: 'chat',
    source: 'c3',
    queue: 'chat-q',
    preferredRep: { repId: 'rep-b', fallbackAfterSeconds: 5 },
  });
  await router.submitWork({
    channel: 'chat',
    source: 'c4',
    queue: 'chat-q',
    skills: [
      { skill: 'english', minLevel: 1 },
      { skill: 'billing', minLevel: 9, additional: true, dropAfterSeconds: 5 },
    ],
  });
  await fire(30_000);
  await router.submitWork({ channel: 'case', source: 'k1', queue: 'case-q' });
  await router.changeStatus({ repId: 'rep-b', statusId: 'digital' });
  await router.changeStatus({ repId: 'rep-a', statusId: 'busy' });
  await router.changeStatus({ repId: 'rep-b', statusId: 'busy' });
  await router.submitWork({ channel: 'case', source: 'k2', queue: 'case-q' });
  await fire(31_000);
  await router.changeStatus({ repId: 'rep-a', statusId: 'available' });
  await fire(31_000);
  await router.logOut({ repId: 'rep-a' });
  const abandoned = (await router.submitWork({ channel: 'voice', source: 'c9', queue: 'voice-q' })).decision.itemId;
  await router.cancel({ itemId: abandoned, reason: 'abandoned' });
  return events.events;
}

/** Transfers, routing flows and callbacks (semantics §9). */
async function transferAndCallbackEvents() {
  const store = new MemoryRoutingStore();
  await loadConfiguration(store, transferCenter());
  const clock = new ManualClock(T0);
  const events = new EventLog();
  const router = new Router({
    store,
    clock,
    ids: new SequentialIds(),
    events,
    timers: new TimerQueue(),
    config: new StoreConfigProvider(store, clock),
  });
  await router.logIn({ repId: 'rep-a', statusId: 'available' });
  const chat = (await router.submitWork({ channel: 'chat', source: 'c1', queue: 'chat-q' })).decision.itemId;
  await router.logIn({ repId: 'rep-b', statusId: 'digital' });
  await router.accept({ itemId: chat });
  await router.transfer({ itemId: chat, repId: 'rep-a', to: { kind: 'routingFlow', name: 'attribute-queue' } });
  const call = (await router.submitWork({ channel: 'voice', source: 'v1', queue: 'voice-q' })).decision.itemId;
  const holder = (await store.getItem(call))!.reservation!.repId;
  await router.accept({ itemId: call });
  await router.transfer({ itemId: call, repId: holder, to: { kind: 'queue', queueId: 'voice-q' } });
  await router.complete({ itemId: call });
  const first = (await router.requestCallback({ source: 'cb1', queue: 'callback-q', phoneNumber: '+15551234567' }))
    .decision.itemId;
  await router.accept({ itemId: first });
  await router.recordDialOutcome({ itemId: first, outcome: 'answered' });
  await router.complete({ itemId: first });
  const second = (await router.requestCallback({ source: 'cb2', queue: 'callback-q', phoneNumber: '+15551234567' }))
    .decision.itemId;
  await router.accept({ itemId: second });
  await router.recordDialOutcome({ itemId: second, outcome: 'noAnswer' });
  clock.advance(300_000);
  await router.fireTimer({ kind: 'callbackDue', itemId: second, dueAt: clock.now(), guard: 'attempt-1' });
  await router.accept({ itemId: second });
  await router.recordDialOutcome({ itemId: second, outcome: 'busy' });
  return [...events.events, ...(await voicemailEvents(router, clock)), ...(await supervisorEvents(router))];
}

/** A supervisor reprioritizes, moves and assigns an item no free rep has the skills for. */
async function supervisorEvents(router: Router) {
  const waiting = await router.submitWork({
    channel: 'chat',
    source: 'sup-c1',
    queue: 'chat-q',
    skills: [{ skill: 'spanish', minLevel: 10 }],
  });
  const itemId = waiting.decision.itemId;
  const supervisorId = 'sup-1';
  const reprioritized = await router.reprioritizeWork({ supervisorId, itemId, priority: 1 });
  const status = await router.setRepPresence({ supervisorId, repId: 'rep-a', statusId: 'busy' });
  const assigned = await router.assignWork({ supervisorId, itemId, repId: 'rep-b' });
  return [...reprioritized.events, ...status.events, ...assigned.events];
}

/** A voicemail that gets its recording (and replaces a waiting call), and one whose recording never comes. */
async function voicemailEvents(router: Router, clock: ManualClock) {
  await router.submitWork({ channel: 'voice', source: 'v2', queue: 'voice-q' });
  const heard = await router.storeVoicemail({ contactId: 'v2', queue: 'voicemail-q' });
  const arrived = await router.recordingArrived({
    contactId: 'v2',
    location: 's3://recordings/v2_20261201T11:02_UTC.wav',
  });
  const lost = (await router.storeVoicemail({ contactId: 'v3', queue: 'voicemail-q' })).decision.itemId!;
  clock.advance(1_800_000);
  const missing = await router.fireTimer({
    kind: 'recordingDue',
    itemId: lost,
    dueAt: clock.now(),
    guard: 'recording',
  });
  return [...heard.events, ...arrived.events, ...missing.events];
}

describe('event catalogue (semantics §10)', () => {
  it('every event the router emits parses strictly against its published schema, and every type occurs', async () => {
    const events = [...(await everyEvent()), ...(await transferAndCallbackEvents())];
    for (const e of events) expect(() => eventSchemas[e.type].parse(e)).not.toThrow();
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(types));
  });

  it('ships one JSON Schema per event type and the catalogue, generated from the schemas (npm run schemas)', () => {
    for (const type of types) {
      expect(JSON.parse(readFileSync(join(root, `docs/events/${type}.json`), 'utf8'))).toEqual(eventJsonSchema(type));
    }
    expect(readFileSync(join(root, 'docs/events/README.md'), 'utf8')).toBe(eventCataloguePage());
  });
});
