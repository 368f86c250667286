import type { RepView } from '../use-cases/queries';
import type { DispatchedEvent } from './outbox';
import type { RepState } from './rep';
import type { WorkItem } from './work-item';

/**
 * What a rep's open desktops receive on the push channel (docs/push.md). `snapshot` answers a desktop's `sync`
 * (sent on every connect and reconnect), so it starts from the current state; `event` follows each committed
 * change that concerns the rep, with the item (or the rep's presence) as it stands after it: a desktop keeps the
 * highest item version it has seen, so late or repeated pushes (delivery is at least once) change nothing.
 */
export type DesktopMessage =
  | { readonly type: 'snapshot'; readonly at: number; readonly view: RepView }
  /** A snapshot too large for one frame of the push channel: the desktop reads it from the HTTP API instead. */
  | { readonly type: 'snapshotByReference'; readonly at: number }
  | {
      readonly type: 'event';
      readonly event: DispatchedEvent;
      /** The item the event is about, read after the commit (consistent); absent once it is gone. */
      readonly item?: WorkItem;
      /** The rep's state read after the commit: their presence and the capacity their items hold. */
      readonly rep?: RepState;
    };

/**
 * The largest message a push sends in one piece: API Gateway's WebSocket frames are at most 32 KB (its quotas
 * page), and the message is sent as one, so a margin is kept for the framing and UTF-8 growth.
 */
export const PUSH_FRAME_BYTES = 28 * 1024;

/** A snapshot that fits one frame, or a pointer to it (whatever a rep holds, the answer to `sync` gets through). */
export function fitToFrame(message: DesktopMessage): DesktopMessage {
  if (message.type !== 'snapshot') return message;
  const bytes = new TextEncoder().encode(JSON.stringify(message)).length;
  return bytes <= PUSH_FRAME_BYTES ? message : { type: 'snapshotByReference', at: message.at };
}

/** The reps whose desktops an event concerns: the rep it names, and both sides of a transfer. */
export function repsConcerned(event: DispatchedEvent): string[] {
  const reps = new Set<string>();
  if ('repId' in event && event.repId) reps.add(event.repId);
  if (event.type === 'work.transferRequested' || event.type === 'work.transferred') {
    reps.add(event.fromRepId);
    if (event.to.kind === 'rep') reps.add(event.to.id);
  }
  return [...reps];
}
