import { HttpApi, HttpMethod, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/** Every route lambdas/handlers/http/routes.ts serves: rep commands, supervisor reads, machine submissions. */
export const ROUTER_ROUTES: readonly (readonly [HttpMethod, string])[] = [
  [HttpMethod.POST, '/work'],
  [HttpMethod.POST, '/reps/{repId}/login'],
  [HttpMethod.POST, '/reps/{repId}/logout'],
  [HttpMethod.PUT, '/reps/{repId}/status'],
  [HttpMethod.POST, '/reps/{repId}/outbound'],
  [HttpMethod.GET, '/reps/{repId}'],
  [HttpMethod.GET, '/queues/{queueId}/waiting'],
  [HttpMethod.POST, '/items/{itemId}/accept'],
  [HttpMethod.POST, '/items/{itemId}/decline'],
  [HttpMethod.POST, '/items/{itemId}/complete'],
  [HttpMethod.POST, '/items/{itemId}/end-wrap-up'],
  [HttpMethod.POST, '/items/{itemId}/transfer'],
  [HttpMethod.GET, '/reps/{repId}/transfer-destinations'],
  [HttpMethod.POST, '/callbacks'],
  [HttpMethod.POST, '/items/{itemId}/dial-outcome'],
];

/** Props of RouterApi. */
export interface RouterApiProps {
  /** The function that serves every route. */
  readonly handler: IFunction;
  /** How long access logs are kept. @default one year */
  readonly accessLogRetention?: RetentionDays;
}

/** The router's HTTP API: IAM-authorized routes onto one handler, with access logs. */
export class RouterApi extends Construct {
  readonly api: HttpApi;

  constructor(scope: Construct, id: string, props: RouterApiProps) {
    super(scope, id);
    this.api = new HttpApi(this, 'Api', {
      description: 'unified-routing: rep commands and supervisor reads',
      defaultAuthorizer: new HttpIamAuthorizer(),
      createDefaultStage: false,
    });
    const logs = new LogGroup(this, 'AccessLogs', { retention: props.accessLogRetention ?? RetentionDays.ONE_YEAR });
    this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      accessLogSettings: { destination: new LogGroupLogDestination(logs) },
    });
    const integration = new HttpLambdaIntegration('Integration', props.handler);
    for (const [method, path] of ROUTER_ROUTES) this.api.addRoutes({ path, methods: [method], integration });
  }
}
