import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { SET_ASIDE_PREFIX } from '../../lambdas/adapters/dynamodb/keys';
import { routingTableDefinition } from '../../lambdas/adapters/dynamodb/table-definition';
import { RouterFunction } from './router-function';
import type { RouterTimers } from './router-timers';

/**
 * The Amazon Connect actions a router function may call. With outbox delivery only three functions call Connect
 * themselves: the contact-event handler re-targets a queued call, the sweeper dials a callback whose dial was
 * lost, and the dispatcher runs every commit's follow-ups; the agent event stream's function clears missed calls.
 */
export type ConnectAction =
  | 'UpdateContactRoutingData'
  | 'StartOutboundVoiceContact'
  | 'PutUserStatus'
  | 'ListAgentStatuses'
  | 'DismissUserContact';

/** One router Lambda: its handler, its timeout, and which Connect actions its router calls. */
export interface RouterFunctionSpec {
  /** Construct id. */
  readonly id: string;
  /** File name under lambdas/handlers, without extension. */
  readonly handlerFile: string;
  /** @default 30 seconds */
  readonly timeoutSeconds?: number;
  /**
   * The Connect actions it calls: a function with any wires telephony (`routerFromEnvironment({ telephony })` in
   * lambdas/shared/deps.ts) and is granted exactly these. Work that calls Connect through the outbox runs without.
   */
  readonly connect: readonly ConnectAction[];
  /** Whether it publishes to the bus: only the outbox dispatcher delivers what commits cause. */
  readonly publishes?: boolean;
  /** Whether it starts timers: the dispatcher, and the timer function, which re-arms a timer that fires early. */
  readonly schedules?: boolean;
  /** Whether it removes delivered set-aside outbox entries (the redrive): DeleteItem on those rows only. */
  readonly redrives?: boolean;
}

/** What the dispatcher calls Connect for: the follow-ups of commits (targeting, dials, agent statuses). */
const DELIVERY_CONNECT = [
  'UpdateContactRoutingData',
  'StartOutboundVoiceContact',
  'PutUserStatus',
  'ListAgentStatuses',
] as const satisfies readonly ConnectAction[];

/** The router's functions. A Connect flow waits for the hand-off and the two flow Lambdas: 8 s at most. */
export const ROUTER_FUNCTIONS = [
  // The hand-off's offer targets the rep through its outbox entry: the dispatcher calls Connect.
  { id: 'HandOff', handlerFile: 'contact-flow-handoff', timeoutSeconds: 8, connect: [] },
  // A QUEUED call is targeted again at once (routing criteria take effect once the contact is queued).
  { id: 'ContactEvents', handlerFile: 'connect-contact-events', connect: ['UpdateContactRoutingData'] },
  // Connect's agent state: a missed call's agent is put back (semantics §8).
  { id: 'AgentEvents', handlerFile: 'connect-agent-events', connect: ['DismissUserContact'] },
  { id: 'WorkSubmitted', handlerFile: 'work-submitted', connect: [] },
  { id: 'HttpApiHandler', handlerFile: 'http-api', connect: [] },
  { id: 'TimerHandler', handlerFile: 'timers', connect: [], schedules: true },
  // It dials a callback whose dial a crash lost (dialCallback runs in the sweep itself).
  { id: 'Sweeper', handlerFile: 'sweeper', timeoutSeconds: 60, connect: ['StartOutboundVoiceContact'] },
  { id: 'Voicemail', handlerFile: 'voicemail', timeoutSeconds: 8, connect: [] },
  { id: 'RecordingArrived', handlerFile: 'recording-arrived', connect: [] },
  { id: 'CallbackRequest', handlerFile: 'callback-request', timeoutSeconds: 8, connect: [] },
  // Delivers what commits cause, Connect calls, dials and agent statuses included (ARCHITECTURE.md, "Delivery").
  {
    id: 'OutboxDispatch',
    handlerFile: 'outbox-dispatch',
    timeoutSeconds: 60,
    connect: DELIVERY_CONNECT,
    publishes: true,
    schedules: true,
  },
  // Delivers what the dispatcher set aside, and failed asynchronous events (every minute, and npm run redrive).
  {
    id: 'Redrive',
    handlerFile: 'redrive',
    // As long as the dispatcher's: a deploy waits out the longest run before it loads a new configuration.
    timeoutSeconds: 60,
    connect: DELIVERY_CONNECT,
    publishes: true,
    schedules: true,
    redrives: true,
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
  /** PutUserStatus calls per second across all instances (0: not paced). @default 2 */
  readonly connectAgentStatusRatePerSecond?: number;
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
  /** The instance's agents (users), whose status the router sets and whose missed calls it clears. */
  readonly agentArns: string;
  /** The instance's agent statuses, which the router names. */
  readonly agentStatusArns: string;
  /** The environment every router function has (table, bus, timers, delivery), for functions built elsewhere. */
  readonly environment: Record<string, string>;
  private readonly byId = new Map<string, RouterFunction>();

  constructor(scope: Construct, id: string, props: RouterFunctionsProps) {
    super(scope, id);
    this.contactArns = `${props.instanceArn}/contact/*`;
    this.agentArns = `${props.instanceArn}/agent/*`;
    this.agentStatusArns = `${props.instanceArn}/agent-state/*`;
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
      CONNECT_AGENT_STATUS_RATE: String(props.connectAgentStatusRatePerSecond ?? 2),
    };
    this.all = ROUTER_FUNCTIONS.map((spec: RouterFunctionSpec) => {
      const f = new RouterFunction(this, spec.id, {
        handlerFile: spec.handlerFile,
        environment: spec.connect.length ? { ...environment, ...telephony } : environment,
        timeout: spec.timeoutSeconds ? Duration.seconds(spec.timeoutSeconds) : undefined,
      });
      this.grantRouting(f, spec, props);
      this.grantConnect(f, spec.connect, props.instanceArn);
      this.byId.set(spec.id, f);
      return f;
    });
    this.withTelephony = ROUTER_FUNCTIONS.filter((s: RouterFunctionSpec) => s.connect.length).map((s) =>
      this.get(s.id),
    );
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
    if (spec.redrives)
      f.addToRolePolicy(
        new PolicyStatement({
          actions: ['dynamodb:DeleteItem'],
          resources: [tableArn],
          // The set-aside entries' rows only (keys.setAsidePk): a delivered one is removed, nothing else ever is.
          conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${SET_ASIDE_PREFIX}*`] } },
        }),
      );
  }

  /**
   * Each Connect action on the resources of this one instance it acts on, as the Service Authorization Reference
   * types them: contacts to target or dial, users (ARNs `…/agent/<id>`) whose status is set or whose missed call is
   * cleared, the agent statuses listed and set (`…/agent-state/<id>`); PutUserStatus also names the instance.
   */
  private grantConnect(f: RouterFunction, actions: readonly ConnectAction[], instanceArn: string): void {
    const resources: Record<ConnectAction, string[]> = {
      UpdateContactRoutingData: [this.contactArns],
      // shared/reference says the action has no resource type, a 2026 copy of the reference says contact; `*` is
      // what IAM accepts in either case.
      StartOutboundVoiceContact: ['*'],
      PutUserStatus: [instanceArn, this.agentArns, this.agentStatusArns],
      ListAgentStatuses: [this.agentStatusArns],
      DismissUserContact: [this.agentArns],
    };
    for (const action of actions)
      f.addToRolePolicy(new PolicyStatement({ actions: [`connect:${action}`], resources: resources[action] }));
  }
}
