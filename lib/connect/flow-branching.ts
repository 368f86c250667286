import { FlowBuilder } from './flow-language';

/** A branch taken when the action's result equals `operand` (the flow language's only comparison these need). */
const when = (operand: string, next: string) => ({
  NextAction: next,
  Condition: { Operator: 'Equals', Operands: [operand] },
});

/**
 * The branching blocks the customer's journey needs: hours, a key menu, the queue's hold loop and the hook that
 * attaches a customer queue flow. Parameter names from the flow-language reference (Amazon Connect admin guide,
 * "Flow language actions"); each is checked by CreateContactFlow when deployed.
 */
export class BranchingFlowBuilder extends FlowBuilder {
  /** "Check hours of operation" (`CheckHoursOfOperation`): the given hours, or the working queue's. */
  checkHours(id: string, hoursArn: string | undefined, open: string, closed: string): this {
    return this.add({
      Identifier: id,
      Type: 'CheckHoursOfOperation',
      Parameters: hoursArn ? { HoursOfOperationId: hoursArn } : {},
      Transitions: {
        NextAction: open,
        Conditions: [when('True', open), when('False', closed)],
        Errors: [{ NextAction: open, ErrorType: 'NoMatchingError' }],
      },
    });
  }

  /** A DTMF menu: a key in `keys` goes to its action; no key, another key or an error goes to `otherwise`. */
  menu(id: string, text: string, timeoutSeconds: number, keys: Record<string, string>, otherwise: string): this {
    return this.waitForKey(id, text, timeoutSeconds, otherwise, keys);
  }

  /**
   * "Loop prompts" (`MessageParticipantIteratively`, customer queue flows only): plays `text` in a loop while the
   * caller waits, interrupted every `interruptSeconds` to run `next` (result MessagesInterrupted).
   */
  loopPrompts(id: string, text: string, interruptSeconds: number, next: string): this {
    if (!Number.isInteger(interruptSeconds) || interruptSeconds < 1)
      throw new Error(`${id}: the interrupt is a whole number of seconds, not ${interruptSeconds}`);
    return this.add({
      Identifier: id,
      Type: 'MessageParticipantIteratively',
      Parameters: { Messages: [{ Text: text }], InterruptFrequencySeconds: String(interruptSeconds) },
      Transitions: {
        NextAction: next,
        Conditions: [when('MessagesInterrupted', next)],
        Errors: [{ NextAction: next, ErrorType: 'NoMatchingError' }],
      },
    });
  }

  /** "Set customer queue flow" (`UpdateContactEventHooks`, key CustomerQueue): what the caller hears in queue. */
  setCustomerQueueFlow(id: string, flowArn: string, next: string): this {
    return this.add({
      Identifier: id,
      Type: 'UpdateContactEventHooks',
      Parameters: { EventHooks: { CustomerQueue: flowArn } },
      Transitions: { NextAction: next, Errors: [{ NextAction: next, ErrorType: 'NoMatchingError' }] },
    });
  }
}
