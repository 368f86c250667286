import { SecretValue, Stack } from 'aws-cdk-lib';
import {
  CfnContactFlow,
  CfnHoursOfOperation,
  CfnIntegrationAssociation,
  CfnPredefinedAttribute,
  CfnQueue,
  CfnRoutingProfile,
  CfnUser,
} from 'aws-cdk-lib/aws-connect';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import type { ContactCenterConfig } from '../../lambdas/domain/config/schema';
import { callbackOutboundFlow, callbackRequestFlow } from '../connect/callback-flows';
import { type CallbackCallerId, validateCallerId } from '../connect/caller-id';
import { customerQueueFlow } from '../connect/customer-queue-flow';
import { inboundFlow, PARKING } from '../connect/inbound-flow';
import { ALL_DAY_EVERY_DAY, mediaConcurrencies } from '../connect/media-concurrency';

export interface ConnectConfigurationProps {
  /** The existing Amazon Connect instance. */
  readonly instanceArn: string;
  /** The validated contact-center configuration: groups become routing profiles, reps optionally users. */
  readonly contactCenter: ContactCenterConfig;
  /** The router's hand-off Lambda, invoked by the inbound flow. */
  readonly handOffFunction: IFunction;
  /** The router queue inbound calls are handed to. @default the first voice queue of the configuration */
  readonly routerQueue?: string;
  /**
   * Create a Connect user per rep (auto-accept on, their group's routing profile), for an instance whose identity
   * is Connect-managed or SAML. With an existing directory, create users there and set each rep's
   * `connectUserId` instead. @default no users are created
   */
  readonly users?: { readonly securityProfileArns: string[]; readonly identity: UserIdentity };
  /**
   * Mirror the router's voice queues as Connect queues (in every routing profile, after the holding queue),
   * for an existing queue structure and Connect's own queue reports. @default false
   */
  readonly mirrorQueues?: boolean;
  /** Prefix of every created resource's name, so several centers can share an instance. @default 'UR' */
  readonly namePrefix?: string;
  /**
   * The voicemail Lambda: with it, a caller who meets a full queue may leave a message, stored as `voicemail`
   * work for the configuration's first voicemail queue. @default no voicemail branch
   */
  readonly voicemailFunction?: IFunction;
  /** The callback-request Lambda: with it, a "call me back" flow for the first callback queue. @default none */
  readonly callbackFunction?: IFunction;
  /**
   * The predefined attribute `Routing` (value `True`) that parks calls: `create` it, or `adopt` the instance's own.
   * An instance that already runs Service Cloud Voice has it (Salesforce's template creates it), and creating it
   * again fails the deploy. Adopting leaves the attribute alone; it must then have the value `True`.
   * @default 'create'
   */
  readonly routingAttribute?: 'create' | 'adopt';
  /** The number callbacks are dialed from; required when the center has a callback queue. */
  readonly callbackCallerId?: CallbackCallerId;
  /**
   * Seconds a parked caller holds before the customer queue flow first offers "press 1 for a callback, 2 to leave a
   * voicemail" (for the callback and voicemail Lambdas given), and again every as long. @default 60
   */
  readonly offerChoicesAfterSeconds?: number;
  /**
   * The center's business hours (an existing hours-of-operation ARN): out of hours the inbound flow takes a voicemail
   * (with the voicemail Lambda) or says the center is closed. @default no hours check
   */
  readonly hoursOfOperationArn?: string;
}

/** How the instance identifies its users, which decides what CreateUser needs (shared/reference/amazon-connect.md). */
export type UserIdentity =
  /** SAML 2.0: each user's first and last name, and no password. */
  | { readonly kind: 'saml' }
  /**
   * Connect-managed: names and a password. Passwords are read at deploy time from this Secrets Manager secret (a
   * JSON object with one key per rep id) and never written into the template.
   */
  | { readonly kind: 'connectManaged'; readonly passwordSecret: string };

/**
 * Amazon Connect set up for unified routing (semantics §8): Connect keeps telephony, the router picks the rep.
 * Every routing profile has the holding queue (as default outbound queue too); the inbound flow parks
 * calls on `Routing` = `True`, which no agent has, and hands them to the router.
 */
