import { InvalidInputError } from '../errors';
import { invalidInput } from '../input-problems';
import type { RoutingEvent, Timer } from '../routing/events';
import { queuedEvent, queuedTimers } from '../routing/lifecycle';
import type { WorkItem } from '../routing/work-item';
import * as z from '../zod';
import { type Attempt, itemWrite, newItem, RETRY, retrying } from './commit';
import type { RouterDeps } from './deps';
import { Effects, type Outcome } from './effects';
import { findWorkForRep } from './find-work';
import { type LeftCall, leaveQueue, replacing } from './leave-queue';
import { requireItem } from './reads';
import { routeItem } from './route-item';

/** A caller leaves a message (semantics §9): from the queue's menu, after hours, or when the queue is full. */
export const voicemailSchema = z.strictObject({
  contactId: z.string().check(z.minLength(1), z.maxLength(256)),
  queue: z.string().check(z.minLength(1), z.maxLength(64)),
  /** How long Connect may take to write the recording (after the call ends) before it is reported missing. */
  recordingWaitSeconds: z._default(z.number().check(z.int(), z.gte(60), z.lte(86_400)), 1_800),
  attributes: z._default(z.record(z.string().check(z.maxLength(128)), z.string().check(z.maxLength(1024))), {}),
});

export type VoicemailInput = z.input<typeof voicemailSchema>;

export type VoicemailDecision =
  | { readonly kind: 'awaitingRecording'; readonly itemId: string; readonly duplicate: boolean }
  | { readonly kind: 'queued' | 'recordingMissing'; readonly itemId: string }
  /** A recording for a contact that is not a voicemail (an ordinary recorded call), or one already attached. */
  | { readonly kind: 'notVoicemail' | 'stale'; readonly itemId?: string }
  /** The recording came after the voicemail was reported missing: the caller must be served by hand. */
  | { readonly kind: 'late'; readonly itemId: string };

export const recordingDueTimer = (item: WorkItem): Timer => ({
  kind: 'recordingDue',
  itemId: item.id,
  dueAt: item.voicemail!.recordingDueBy,
  guard: 'recording',
});

const awaitingRecording = (item: WorkItem): boolean =>
  item.state === 'Scheduled' && item.voicemail !== undefined && item.voicemail.recordingLocation === undefined;

/** Stores the voicemail, Scheduled until its recording exists; the waiting call it replaces ends with it. */
export async function storeVoicemail(deps: RouterDeps, input: VoicemailInput): Promise<Outcome<VoicemailDecision>> {
  const parsed = voicemailSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const data = parsed.data;
  const fx = new Effects(deps);
  const config = await deps.config.get();
  const channel = config.channel('voicemail');
  const queue = config.queue(data.queue, 'queue');
  if (queue.channel !== channel.name)
    throw new InvalidInputError('queue', `queue '${queue.id}' takes ${queue.channel} work, not voicemail`);
  const now = deps.clock.now();
  const stored = await retrying('storeVoicemail', async (): Promise<Attempt<Stored>> => {
    const winner = await deps.store.itemIdForSource('voicemail', data.contactId);
    if (winner) return { duplicate: winner };
    const left = await leaveQueue(deps, config, data.contactId, 'leftVoicemail');
    if (left === RETRY) return RETRY;
    const item: WorkItem = {
      id: deps.ids.next('work'),
      channel: channel.name,
      source: data.contactId,
      queueId: queue.id,
      target: { kind: 'queue' },
      interruptible: config.usesInterruptiblePool && channel.interruptible,
      requestedAt: left?.requestedAt ?? now,
      targetSince: now,
      attributes: { ...data.attributes, contactId: data.contactId },
      state: 'Scheduled',
      version: 1,
      exclusions: [],
      relaxedSkills: [],
      offers: 0,
      voicemail: { recordingDueBy: now + data.recordingWaitSeconds * 1000 },
    };
    const awaiting: RoutingEvent = {
      type: 'voicemail.awaitingRecording',
      at: now,
      itemId: item.id,
      queueId: item.queueId,
      recordingDueBy: item.voicemail!.recordingDueBy,
      ...replacing(left),
    };
    const caused = [...(left ? [left.canceled] : []), { events: [awaiting], timers: [recordingDueTimer(item)] }];
    return (await fx.commit([newItem(item, now), ...(left?.writes ?? [])], ...caused)) ? { item, left } : RETRY;
  });
  if ('duplicate' in stored)
    return fx.outcome({ kind: 'awaitingRecording', itemId: stored.duplicate, duplicate: true });
  const { item, left } = stored;
  if (left?.releasedRepId) await findWorkForRep(deps, left.releasedRepId, fx);
  return fx.outcome({ kind: 'awaitingRecording', itemId: item.id, duplicate: false });
}

