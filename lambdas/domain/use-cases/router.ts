import type { Timer } from '../routing/events';
import type { OutboxEntry } from '../routing/outbox';
import type { DestinationQuery } from '../routing/transfer-destinations';
import { type AgentStateEvent, handleAgentEvent } from './agent-state';
import { backlogPage } from './backlog';
import { type DialOutcomeInput, dialCallback, recordDialOutcome } from './callback-dial';
import { callbackRepUnreachable } from './callback-line';
import { type CallbackRequestInput, requestCallback } from './callbacks';
import type { RoutingCommands } from './commands';
import { cancelWork, completeWork, endWrapUp } from './complete-work';
import { bookConnectedAgent } from './connected-agent';
import { type ContactEvent, handleContactEvent } from './contact-events';
import type { RouterDeps } from './deps';
import { deliverOutbox, dispatchOutbox, type OutboxRecord } from './dispatch';
import type { Outcome } from './effects';
import { findWorkForRep } from './find-work';
import { fireTimer } from './fire-timer';
import { runFollowUps } from './follow-ups';
import { acceptOffer, declineOffer, type OfferRef, rescindOffer, timeOutOffer } from './offer-responses';
import { type OutboundInput, reserveOutbound } from './outbound';
import { changeStatus, logIn, logOut } from './presence';
import { desktopSnapshot } from './push-desktops';
import {
  commandCenterFor,
  heldItemAccess,
  repView,
  transferDestinationsFor,
  type WaitingQuery,
  waitingPage,
} from './queries';
import { type RedriveOptions, redrive } from './redrive';
import { routeItem } from './route-item';
import type { SubmitWorkInput } from './submission';
import { submitWork } from './submit-work';
import { assignWork, moveWork, reprioritizeWork, setRepPresence } from './supervise';
import { sweep } from './sweep';
import { completePendingTransfer, type TransferInput, transferWork } from './transfer';
import { recordingArrived, storeVoicemail, type VoicemailInput } from './voicemail';
import { desktopClosed } from './workspace';

/**
 * The application service: every use case over one set of ports, which it keeps to itself. Handlers, the
 * simulator and the local contact center call this and nothing below it. Every command runs its use case, then
 * the follow-ups it left (Connect calls, dials), in one place.
 */
export class Router implements RoutingCommands {
  constructor(private readonly deps: RouterDeps) {}

  submitWork(input: SubmitWorkInput) {
    return this.run(submitWork(this.deps, input));
  }
  routeItem(itemId: string) {
    return this.run(routeItem(this.deps, itemId));
  }
  findWorkForRep(repId: string) {
    return this.run(findWorkForRep(this.deps, repId));
  }
  accept(ref: OfferRef) {
    return this.run(acceptOffer(this.deps, ref));
  }
  decline(ref: OfferRef & { reason?: string }) {
    return this.run(declineOffer(this.deps, ref));
  }
  timeOut(ref: OfferRef) {
    return this.run(timeOutOffer(this.deps, ref));
  }
  rescind(ref: OfferRef & { reason?: string }) {
    return this.run(rescindOffer(this.deps, ref));
  }
  complete(input: { itemId: string; repId?: string }) {
    return this.run(completeWork(this.deps, input));
  }
  endWrapUp(input: { itemId: string; repId?: string; offerId?: string }) {
    return this.run(endWrapUp(this.deps, input));
  }
  cancel(input: { itemId: string; reason: string }) {
    return this.run(cancelWork(this.deps, input));
  }
  bookConnectedAgent(input: { itemId: string; repId?: string }) {
    return this.run(bookConnectedAgent(this.deps, input));
  }
  callbackRepUnreachable(input: { itemId: string; contactId: string }) {
    return this.run(callbackRepUnreachable(this.deps, input));
  }
  logIn(input: { repId: string; statusId?: string }) {
    return this.run(logIn(this.deps, input));
  }
  logOut(input: { repId: string }) {
    return this.run(logOut(this.deps, input));
  }
  changeStatus(input: { repId: string; statusId: string }) {
    return this.run(changeStatus(this.deps, input));
  }
  reserveOutbound(input: OutboundInput) {
    return this.run(reserveOutbound(this.deps, input));
  }
  fireTimer(timer: Timer) {
    return this.run(fireTimer(this.deps, timer));
  }
  transfer(input: TransferInput) {
    return this.run(transferWork(this.deps, input));
  }
  transferArrived(input: { itemId: string; contactId: string }) {
    return this.run(completePendingTransfer(this.deps, input));
  }
  requestCallback(input: CallbackRequestInput) {
    return this.run(requestCallback(this.deps, input));
  }
  storeVoicemail(input: VoicemailInput) {
    return this.run(storeVoicemail(this.deps, input));
  }
  recordingArrived(input: { contactId: string; location: string }) {
    return this.run(recordingArrived(this.deps, input));
  }
  recordDialOutcome(input: DialOutcomeInput) {
    return this.run(recordDialOutcome(this.deps, input));
  }
  dialCallback(itemId: string) {
    return this.run(dialCallback(this.deps, itemId));
  }

