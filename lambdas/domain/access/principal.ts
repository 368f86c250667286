import { ForbiddenError, UnauthenticatedError } from '../errors';
import type { WorkItem } from '../routing/work-item';

/**
 * Who is calling, as the edge verified it. Machines are AWS principals that signed with IAM (CRM integrations
 * submitting work or callbacks); people come with a token from the identity provider. A person is a rep when
 * the token maps to a rep id and carries the reps group; a supervisor when it carries the supervisors group.
 */
export type Principal =
  | { readonly kind: 'machine' }
  | {
      readonly kind: 'person';
      readonly subject: string;
      /** Set only for a member of the reps group whose token names a rep id. */
      readonly repId?: string;
      readonly supervisor: boolean;
      /** Set for a member of the supervisors group whose token names them: configured supervisors act as it. */
      readonly supervisorId?: string;
    }
  | { readonly kind: 'anonymous' };

/** Who may call a route: the rep named by it, a supervisor, either, or an IAM-signed integration. */
export type Access = 'machine' | 'rep' | 'supervisor' | 'repOrSupervisor';

/** The rep the principal acts as; `claimed` is the rep id the request names (path or body), if any. */
export function actingRep(who: Principal, claimed: string | undefined): string {
  if (who.kind === 'anonymous') throw new UnauthenticatedError('sign in: this route needs a bearer token');
  if (who.kind !== 'person' || who.repId === undefined) throw new ForbiddenError('only a signed-in rep may do this');
  if (claimed !== undefined && claimed !== who.repId)
    throw new ForbiddenError(`a rep acts only as themselves: signed in as ${who.repId}, not ${claimed}`);
  return who.repId;
}

/** Refuses a principal the route's access does not admit; `repId` is the rep a rep route names. */
export function admit(who: Principal, access: Access, repId?: string): void {
  if (access === 'machine') {
    if (who.kind !== 'machine') throw new ForbiddenError('this route is for IAM-signed integrations');
    return;
  }
  if (who.kind === 'anonymous') throw new UnauthenticatedError('sign in: this route needs a bearer token');
  if (who.kind === 'machine') throw new ForbiddenError('this route is for people: sign in with a token');
  if (access === 'supervisor' || (access === 'repOrSupervisor' && who.supervisor)) {
    if (!who.supervisor) throw new ForbiddenError('only a member of the supervisors group may do this');
    return;
  }
  actingRep(who, repId);
}

/** A rep may act on an item only while they hold it or are offered it. */
export function assertHolds(repId: string, holder: string | undefined, itemId: string): void {
  if (holder !== repId) throw new ForbiddenError(`item ${itemId} is not offered to or held by ${repId}`);
}

/** What a rep does to an item through the router's API, rather than in the softphone. */
export type RepItemAction = 'accept' | 'decline' | 'complete' | 'endWrapUp' | 'reportDialOutcome';

/**
 * Amazon Connect alone accepts, declines and completes a call (semantics §8): the rep answers, hangs up and
 * closes after-contact work in the softphone, and the contact events tell the router. A rep's HTTP call would
 * book them for a call Connect cannot deliver, or free their capacity mid-call. A callback is accepted by the
 * rep (the dial follows); once Connect dialed it, Connect's events report how the dial went and it ends as any call
 * does. The reason, or undefined.
 */
export function decidedByConnect(item: Pick<WorkItem, 'channel' | 'callback'>, action: RepItemAction) {
  const call = item.channel === 'voice' || item.callback?.onLineSince !== undefined;
  const dialed = item.channel === 'callback' && item.callback?.dialContactId !== undefined;
  if (call || (dialed && action !== 'accept' && action !== 'decline')) {
    return `Amazon Connect decides this ${action === 'endWrapUp' ? 'after-contact work' : 'call'}: use the softphone`;
  }
  return undefined;
}