export class ConnectConfiguration extends Construct {
  readonly holdingQueue: CfnQueue;
  readonly fallbackQueue: CfnQueue;
  readonly inboundFlow: CfnContactFlow;
  /** The flow callbacks' outbound calls run: park in the holding queue until the router targets the rep. */
  readonly callbackOutboundFlow: CfnContactFlow;
  readonly callbackRequestFlow?: CfnContactFlow;
  /** The holding queue's customer queue flow: hold, then the callback and voicemail choices. */
  readonly customerQueueFlow?: CfnContactFlow;
  readonly routingProfiles: Record<string, CfnRoutingProfile> = {};

  constructor(scope: Construct, id: string, props: ConnectConfigurationProps) {
    super(scope, id);
    const prefix = props.namePrefix ?? 'UR';
    const instanceArn = props.instanceArn;
    validateCallerId(props.contactCenter, props.callbackCallerId);
    const parking = this.routingAttribute(props);
    const dependsOnParking = (flow: CfnContactFlow) => {
      if (parking) flow.addResourceDependency(parking);
    };
    const hours = new CfnHoursOfOperation(this, 'Hours', {
      instanceArn,
      name: `${prefix}-AlwaysOpen`,
      timeZone: 'UTC',
      config: ALL_DAY_EVERY_DAY,
      description: 'Unified routing: the router decides; Connect queues are always open',
    });
    this.holdingQueue = new CfnQueue(this, 'HoldingQueue', {
      instanceArn,
      name: `${prefix}-Holding`,
      hoursOfOperationArn: hours.attrHoursOfOperationArn,
      description: 'Calls wait here, parked, until the router targets a rep',
      // Callbacks are dialed into this queue, so its caller ID is the number customers see.
      ...(props.callbackCallerId?.phoneNumberArn
        ? { outboundCallerConfig: { outboundCallerIdNumberArn: props.callbackCallerId.phoneNumberArn } }
        : {}),
    });
    this.fallbackQueue = new CfnQueue(this, 'FallbackQueue', {
      instanceArn,
      name: `${prefix}-Fallback`,
      hoursOfOperationArn: hours.attrHoursOfOperationArn,
      description: 'Calls Connect routes itself when the router cannot be reached',
    });
    const queueConfig = (queue: CfnQueue, priority: number) => ({
      delay: 0,
      priority,
      queueReference: { channel: 'VOICE', queueArn: queue.attrQueueArn },
    });
    const mirrored = (props.mirrorQueues ? props.contactCenter.queues.filter((q) => q.channel === 'voice') : []).map(
      (q) =>
        new CfnQueue(this, `Mirror-${q.id}`, {
          instanceArn,
          name: `${prefix}-${q.id}`,
          hoursOfOperationArn: hours.attrHoursOfOperationArn,
          description: `Mirror of router queue ${q.name ?? q.id}`,
        }),
    );
    for (const group of props.contactCenter.groups) {
      this.routingProfiles[group.id] = new CfnRoutingProfile(this, `Profile-${group.id}`, {
        instanceArn,
        name: group.routingProfileName ?? `${prefix}-${group.id}`,
        description: `Unified routing group ${group.name}`,
        defaultOutboundQueueArn: this.holdingQueue.attrQueueArn,
        mediaConcurrencies: mediaConcurrencies(props.contactCenter, group.presenceConfig),
        queueConfigs: [
          queueConfig(this.holdingQueue, 1),
          queueConfig(this.fallbackQueue, 2),
          ...mirrored.map((q) => queueConfig(q, 3)),
        ],
      });
    }
    const voiceQueue = props.routerQueue ?? props.contactCenter.queues.find((q) => q.channel === 'voice')?.id;
    if (!voiceQueue) throw new Error('the contact center has no voice queue for inbound calls');
    const firstQueue = (channel: string) => props.contactCenter.queues.find((q) => q.channel === channel)?.id;
    const voicemailQueue = firstQueue('voicemail');
    const voicemail =
      props.voicemailFunction && voicemailQueue
        ? { functionArn: props.voicemailFunction.functionArn, routerQueue: voicemailQueue }
        : undefined;
    const callbackQueue = firstQueue('callback');
    const callback =
      props.callbackFunction && callbackQueue
        ? { functionArn: props.callbackFunction.functionArn, routerQueue: callbackQueue }
        : undefined;
    const flow = (id: string, name: string, description: string, content: object, type = 'CONTACT_FLOW') =>
      new CfnContactFlow(this, id, {
        instanceArn,
        name: `${prefix}-${name}`,
        type,
        description,
        content: Stack.of(this).toJsonString(content),
      });
    if (voicemail || callback) {
      this.customerQueueFlow = flow(
        'CustomerQueueFlow',
        'CustomerQueue',
        'Unified routing: hold, then offer a callback or a voicemail that keeps the place in line',
        customerQueueFlow({ offerAfterSeconds: props.offerChoicesAfterSeconds, callback, voicemail }),
        'CUSTOMER_QUEUE',
      );
    }
    this.inboundFlow = flow(
      'InboundFlow',
      'Inbound',
      'Unified routing inbound: park, hand off to the router, queue',
      inboundFlow({
        holdingQueueArn: this.holdingQueue.attrQueueArn,
        fallbackQueueArn: this.fallbackQueue.attrQueueArn,
        handOffFunctionArn: props.handOffFunction.functionArn,
        routerQueue: voiceQueue,
        voicemail,
        hoursOfOperationArn: props.hoursOfOperationArn,
        customerQueueFlowArn: this.customerQueueFlow?.attrContactFlowArn,
      }),
    );
    dependsOnParking(this.inboundFlow);
    this.callbackOutboundFlow = flow(
      'CallbackOutboundFlow',
      'CallbackOutbound',
      'Unified routing callbacks: the dialed customer waits parked for the rep who accepted',
      callbackOutboundFlow({ holdingQueueArn: this.holdingQueue.attrQueueArn }),
    );
    dependsOnParking(this.callbackOutboundFlow);
    if (callback) {
      this.callbackRequestFlow = flow(
        'CallbackRequestFlow',
        'CallbackRequest',
        'Unified routing: book a callback and hang up',
        callbackRequestFlow({ callbackFunctionArn: callback.functionArn, routerQueue: callback.routerQueue }),
      );
    }
    const invoked = [
      props.handOffFunction,
      ...(voicemail ? [props.voicemailFunction!] : []),
      ...(this.callbackRequestFlow ? [props.callbackFunction!] : []),
    ];
    invoked.forEach((fn, i) => {
      new CfnIntegrationAssociation(this, i === 0 ? 'HandOffIntegration' : `LambdaIntegration${i}`, {
        instanceId: instanceArn,
        integrationType: 'LAMBDA_FUNCTION',
        integrationArn: fn.functionArn,
      });
      fn.addPermission('InvokedByConnect', {
        principal: new ServicePrincipal('connect.amazonaws.com'),
        sourceArn: instanceArn,
        sourceAccount: Stack.of(this).account,
      });
    });
    if (props.users) this.createUsers(props, prefix);
  }

