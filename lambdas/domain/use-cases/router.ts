import type { Timer } from '../routing/events';
import type { RouterDeps } from './context';
import { cancelWork, completeWork, endWrapUp } from './complete-work';
import { findWorkForRep } from './find-work';
import { fireTimer } from './fire-timer';
import { acceptOffer, declineOffer, rescindOffer, timeOutOffer, type OfferRef } from './offer-responses';
import { reserveOutbound, type OutboundInput } from './outbound';
import { changeStatus, logIn, logOut } from './presence';
import { routeItem } from './route-item';
import { submitWork } from './submit-work';

/** The application service: every use case over one set of ports. Handlers and the simulator call this. */
export class Router {
  constructor(readonly deps: RouterDeps) {}

  submitWork(input: unknown) { return submitWork(this.deps, input); }
  routeItem(itemId: string) { return routeItem(this.deps, itemId); }
  findWorkForRep(repId: string) { return findWorkForRep(this.deps, repId); }
  accept(ref: OfferRef) { return acceptOffer(this.deps, ref); }
  decline(ref: OfferRef & { reason?: string }) { return declineOffer(this.deps, ref); }
  timeOut(ref: OfferRef) { return timeOutOffer(this.deps, ref); }
  rescind(ref: OfferRef & { reason?: string }) { return rescindOffer(this.deps, ref); }
  complete(input: { itemId: string; repId?: string }) { return completeWork(this.deps, input); }
  endWrapUp(input: { itemId: string; repId?: string; offerId?: string }) { return endWrapUp(this.deps, input); }
  cancel(input: { itemId: string; reason: string }) { return cancelWork(this.deps, input); }
  logIn(input: { repId: string; statusId?: string }) { return logIn(this.deps, input); }
  logOut(input: { repId: string }) { return logOut(this.deps, input); }
  changeStatus(input: { repId: string; statusId: string }) { return changeStatus(this.deps, input); }
  reserveOutbound(input: OutboundInput) { return reserveOutbound(this.deps, input); }
  fireTimer(timer: Timer) { return fireTimer(this.deps, timer); }
}
