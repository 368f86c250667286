import type { Timer } from '../routing/events';
import type { DialDecision, DialOutcomeInput } from './callback-dial';
import type { CallbackLineDecision } from './callback-line';
import type { CancelDecision, CompleteDecision } from './complete-work';
import type { ConnectedAgentDecision } from './connected-agent';
import type { Outcome } from './effects';
import type { FindWorkDecision } from './find-work';
import type { TimerDecision } from './fire-timer';
import type { AcceptDecision, OfferRef, ReturnDecision } from './offer-responses';
import type { RouteDecision } from './route-item';
import type { TransferDecision } from './transfer';

/**
 * What the use cases that orchestrate others (contact events, the sweeper) may ask for: whole use cases, each
 * with its follow-ups run. The Router implements it; they never get the Router's ports through it.
 */
export interface RoutingCommands {
  routeItem(itemId: string): Promise<Outcome<RouteDecision>>;
  findWorkForRep(repId: string): Promise<Outcome<FindWorkDecision>>;
  accept(ref: OfferRef): Promise<Outcome<AcceptDecision>>;
  timeOut(ref: OfferRef): Promise<Outcome<ReturnDecision>>;
  rescind(ref: OfferRef & { reason?: string }): Promise<Outcome<ReturnDecision>>;
  complete(input: { itemId: string; repId?: string }): Promise<Outcome<CompleteDecision>>;
  endWrapUp(input: { itemId: string; repId?: string; offerId?: string }): Promise<Outcome<CompleteDecision>>;
  cancel(input: { itemId: string; reason: string }): Promise<Outcome<CancelDecision>>;
  fireTimer(timer: Timer): Promise<Outcome<TimerDecision>>;
  transferArrived(input: { itemId: string; contactId: string }): Promise<Outcome<TransferDecision>>;
  recordDialOutcome(input: DialOutcomeInput): Promise<Outcome<DialDecision>>;
  dialCallback(itemId: string): Promise<Outcome<DialDecision>>;
  bookConnectedAgent(input: { itemId: string; repId?: string }): Promise<Outcome<ConnectedAgentDecision>>;
  callbackRepUnreachable(input: { itemId: string; contactId: string }): Promise<Outcome<CallbackLineDecision>>;
}