  /** The parking attribute, created here unless the instance already has it (see `routingAttribute`). */
  private routingAttribute(props: ConnectConfigurationProps): CfnPredefinedAttribute | undefined {
    if (props.routingAttribute === 'adopt') return undefined;
    return new CfnPredefinedAttribute(this, 'RoutingAttribute', {
      instanceArn: props.instanceArn,
      name: PARKING.name,
      values: { stringList: [PARKING.value] },
    });
  }

  private createUsers(props: ConnectConfigurationProps, prefix: string): void {
    const users = props.users!;
    for (const [i, rep] of props.contactCenter.reps.entries()) {
      if (!rep.name) throw new Error(`reps[${i}].name: needed to create the rep's Connect user (first and last name)`);
      const [firstName = rep.id, ...rest] = rep.name.split(' ');
      const password =
        users.identity.kind === 'connectManaged'
          ? SecretValue.secretsManager(users.identity.passwordSecret, { jsonField: rep.id }).unsafeUnwrap()
          : undefined;
      const user = new CfnUser(this, `User-${rep.id}`, {
        instanceArn: props.instanceArn,
        username: `${prefix.toLowerCase()}-${rep.id}`,
        routingProfileArn: this.routingProfiles[rep.group]!.attrRoutingProfileArn,
        securityProfileArns: users.securityProfileArns,
        identityInfo: { firstName, lastName: rest.join(' ') || rep.id },
        ...(password ? { password } : {}),
        // Auto-accept: the router has already chosen this rep; Connect must not wait for a click (semantics §8).
        autoAcceptConfigs: [{ channel: 'VOICE', autoAccept: true }],
        phoneConfig: { phoneType: 'SOFT_PHONE' },
      });
      user.addResourceDependency(this.routingProfiles[rep.group]!);
    }
  }
}
