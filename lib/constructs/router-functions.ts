import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { routingTableDefinition } from '../../lambdas/adapters/dynamodb/table-definition';
import { RouterFunction } from './router-function';
import type { RouterTimers } from './router-timers';

/** One router Lambda: its handler, its timeout, and whether its router reaches Amazon Connect. */
export interface RouterFunctionSpec {
  /** Construct id. */
  readonly id: string;
  /** File name under lambdas/handlers, without extension. */
  readonly handlerFile: string;
  /** @default 30 seconds */
  readonly timeoutSeconds?: number;
  /**
   * Whether the handler wires telephony (`routerFromEnvironment({ telephony })` in lambdas/shared/deps.ts), and so
   * gets the Connect grant. Work that can never make a voice offer or a dial runs without it.
   */
  readonly telephony: boolean;
  /** Whether it publishes to the bus: only the outbox dispatcher delivers what commits cause. */
  readonly publishes?: boolean;
  /** Whether it starts timers: the dispatcher, and the timer function, which re-arms a timer that fires early. */
  readonly schedules?: boolean;
}

/** The router's functions. A Connect flow waits for the hand-off and the two flow Lambdas: 8 s at most. */
export const ROUTER_FUNCTIONS = [
  { id: 'HandOff', handlerFile: 'contact-flow-handoff', timeoutSeconds: 8, telephony: true },
  { id: 'ContactEvents', handlerFile: 'connect-contact-events', telephony: true },
  { id: 'WorkSubmitted', handlerFile: 'work-submitted', telephony: false },
  { id: 'HttpApiHandler', handlerFile: 'http-api', telephony: true },
  { id: 'TimerHandler', handlerFile: 'timers', telephony: true, schedules: true },
  { id: 'Sweeper', handlerFile: 'sweeper', timeoutSeconds: 60, telephony: true },
  // A voicemail ends the call it replaces; the rep that call was offered to may be offered a call next.
  { id: 'Voicemail', handlerFile: 'voicemail', timeoutSeconds: 8, telephony: true },
  { id: 'RecordingArrived', handlerFile: 'recording-arrived', telephony: false },
  { id: 'CallbackRequest', handlerFile: 'callback-request', timeoutSeconds: 8, telephony: true },
  // Delivers what commits cause, Connect calls and dials included (ARCHITECTURE.md, "Delivery").
  {
    id: 'OutboxDispatch',
    handlerFile: 'outbox-dispatch',
    timeoutSeconds: 60,
    telephony: true,
    publishes: true,
    schedules: true,
  },
] as const satisfies readonly RouterFunctionSpec[];

export type RouterFunctionId = (typeof ROUTER_FUNCTIONS)[number]['id'];

/** Props of RouterFunctions. */
export interface RouterFunctionsProps {
  /** The routing table (from RoutingDataStack). */
  readonly table: ITable;
  /** The bus routing events are published on. */
  readonly bus: IEventBus;
  /** Where the functions' timers wait. */
  readonly timers: RouterTimers;
  /** The Amazon Connect instance whose contacts the router targets and dials. */
  readonly instanceArn: string;
  /** UpdateContactRoutingData calls per second across all instances (0: not paced). @default 20 */
  readonly connectRoutingRatePerSecond?: number;
}

/**
 * The router's Lambdas, each granted exactly what its router calls: the store's actions on the table and its
 * named indexes (no Scan, no BatchWriteItem: ConfigurationLoader alone saves configuration), PutEvents on the
 * bus, timers, and Connect only for the functions whose work can lead to a voice offer or a dial.
 */
export class RouterFunctions extends Construct {
  /** Every function, in ROUTER_FUNCTIONS order. */
  readonly all: RouterFunction[];
  /** The functions that reach Amazon Connect. */
  readonly withTelephony: RouterFunction[];
  /** What they may act on: the contacts of the one instance (parked calls to target, callbacks to dial). */
  readonly contactArns: string;
  /** The environment every router function has (table, bus, timers, delivery), for functions built elsewhere. */
  readonly environment: Record<string, string>;
  private readonly byId = new Map<string, RouterFunction>();

  constructor(scope: Construct, id: string, props: RouterFunctionsProps) {
    super(scope, id);
    this.contactArns = `${props.instanceArn}/contact/*`;
    const environment = {
      TABLE_NAME: props.table.tableName,
      EVENT_BUS_NAME: props.bus.eventBusName,
      // Only the stream's dispatcher delivers: a crash after a commit loses nothing it caused.
      ROUTER_DELIVERY: 'outbox',
      ...props.timers.environment,
    };
    this.environment = environment;
    const telephony = {
      CONNECT_INSTANCE_ARN: props.instanceArn,
      CONNECT_ROUTING_RATE: String(props.connectRoutingRatePerSecond ?? 20),
    };
    this.all = ROUTER_FUNCTIONS.map((spec: RouterFunctionSpec) => {
      const f = new RouterFunction(this, spec.id, {
        handlerFile: spec.handlerFile,
        environment: spec.telephony ? { ...environment, ...telephony } : environment,
        timeout: spec.timeoutSeconds ? Duration.seconds(spec.timeoutSeconds) : undefined,
      });
      this.grantRouting(f, spec, props);
      if (spec.telephony) this.grantTelephony(f);
      this.byId.set(spec.id, f);
      return f;
    });
    this.withTelephony = ROUTER_FUNCTIONS.filter((s) => s.telephony).map((s) => this.get(s.id));
  }

  get(id: RouterFunctionId): RouterFunction {
    const f = this.byId.get(id);
    if (!f) throw new Error(`no router function ${id}`);
    return f;
  }

  private grantRouting(f: RouterFunction, spec: RouterFunctionSpec, props: RouterFunctionsProps): void {
    const tableArn = props.table.tableArn;
    f.addToRolePolicy(
      new PolicyStatement({
        // Exactly the calls the store makes (TransactWriteItems needs the per-item actions, not one of its own).
        actions: [
          'dynamodb:GetItem',
          'dynamodb:PutItem',
          'dynamodb:UpdateItem',
          'dynamodb:Query',
          'dynamodb:ConditionCheckItem',
        ],
        resources: [tableArn, ...routingTableDefinition.indexes.map((i) => `${tableArn}/index/${i.indexName}`)],
      }),
    );
    // Every other function leaves delivery to the dispatcher (ROUTER_DELIVERY=outbox): no bus, no timers.
    if (spec.publishes) props.bus.grantPutEventsTo(f);
    if (spec.schedules) props.timers.grantScheduling(f);
  }

  /**
   * Targeting parked calls acts on contacts of this one instance. Dialing a callback has no resource type in the
   * Service Authorization Reference (shared/reference/amazon-connect.md), so IAM accepts only `*` for it.
   */
  private grantTelephony(f: RouterFunction): void {
    f.addToRolePolicy(
      new PolicyStatement({ actions: ['connect:UpdateContactRoutingData'], resources: [this.contactArns] }),
    );
    f.addToRolePolicy(new PolicyStatement({ actions: ['connect:StartOutboundVoiceContact'], resources: ['*'] }));
  }
}
