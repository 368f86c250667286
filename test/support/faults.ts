import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { localClientConfig } from '../../lambdas/adapters/dynamodb/client';
import type { EventSink, TimerPort } from '../../lambdas/domain/ports';
import type { RouterDeps } from '../../lambdas/domain/use-cases/deps';
import { endpoint } from './harness';

/** A process dying (or a Lambda timing out) at this point: nothing after it runs. */
export class InjectedCrash extends Error {
  constructor(where: string) {
    super(`injected crash at ${where}`);
    this.name = 'InjectedCrash';
  }
}

type Transient = 'throttle' | 'server';

/** Errors shaped as the SDK reports them, so its own retry strategy classifies them (throttling, 5xx). */
export function transientError(kind: Transient): Error {
  return kind === 'throttle'
    ? Object.assign(new Error('Rate of requests exceeds the allowed throughput.'), {
        name: 'ThrottlingException',
        $fault: 'client',
        $metadata: { httpStatusCode: 400 },
      })
    : Object.assign(new Error('Internal server error'), {
        name: 'InternalServerError',
        $fault: 'server',
        $metadata: { httpStatusCode: 500 },
      });
}

/**
 * Faults injected through DynamoDB client middleware:
 * - a crash at the n-th call, outside the SDK's retries, so the use case stops there;
 * - transient throttling / 5xx on the first attempt of chosen calls, inside the retries, as DynamoDB does.
 */
export class DynamoFaults {
  /** Calls made (one per request, whatever its retries). */
  calls = 0;
  transientInjected = 0;
  private crashAt?: number;
  private transient?: (call: number) => Transient | undefined;
  readonly client: DynamoDBClient;

  constructor() {
    this.client = new DynamoDBClient(localClientConfig(endpoint()));
    const stack = this.client.middlewareStack;
    stack.add(
      (next, context) => async (args) => {
        const call = this.calls++;
        (context as { faultCall?: number }).faultCall = call;
        if (call === this.crashAt) throw new InjectedCrash(`DynamoDB call ${call} (${context.commandName})`);
        return next(args);
      },
      { step: 'initialize', priority: 'high', name: 'faultCrash' },
    );
    stack.add(
      (next, context) => async (args) => {
        const ctx = context as { faultCall?: number; faultAttempts?: number };
        ctx.faultAttempts = (ctx.faultAttempts ?? 0) + 1;
        const kind = ctx.faultAttempts === 1 ? this.transient?.(ctx.faultCall ?? -1) : undefined;
        if (kind) {
          this.transientInjected++;
          throw transientError(kind);
        }
        return next(args);
      },
      { step: 'deserialize', priority: 'high', name: 'faultTransient' },
    );
  }

  /** The call `n` calls from now crashes. */
  crashIn(n: number): void {
    this.crashAt = this.calls + n;
  }
  withTransient(choose: (call: number) => Transient | undefined): void {
    this.transient = choose;
  }
  clear(): void {
    this.crashAt = undefined;
    this.transient = undefined;
  }
}

/** Crashes on the n-th publish or schedule: the state change was committed, its side effects are lost. */
export class SideEffectFaults {
  calls = 0;
  private crashAt?: number;

  ports = (deps: RouterDeps): RouterDeps => {
    const events: EventSink = {
      publish: async (e) => {
        this.step('publish');
        await deps.events.publish(e);
      },
    };
    const timers: TimerPort = {
      schedule: async (t) => {
        this.step('schedule');
        await deps.timers.schedule(t);
      },
    };
    return { ...deps, events, timers };
  };

  crashIn(n: number): void {
    this.crashAt = this.calls + n;
  }
  clear(): void {
    this.crashAt = undefined;
  }

  private step(what: string): void {
    if (this.calls++ === this.crashAt) throw new InjectedCrash(`${what} (side effect ${this.calls - 1})`);
  }
}
