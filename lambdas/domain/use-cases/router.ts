import type { Timer } from '../routing/events';
import { dialAssignedCallbacks, dialCallback, recordDialOutcome } from './callback-dial';
import { requestCallback } from './callbacks';
import { cancelWork, completeWork, endWrapUp } from './complete-work';
import type { Outcome, RouterDeps } from './context';
import { findWorkForRep } from './find-work';
import { fireTimer } from './fire-timer';
import { acceptOffer, declineOffer, type OfferRef, rescindOffer, timeOutOffer } from './offer-responses';
import { type OutboundInput, reserveOutbound } from './outbound';
import { changeStatus, logIn, logOut } from './presence';
import { routeItem } from './route-item';
import { submitWork } from './submit-work';
import { completePendingTransfer, transferWork } from './transfer';
import { connectVoiceOffers } from './voice';

/**
 * The application service: every use case over one set of ports. Handlers and the simulator call this.
 * Any use case can lead to offers; voice offers are then handed to Amazon Connect (semantics §8).
 */
export class Router {
  constructor(readonly deps: RouterDeps) {}

  submitWork(input: unknown) {
    return this.voice(submitWork(this.deps, input));
  }
  routeItem(itemId: string) {
    return this.voice(routeItem(this.deps, itemId));
  }
  findWorkForRep(repId: string) {
    return this.voice(findWorkForRep(this.deps, repId));
  }
  accept(ref: OfferRef) {
    return this.voice(acceptOffer(this.deps, ref));
  }
  decline(ref: OfferRef & { reason?: string }) {
    return this.voice(declineOffer(this.deps, ref));
  }
  timeOut(ref: OfferRef) {
    return this.voice(timeOutOffer(this.deps, ref));
  }
  rescind(ref: OfferRef & { reason?: string }) {
    return this.voice(rescindOffer(this.deps, ref));
  }
  complete(input: { itemId: string; repId?: string }) {
    return this.voice(completeWork(this.deps, input));
  }
  endWrapUp(input: { itemId: string; repId?: string; offerId?: string }) {
    return this.voice(endWrapUp(this.deps, input));
  }
  cancel(input: { itemId: string; reason: string }) {
    return this.voice(cancelWork(this.deps, input));
  }
  logIn(input: { repId: string; statusId?: string }) {
    return this.voice(logIn(this.deps, input));
  }
  logOut(input: { repId: string }) {
    return this.voice(logOut(this.deps, input));
  }
  changeStatus(input: { repId: string; statusId: string }) {
    return this.voice(changeStatus(this.deps, input));
  }
  reserveOutbound(input: OutboundInput) {
    return this.voice(reserveOutbound(this.deps, input));
  }
  fireTimer(timer: Timer) {
    return this.voice(fireTimer(this.deps, timer));
  }
  transfer(input: unknown) {
    return this.voice(transferWork(this.deps, input));
  }
  transferArrived(input: { itemId: string; contactId: string }) {
    return this.voice(completePendingTransfer(this.deps, input));
  }
  requestCallback(input: unknown) {
    return this.voice(requestCallback(this.deps, input));
  }
  recordDialOutcome(input: unknown) {
    return this.voice(recordDialOutcome(this.deps, input));
  }
  dialCallback(itemId: string) {
    return this.voice(dialCallback(this.deps, itemId));
  }

  /** Follow-ups every use case may cause: voice offers handed to Connect, accepted callbacks dialed. */
  private async voice<D>(pending: Promise<Outcome<D>>): Promise<Outcome<D>> {
    const outcome = await pending;
    const followUps = await connectVoiceOffers(this.deps, outcome.events, (input) => cancelWork(this.deps, input));
    const dials = await dialAssignedCallbacks(this.deps, [...outcome.events, ...followUps]);
    followUps.push(...dials, ...(await connectVoiceOffers(this.deps, dials, (input) => cancelWork(this.deps, input))));
    return followUps.length ? { ...outcome, events: [...outcome.events, ...followUps] } : outcome;
  }
}
