/**
 * Typed builders for the Amazon Connect flow language (Version 2019-10-30), so flows are generated and
 * checked, never hand-written JSON strings. Facts: reference/amazon-connect.md §1.
 */

/**
 * The "Set routing criteria" action type. The documented page is titled `UpdateRoutingCriteria`, but an
 * AWS-org sample that verified every block type against the real CreateContactFlow API, and several other
 * builders, report that only `UpdateContactRoutingCriteria` imports ("unknown action type" otherwise).
 * Chosen for that evidence; kept in this one constant so a console export can settle it (reference §1.3).
 */
export const SET_ROUTING_CRITERIA_ACTION = 'UpdateContactRoutingCriteria';

/** The longest `GetParticipantInput` waits for a key (admin guide; shared/reference/amazon-connect.md). */
export const MAX_INPUT_SECONDS = 179;

export interface FlowAction {
  readonly Identifier: string;
  readonly Type: string;
  readonly Parameters: Record<string, unknown>;
  readonly Transitions: {
    NextAction?: string;
    Conditions?: { NextAction: string; Condition: { Operator: string; Operands: string[] } }[];
    Errors?: { NextAction: string; ErrorType: string }[];
  };
}

export interface FlowDocument {
  readonly Version: '2019-10-30';
  readonly StartAction: string;
  readonly Metadata: {
    entryPointPosition: { x: number; y: number };
    ActionMetadata: Record<string, { position: { x: number; y: number } }>;
  };
  readonly Actions: FlowAction[];
}

export interface RoutingStep {
  readonly name: string;
  readonly value: string;
  readonly proficiencyLevel: number;
  readonly expirySeconds?: number;
}

const IDENTIFIER = /^[^%:()\\/=$,;[\]{}]{1,50}$/;

/** Collects actions in order and checks the document: identifiers, transitions, size. */
export class FlowBuilder {
  private readonly actions: FlowAction[] = [];

  protected add(action: FlowAction): this {
    if (!IDENTIFIER.test(action.Identifier) || ['__proto__', 'constructor'].includes(action.Identifier)) {
      throw new Error(`flow action identifier '${action.Identifier}' is not allowed`);
    }
    this.actions.push(action);
    return this;
  }

  setWorkingQueue(id: string, queueArn: string, next: string, onError: string): this {
    return this.add({
      Identifier: id,
      Type: 'UpdateContactTargetQueue',
      Parameters: { QueueId: queueArn },
      Transitions: { NextAction: next, Errors: [{ NextAction: onError, ErrorType: 'NoMatchingError' }] },
    });
  }

  /**
   * Steps without `expirySeconds` never expire (the API's "omit Expiry"). `ProficiencyLevel` is a number, as
   * Salesforce's console exports write it (service-cloud-voice/examples-from-doc, ContactFlows, "Sample SCV
   * Omni-Channel Subflow - Omni Routing With Case Creation"); `DurationInSeconds` is a string, as the public
   * samples with an expiry write it [UNCONFIRMED by a console export].
   */
  setRoutingCriteria(id: string, steps: readonly RoutingStep[], next: string, onError: string): this {
    const Steps = steps.map((s) => ({
      Expression: {
        AttributeCondition: {
          Name: s.name,
          Value: s.value,
          ProficiencyLevel: s.proficiencyLevel,
          ComparisonOperator: 'NumberGreaterOrEqualTo',
        },
      },
      ...(s.expirySeconds !== undefined ? { Expiry: { DurationInSeconds: String(s.expirySeconds) } } : {}),
    }));
    return this.add({
      Identifier: id,
      Type: SET_ROUTING_CRITERIA_ACTION,
      Parameters: { RoutingCriteria: { Steps } },
      Transitions: { NextAction: next, Errors: [{ NextAction: onError, ErrorType: 'NoMatchingError' }] },
    });
  }

  invokeLambda(
    id: string,
    functionArn: string,
    options: { timeoutSeconds: number; attributes?: Record<string, string> },
    next: string,
    onError: string,
  ): this {
    if (options.timeoutSeconds < 1 || options.timeoutSeconds > 8)
      throw new Error('InvocationTimeLimitSeconds must be 1 to 8');
    return this.add({
      Identifier: id,
      Type: 'InvokeLambdaFunction',
      Parameters: {
        LambdaFunctionARN: functionArn,
        InvocationTimeLimitSeconds: String(options.timeoutSeconds),
        InvocationType: 'SYNCHRONOUS',
        ResponseValidation: { ResponseType: 'STRING_MAP' },
        ...(options.attributes ? { LambdaInvocationAttributes: options.attributes } : {}),
      },
      Transitions: { NextAction: next, Errors: [{ NextAction: onError, ErrorType: 'NoMatchingError' }] },
    });
  }

