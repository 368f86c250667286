import { LogGroupLogDestination, WebSocketApi, WebSocketStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { WebSocketLambdaAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { WebSocketLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction, Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { keys } from '../../lambdas/adapters/dynamodb/keys';
import { routingTableDefinition } from '../../lambdas/adapters/dynamodb/table-definition';
import { RouterFunction } from './router-function';

/** Props of DesktopPush. */
export interface DesktopPushProps {
  /** The routing table: connections are kept in it, under their own key prefix. */
  readonly table: ITable;
  /** The router functions' environment (the socket function reads a rep's state for a desktop's sync). */
  readonly routerEnvironment: Record<string, string>;
  /** The token verifier's settings (RepIdentity.environment). */
  readonly identityEnvironment: Record<string, string>;
  /** The functions that push (the outbox dispatcher): they get the endpoint and the right to post. */
  readonly pushers: readonly LambdaFunction[];
  /**
   * Access logs for the WebSocket stage. API Gateway writes them only once the account's CloudWatch Logs role is
   * set (API Gateway account settings, once per account and region), which this stack does not take over.
   * @default false
   */
  readonly accessLogs?: boolean;
}

/**
 * The push channel to reps' desktops: an API Gateway WebSocket API. `$connect` is authorized by a Lambda that
 * verifies the person's token (the browser passes it as `?token=`) and binds the connection to that rep;
 * `$disconnect` forgets it; `sync` answers with the rep's current state. Pushes go from the outbox dispatcher to
 * each of the rep's connections (docs/push.md).
 */
export class DesktopPush extends Construct {
  readonly api: WebSocketApi;
  readonly stage: WebSocketStage;
  /** wss:// URL desktops connect to. */
  readonly url: string;
  readonly authorizerFunction: RouterFunction;
  readonly socketFunction: RouterFunction;

  constructor(scope: Construct, id: string, props: DesktopPushProps) {
    super(scope, id);
    this.authorizerFunction = new RouterFunction(this, 'Authorizer', {
      handlerFile: 'desktop-authorizer',
      environment: props.identityEnvironment,
    });
    const authorizer = new WebSocketLambdaAuthorizer('PeopleToken', this.authorizerFunction, {
      identitySource: ['route.request.querystring.token'],
    });
    // The socket function checks the token each sync carries, as the authorizer checks the connect's.
    this.socketFunction = new RouterFunction(this, 'Socket', {
      handlerFile: 'desktop-socket',
      environment: props.identityEnvironment,
    });
    const integration = new WebSocketLambdaIntegration('Socket', this.socketFunction);
    this.api = new WebSocketApi(this, 'Api', {
      description: 'unified-routing: offers and changes pushed to reps desktops',
      connectRouteOptions: { integration, authorizer },
      disconnectRouteOptions: { integration },
    });
    this.api.addRoute('sync', { integration });
    this.stage = new WebSocketStage(this, 'Stage', {
      webSocketApi: this.api,
      stageName: 'live',
      autoDeploy: true,
      ...(props.accessLogs
        ? { accessLogSettings: { destination: new LogGroupLogDestination(new LogGroup(this, 'AccessLogs')) } }
        : {}),
    });
    this.url = this.stage.url;
    const environment = { ...props.routerEnvironment, PUSH_ENDPOINT: this.stage.callbackUrl };
    for (const [k, v] of Object.entries(environment)) this.socketFunction.addEnvironment(k, v);
    this.grantReads(this.socketFunction, props.table);
    for (const f of [this.socketFunction, ...props.pushers]) {
      this.grantConnections(f, props.table);
      this.stage.grantManagementApiAccess(f);
    }
    for (const f of props.pushers) f.addEnvironment('PUSH_ENDPOINT', this.stage.callbackUrl);
  }

  /** A desktop's sync reads the rep, the items they hold and the configuration: reads only. */
  private grantReads(f: IFunction, table: ITable): void {
    const indexes = routingTableDefinition.indexes.map((i) => `${table.tableArn}/index/${i.indexName}`);
    f.addToRolePolicy(
      new PolicyStatement({ actions: ['dynamodb:GetItem', 'dynamodb:Query'], resources: [table.tableArn, ...indexes] }),
    );
  }

  /** Connection rows only: the partition-key condition keeps these writes off routing state. */
  private grantConnections(f: IFunction, table: ITable): void {
    f.addToRolePolicy(
      new PolicyStatement({
        actions: ['dynamodb:PutItem', 'dynamodb:DeleteItem', 'dynamodb:Query'],
        resources: [table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${keys.desktopPk('')}*`] } },
      }),
    );
  }
}
