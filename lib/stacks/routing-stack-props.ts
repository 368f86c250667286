import type { StackProps } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { ContactCenterConfig } from '../../lambdas/domain/config/schema';
import type { CallbackCallerId } from '../connect/caller-id';
import type { OidcIssuerProps, RepIdentityProps } from '../constructs/rep-identity';

/** Props of RoutingStack: what a deployer decides (bin/app.ts reads them from `-c` context). */
export interface RoutingStackProps extends StackProps {
  /** The routing table (from RoutingDataStack). */
  readonly table: ITable;
  /** The Amazon Connect instance the router drives. */
  readonly instanceArn: string;
  /**
   * UpdateContactRoutingData calls per second, shared by every router instance: the account's quota in the Region
   * (Service Quotas), less what other applications use. 0 turns pacing off. @default 20
   */
  readonly connectRoutingRatePerSecond?: number;
  /** PutUserStatus calls per second for all routers together: the quota (2 by default), less others' use. @default 2 */
  readonly connectAgentStatusRatePerSecond?: number;
  /** When given, the Connect side (attribute, queues, routing profiles, flow) is provisioned too. */
  readonly contactCenter?: ContactCenterConfig;
  /**
   * The contact-center configuration the routers route by, loaded into the routing table by each deploy that changes
   * it (ConfigurationLoader). Given whether or not unified routing drives Connect: digital work needs it too.
   * @default the table's configuration is left as it is
   */
  readonly configuration?: ContactCenterConfig;
  /** Alarm when work has waited longer than this. @default 300 */
  readonly longestWaitAlarmSeconds?: number;
  /** Also create a Connect queue per router voice queue, for Connect's own queue reports. @default false */
  readonly mirrorQueues?: boolean;
  /**
   * Where the instance writes call recordings (its data storage settings: the bucket, with EventBridge
   * notifications on, and the call-recordings prefix, e.g. `connect/acme/CallRecordings`). Each voicemail is routed
   * once its recording's Object Created event arrives; before one is reported missing, the prefix is searched.
   * Required when the contact center has a voicemail queue.
   */
  readonly recordings?: { readonly bucketName: string; readonly prefix: string };
  /** How long a voicemail's recording may take to appear before it is reported missing, in seconds. @default 1800 */
  readonly voicemailRecordingWaitSeconds?: number;
  /** The center's business hours (hours-of-operation ARN); out of hours callers may leave a voicemail. */
  readonly hoursOfOperationArn?: string;
  /** Seconds a parked caller holds before being offered a callback or a voicemail. @default 60 */
  readonly offerChoicesAfterSeconds?: number;
  /** `adopt` an existing `Routing` predefined attribute instead of creating it (see ConnectConfiguration). */
  readonly routingAttribute?: 'create' | 'adopt';
  /** The number callbacks are dialed from: required when the center has a callback queue (see CallbackCallerId). */
  readonly callbackCallerId?: CallbackCallerId;
  /** People sign in with this OIDC issuer; without it the stack creates a Cognito user pool (RepIdentity). */
  readonly oidc?: OidcIssuerProps;
  /** How tokens map to reps and supervisors (claims and group names); defaults fit the user pool. */
  readonly identity?: Pick<RepIdentityProps, 'repIdClaims' | 'groupsClaim' | 'repGroup' | 'supervisorGroup'>;
  /** The Cognito hosted sign-in domain's prefix (globally unique). @default `ur-<stack name>-<stack id part>` */
  readonly signInDomainPrefix?: string;
  /** Adopt the user pool of an earlier deploy (retained, with its groups, when a stack is destroyed). */
  readonly userPoolId?: string;
  /** An AWS WAF web ACL ARN for the workspace's CloudFront distribution. @default none */
  readonly workspaceWebAclId?: string;
  /** Access logs for the push channel (needs the account's API Gateway CloudWatch role). @default false */
  readonly pushAccessLogs?: boolean;
  /**
   * The CCP the workspace embeds (amazon-connect-streams): the instance's `https://ALIAS.my.connect.aws/ccp-v2/`,
   * and for a SAML instance its sign-in URL. Without it the page tells reps to answer calls in their own CCP.
   */
  readonly softphone?: { readonly ccpUrl: string; readonly loginUrl?: string };
  /** The SNS topic every alarm pages (an existing one: your on-call tool's). @default a topic of its own */
  readonly alarmTopicArn?: string;
}