  transferToQueue(id: string, onAtCapacity: string, onError: string): this {
    return this.add({
      Identifier: id,
      Type: 'TransferContactToQueue',
      Parameters: {},
      Transitions: {
        NextAction: onError,
        Errors: [
          { NextAction: onAtCapacity, ErrorType: 'QueueAtCapacity' },
          { NextAction: onError, ErrorType: 'NoMatchingError' },
        ],
      },
    });
  }

  /** "Play prompt" with text-to-speech (`MessageParticipant`, `Text`; error NoMatchingError: flow-language docs). */
  playPrompt(id: string, text: string, next: string): this {
    return this.add({
      Identifier: id,
      Type: 'MessageParticipant',
      Parameters: { Text: text },
      Transitions: { NextAction: next, Errors: [{ NextAction: next, ErrorType: 'NoMatchingError' }] },
    });
  }

  /**
   * "Set recording and analytics behavior" (`UpdateContactRecordingBehavior`, flow-language reference): which
   * participants are recorded; `IVRRecordingBehavior` Enabled records the caller while still in the flow.
   */
  setRecordingBehavior(id: string, participants: readonly ('Agent' | 'Customer')[], ivr: boolean, next: string): this {
    return this.add({
      Identifier: id,
      Type: 'UpdateContactRecordingBehavior',
      Parameters: {
        RecordingBehavior: {
          RecordedParticipants: [...participants],
          IVRRecordingBehavior: ivr ? 'Enabled' : 'Disabled',
        },
      },
      Transitions: { NextAction: next },
    });
  }

  /**
   * "Get customer input" with DTMF (`GetParticipantInput`): plays `text`, then waits up to `timeoutSeconds` for a
   * key. A key in `keys` goes to its action; any other outcome (no key, another key, an error) goes to `next`. With
   * no keys it keeps the line open while the caller speaks.
   * [INFERENCE: parameter names from the flow-language reference page; confirm with a console export.]
   */
  waitForKey(id: string, text: string, timeoutSeconds: number, next: string, keys: Record<string, string> = {}): this {
    if (!Number.isInteger(timeoutSeconds) || timeoutSeconds < 1 || timeoutSeconds > MAX_INPUT_SECONDS) {
      throw new Error(`${id}: GetParticipantInput waits 1 to ${MAX_INPUT_SECONDS} seconds, not ${timeoutSeconds}`);
    }
    const conditions = Object.entries(keys).map(([key, to]) => ({
      NextAction: to,
      Condition: { Operator: 'Equals', Operands: [key] },
    }));
    return this.add({
      Identifier: id,
      Type: 'GetParticipantInput',
      Parameters: { Text: text, StoreInput: 'False', InputTimeLimitSeconds: String(timeoutSeconds) },
      Transitions: {
        NextAction: next,
        ...(conditions.length ? { Conditions: conditions } : {}),
        Errors: ['InputTimeLimitExceeded', 'NoMatchingCondition', 'NoMatchingError'].map((ErrorType) => ({
          NextAction: next,
          ErrorType,
        })),
      },
    });
  }

  disconnect(id: string): this {
    return this.add({ Identifier: id, Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} });
  }

  /** The flow, after checking that the start and every transition name an action of the flow. */
  build(start: string): FlowDocument {
    const ids = new Set(this.actions.map((a) => a.Identifier));
    if (ids.size !== this.actions.length) throw new Error('flow action identifiers must be unique');
    if (this.actions.length > 250) throw new Error('a flow has at most 250 actions');
    const targets = this.actions.flatMap((a) => [
      a.Transitions.NextAction,
      ...(a.Transitions.Conditions ?? []).map((c) => c.NextAction),
      ...(a.Transitions.Errors ?? []).map((e) => e.NextAction),
    ]);
    for (const t of [start, ...targets])
      if (t !== undefined && !ids.has(t)) throw new Error(`flow transition to unknown action '${t}'`);
    const ActionMetadata = Object.fromEntries(
      this.actions.map((a, i) => [a.Identifier, { position: { x: 240 * (i + 1), y: 100 } }]),
    );
    return {
      Version: '2019-10-30',
      StartAction: start,
      Metadata: { entryPointPosition: { x: 20, y: 100 }, ActionMetadata },
      Actions: [...this.actions],
    };
  }
}
