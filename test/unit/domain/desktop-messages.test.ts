import { repsConcerned } from '../../../lambdas/domain/routing/desktop-messages';
import type { DispatchedEvent } from '../../../lambdas/domain/routing/outbox';

const at = 1;
const e = (event: object) => ({ at, eventId: 'x#0', ...event }) as DispatchedEvent;

describe('which desktops an event concerns', () => {
  it('is the rep an offer, assignment, wrap-up or presence change names', () => {
    expect(repsConcerned(e({ type: 'offer.timedOut', itemId: 'w', offerId: 'o', repId: 'rep-a' }))).toEqual(['rep-a']);
    expect(
      repsConcerned(e({ type: 'rep.presenceChanged', repId: 'rep-b', loggedIn: false, reason: 'logout' })),
    ).toEqual(['rep-b']);
  });

  it('is both sides of a transfer to a rep, and only the sender for one to a queue', () => {
    const to = (kind: string, id: string) => ({
      type: 'work.transferred',
      itemId: 'w',
      fromRepId: 'rep-a',
      to: { kind, id },
    });
    expect(repsConcerned(e(to('rep', 'rep-d')))).toEqual(['rep-a', 'rep-d']);
    expect(repsConcerned(e(to('queue', 'chat-q')))).toEqual(['rep-a']);
  });

  it('is nobody for work that no rep holds', () => {
    expect(
      repsConcerned(
        e({ type: 'work.queued', itemId: 'w', channel: 'chat', queueId: 'q', source: 's', reason: 'submitted' }),
      ),
    ).toEqual([]);
    expect(repsConcerned(e({ type: 'work.canceled', itemId: 'w', reason: 'abandoned' }))).toEqual([]);
  });
});
