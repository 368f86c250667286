import type { Server } from 'node:http';
import type { ConnectClientConfig } from '@aws-sdk/client-connect';
import { ConnectApi, type DialAnswer } from './connect-api';
import { ConnectInstance } from './instance';
import type { EmulatorOptions, EmulatorSinks } from './model';
import { enqueue, type InboundCall, placeCall } from './people';
import { dueTimes, runDue } from './routing-engine';
import { serveConnectApi } from './server';

export interface EmulatorWiring extends EmulatorSinks {
  /**
   * The inbound flow's Invoke Lambda block (the hand-off), with its block parameters; the flow then transfers
   * the call to the holding queue. Throwing takes the flow's error branch: the caller is disconnected.
   */
  handOff?(event: unknown): Promise<unknown>;
  /** How each dial goes for the customer. @default 'answer' */
  dialAnswer?(phoneNumber: string): DialAnswer;
}

/**
 * A local Amazon Connect, in the spirit of DynamoDB Local: the real `@aws-sdk/client-connect` talks to it over
 * HTTP (restJson1), and it emits contact events and agent event stream records in AWS's documented shapes to the
 * handlers the stack wires. An adapter-side tool: the routing core never imports it.
 */
export class ConnectEmulator {
  readonly instance: ConnectInstance;
  readonly api: ConnectApi;
  private server?: Server;
  endpoint = '';

  constructor(
    options: EmulatorOptions = {},
    private readonly wiring: EmulatorWiring = {},
  ) {
    this.instance = new ConnectInstance(options, wiring);
    this.api = new ConnectApi(this.instance, { answer: wiring.dialAnswer });
  }

  async start(port = 0): Promise<this> {
    const served = await serveConnectApi(this.api, port);
    this.server = served.server;
    this.endpoint = served.endpoint;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    this.server = undefined;
  }

  /** A ConnectClient configuration for this emulator (any credentials: requests are not verified). */
  clientConfig(): ConnectClientConfig {
    return {
      endpoint: this.endpoint,
      region: this.instance.region,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      maxAttempts: 1,
    };
  }

  /**
   * Delivers every pending event and runs whatever came due on the clock, until nothing is left: what the
   * handlers do in answer (API calls) is part of it.
   */
  async settle(): Promise<void> {
    for (;;) {
      runDue(this.instance);
      if ((await this.instance.flush()) === 0 && !this.hasDue()) return;
    }
  }

  /** The next instant the instance has something to do by itself (a ring, a step expiry, a hang-up, ACW). */
  nextDueAt(): number | undefined {
    return dueTimes(this.instance)[0]?.at;
  }

  private hasDue(): boolean {
    const next = this.nextDueAt();
    return next !== undefined && next <= this.instance.now();
  }

  /**
   * A customer calls the center: the inbound flow parks the call (Set routing criteria `Routing` = `True`),
   * invokes the hand-off with its block parameters, and transfers the call to the holding queue.
   */
  async call(holdingQueueId: string, parameters: Record<string, string>, call: InboundCall = {}): Promise<string> {
    const contact = placeCall(this.instance, call);
    await this.settle();
    try {
      await this.wiring.handOff?.(this.flowEvent(contact.id, holdingQueueId, parameters));
    } catch (err) {
      contact.state = 'ENDED';
      contact.disconnectedAt = this.instance.now();
      this.instance.emitContact('DISCONNECTED', contact);
      this.instance.emitContact('COMPLETED', contact);
      await this.settle();
      throw err;
    }
    if (contact.state === 'IN_FLOW') enqueue(this.instance, contact, holdingQueueId);
    await this.settle();
    return contact.id;
  }

  /** The event the Invoke Lambda block sends (the Lambda developer guide's Connect page; @types/aws-lambda). */
  private flowEvent(contactId: string, queueId: string, parameters: Record<string, string>) {
    const c = this.instance.contact(contactId);
    const queue = this.instance.queues.get(queueId);
    return {
      Details: {
        ContactData: {
          Attributes: { ...c.attributes },
          Channel: 'VOICE',
          ContactId: c.id,
          CustomerEndpoint: c.phoneNumber ? { Address: c.phoneNumber, Type: 'TELEPHONE_NUMBER' } : null,
          InitialContactId: c.id,
          InitiationMethod: c.initiationMethod,
          InstanceARN: this.instance.arn,
          PreviousContactId: c.previousContactId ?? c.id,
          Queue: queue ? { ARN: queue.arn, Name: queue.name } : null,
          SystemEndpoint: { Address: '+441234000000', Type: 'TELEPHONE_NUMBER' },
        },
        Parameters: parameters,
      },
      Name: 'ContactFlowEvent',
    };
  }
}