  /** A Connect contact event (semantics §8); it drives the commands above, each with its follow-ups. */
  handleContactEvent(event: ContactEvent) {
    return handleContactEvent(this.deps, this, event);
  }
  /** One of the rep's desktops closed: the last starts the grace period before they are set away (semantics §7). */
  desktopClosed(repId: string) {
    return desktopClosed(this.deps, repId);
  }
  /** A record of Connect's agent event stream (semantics §8). */
  handleAgentEvent(event: AgentStateEvent) {
    return handleAgentEvent(this.deps, this, event);
  }
  /** Delivers one committed outbox entry (the table stream's dispatcher, or the in-process drain). */
  dispatch(entry: OutboxEntry) {
    return dispatchOutbox(this.deps, entry);
  }
  /** Delivers one stream record's entry; what fails is set aside whole, so the lane moves on (semantics §10). */
  deliver(record: OutboxRecord) {
    return deliverOutbox(this.deps, record);
  }
  /** Delivers set-aside entries again, in commit order per item, and reports what is still failing. */
  redrive(read: (raw: string) => OutboxEntry, options?: RedriveOptions) {
    return redrive(this.deps, read, options);
  }
  /** The safety net: finishes what lost triggers or crashes left behind, through the commands above. */
  sweep() {
    return sweep(this.deps, this);
  }

  /** The read side: what a rep's desktop and a supervisor's views show. */
  repView(repId: string) {
    return repView(this.deps, repId);
  }
  /** Supervisor actions (semantics §11): each checks the supervisor's groups and records who acted. */
  setRepPresence(input: { supervisorId?: string; repId: string; statusId: string | null }) {
    return this.run(setRepPresence(this.deps, input));
  }
  assignWork(input: { supervisorId?: string; itemId: string; repId: string }) {
    return this.run(assignWork(this.deps, input));
  }
  moveWork(input: { supervisorId?: string; itemId: string; queueId: string }) {
    return this.run(moveWork(this.deps, input));
  }
  reprioritizeWork(input: { supervisorId?: string; itemId: string; priority: number }) {
    return this.run(reprioritizeWork(this.deps, input));
  }
  commandCenter(supervisorId: string | undefined) {
    return commandCenterFor(this.deps, supervisorId);
  }
  /** A queue's waiting work, each item with why it is not routed now (supervisors of the queue only). */
  backlogPage(query: Parameters<typeof backlogPage>[1]) {
    return backlogPage(this.deps, query);
  }
  desktopSnapshot(repId: string) {
    return desktopSnapshot(this.deps, repId);
  }
  /** The rep an item is offered to or held by (a rep acts only on such items). */
  heldItemAccess(itemId: string) {
    return heldItemAccess(this.deps, itemId);
  }
  waitingPage(query: WaitingQuery) {
    return waitingPage(this.deps, query);
  }
  transferDestinations(repId: string, query: DestinationQuery) {
    return transferDestinationsFor(this.deps, repId, query);
  }

  private async run<D>(pending: Promise<Outcome<D>>): Promise<Outcome<D>> {
    return runFollowUps(this.deps, await pending);
  }
}
