import type { ConnectInstance } from '../../adapters/local/connect-emulator/instance';
import type { CompiledConfig } from '../../domain/config/compiled-config';
import type { RoutingStore } from '../../domain/ports';
import type { RoutingEvent } from '../../domain/routing/events';

/** One call's course as the router's events and Connect's contact events tell it. */
interface CallCourse {
  readonly queueId: string;
  readonly channel: string;
  /** The Connect contact the rep is on: the inbound call, or a callback's dial. */
  contactId?: string;
  readonly offeredTo: string[];
  connectedTo?: string;
  /** Over without a rep on the line: the caller hung up, or the callback's customer was never reached. */
  ended?: boolean;
  /** The customer hung up while a rep who serves the queue was free in the router and routable in Connect. */
  parkedWithRepFree?: boolean;
}

/** Per queue: how the calls went (`npm start`'s voice report). */
export interface VoiceQueueReport {
  readonly queueId: string;
  readonly calls: number;
  /** Connected to the rep the router first offered the call to, offered once. */
  readonly answeredByTargetedRep: number;
  /** Connected after more than one offer (a rep Connect could not reach, a missed or timed-out offer). */
  readonly reOffered: number;
  /** Over without a rep on the line: callers who hung up unanswered, callbacks never reached. */
  readonly notConnected: number;
  /** Callers who hung up while a routable rep for their queue was free: 0 unless routing is broken. */
  readonly parkedWithRepFree: number;
  /** Neither connected nor abandoned when the run ended. */
  readonly inProgress: number;
}

/**
 * What the calls of a run did, read from the router's events (offers, assignments, connected callbacks) and
 * from Connect's contact events (a caller who hangs up unanswered). At each hang-up it checks whether a rep who
 * could have taken the call was free on both sides, which would mean a caller parked past their patience.
 */
export class VoiceLedger {
  private readonly courses = new Map<string, CallCourse>();
  readonly parkedItems: string[] = [];

  constructor(
    private readonly instance: ConnectInstance,
    private readonly config: CompiledConfig,
    private readonly userOf: ReadonlyMap<string, string>,
  ) {}

  onEvent(e: RoutingEvent): void {
    if (e.type === 'work.queued' && (e.channel === 'voice' || e.channel === 'callback') && !this.courses.has(e.itemId))
      this.courses.set(e.itemId, { queueId: e.queueId, channel: e.channel, contactId: e.source, offeredTo: [] });
    const course = 'itemId' in e ? this.courses.get(e.itemId) : undefined;
    if (!course) return;
    if (e.type === 'offer.created') course.offeredTo.push(e.repId);
    // A call is the rep's once Connect connects it; a callback once the customer is on the line with them.
    if (e.type === 'work.assigned' && e.channel === 'voice') course.connectedTo = e.repId;
    if (e.type === 'callback.connected') course.connectedTo = e.repId;
    if (e.type === 'callback.dialed') course.contactId = e.contactId;
    if (e.type === 'work.canceled' || e.type === 'work.completed' || e.type === 'callback.exhausted')
      course.ended = true;
  }

  /** An inbound call's item: Connect, not the router's accept, decides who has it. */
  isCall(itemId: string): boolean {
    return this.courses.get(itemId)?.channel === 'voice';
  }

  /** The Connect contact of a call or a dialed callback. */
  contactOf(itemId: string): string | undefined {
    return this.courses.get(itemId)?.contactId;
  }

  /** A contact event, before its handler runs: an unanswered inbound caller hanging up is checked. */
  async contactEvent(event: unknown, store: RoutingStore): Promise<void> {
    const d = (event as { detail?: Record<string, unknown> }).detail;
    if (d?.eventType !== 'DISCONNECTED' || d.agentInfo || d.initiationMethod !== 'INBOUND') return;
    const itemId = await store.itemIdForSource('voice', String(d.contactId));
    const item = itemId ? await store.getItem(itemId) : undefined;
    const course = itemId ? this.courses.get(itemId) : undefined;
    if (!item || !course || (item.state !== 'Queued' && item.state !== 'Offered')) return;
    for (const rep of this.config.reps.values()) {
      if (!rep.queues.includes(item.queueId) || !this.routable(rep.id)) continue;
      const state = await store.getRep(rep.id);
      if (state?.sessionId && state.statusChannels.includes('voice') && state.activeItems === 0 && !state.voiceBlock) {
        course.parkedWithRepFree = true;
        this.parkedItems.push(item.id);
        return;
      }
    }
  }

  /** Connect would deliver a call to the rep now: Available, nothing on the line, softphone open. */
  private routable(repId: string): boolean {
    const user = this.instance.users.get(this.userOf.get(repId) ?? '');
    if (!user || user.contact || user.softphone !== 'open') return false;
    return this.instance.status(user.status.statusId).type === 'ROUTABLE';
  }

  report(): VoiceQueueReport[] {
    const byQueue = new Map<string, CallCourse[]>();
    for (const c of this.courses.values()) byQueue.set(c.queueId, [...(byQueue.get(c.queueId) ?? []), c]);
    return [...byQueue.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([queueId, calls]) => {
        const connected = calls.filter((c) => c.connectedTo !== undefined);
        const first = connected.filter((c) => c.offeredTo.length === 1 && c.offeredTo[0] === c.connectedTo).length;
        const notConnected = calls.filter((c) => c.ended && c.connectedTo === undefined).length;
        return {
          queueId,
          calls: calls.length,
          answeredByTargetedRep: first,
          reOffered: connected.length - first,
          notConnected,
          parkedWithRepFree: calls.filter((c) => c.parkedWithRepFree).length,
          inProgress: calls.length - connected.length - notConnected,
        };
      });
  }
}