type Stored = { readonly duplicate: string } | { readonly item: WorkItem; readonly left?: LeftCall };

/** Connect wrote a contact's recording: a voicemail waiting for it is queued with its location and routed. */
export async function recordingArrived(
  deps: RouterDeps,
  input: { readonly contactId: string; readonly location: string },
): Promise<Outcome<VoicemailDecision>> {
  const fx = new Effects(deps);
  const itemId = await deps.store.itemIdForSource('voicemail', input.contactId);
  if (!itemId) return fx.outcome({ kind: 'notVoicemail' });
  const decision = await retrying('recordingArrived', async (): Promise<Attempt<VoicemailDecision>> => {
    const item = await requireItem(deps, itemId);
    if (!awaitingRecording(item)) {
      const late = item.state === 'Canceled' && item.outcome === 'recordingMissing';
      return { kind: late ? 'late' : 'stale', itemId };
    }
    return attach(deps, item, input.location, fx);
  });
  if (decision.kind === 'queued') await routeItem(deps, itemId, fx);
  return fx.outcome(decision);
}

/** Queues a voicemail with its recording's location; RETRY when the item moved on since it was read. */
async function attach(
  deps: RouterDeps,
  item: WorkItem,
  location: string,
  fx: Effects,
): Promise<Attempt<VoicemailDecision>> {
  const config = await deps.config.get();
  const queued: WorkItem = {
    ...item,
    state: 'Queued',
    targetSince: deps.clock.now(),
    attributes: { ...item.attributes, recordingLocation: location },
    voicemail: { ...item.voicemail!, recordingLocation: location },
    version: item.version + 1,
  };
  const caused = { events: [queuedEvent(queued, 'recordingArrived')], timers: queuedTimers(queued, config) };
  if (!(await fx.commit([itemWrite(queued, item)], caused))) return RETRY;
  return { kind: 'queued', itemId: item.id };
}

/**
 * The recording deadline passed (timer or sweeper) with no Object Created event. The bucket is searched first (an
 * event can be late or lost); with nothing there the voicemail ends, reported missing.
 */
export async function recordingMissing(deps: RouterDeps, timer: Timer): Promise<Outcome<VoicemailDecision>> {
  const fx = new Effects(deps);
  const decision = await retrying('recordingMissing', async (): Promise<Attempt<VoicemailDecision>> => {
    const item = await requireItem(deps, timer.itemId);
    if (!awaitingRecording(item)) return { kind: 'stale', itemId: item.id };
    const found = await deps.recordings?.find(item.source, item.targetSince);
    if (found) return attach(deps, item, found, fx);
    const now = deps.clock.now();
    const ended: WorkItem = {
      ...item,
      state: 'Canceled',
      outcome: 'recordingMissing',
      endedAt: now,
      version: item.version + 1,
    };
    const events: RoutingEvent[] = [
      { type: 'voicemail.recordingMissing', at: now, itemId: item.id, queueId: item.queueId, source: item.source },
      { type: 'work.canceled', at: now, itemId: item.id, reason: 'recordingMissing' },
    ];
    if (!(await fx.commit([itemWrite(ended, item)], { events, timers: [] }))) return RETRY;
    return { kind: 'recordingMissing', itemId: item.id };
  });
  if (decision.kind === 'queued') await routeItem(deps, timer.itemId, fx);
  return fx.outcome(decision);
}
