import { Duration } from 'aws-cdk-lib';
import { CorsHttpMethod, HttpApi, HttpMethod, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer, HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { Access } from '../../lambdas/domain/access/principal';
import { routes } from '../../lambdas/handlers/http/routes';

/** Every route lambdas/handlers/http/routes.ts serves, with who may call it. */
export const ROUTER_ROUTES: readonly (readonly [HttpMethod, string, Access])[] = Object.entries(routes).map(
  ([key, spec]) => {
    const [method, path] = key.split(' ') as [keyof typeof HttpMethod, string];
    return [HttpMethod[method], path, spec.access] as const;
  },
);

/** Props of RouterApi. */
export interface RouterApiProps {
  /** The function that serves every route. */
  readonly handler: IFunction;
  /**
   * The issuer whose tokens people's routes accept, the audiences (client ids) they must carry, and the scope they
   * must grant: only access tokens carry one, so an ID token is refused ("Unless you require ID tokens for API
   * authorization, we recommend that you configure your routes to require authorization scopes",
   * http-api-jwt-authorizer).
   */
  readonly jwt: { readonly issuer: string; readonly audience: readonly string[]; readonly scope?: string };
  /** Browser origins allowed to call the API (the workspace's). */
  readonly allowOrigins: readonly string[];
  /** How long access logs are kept. @default one year */
  readonly accessLogRetention?: RetentionDays;
}

/**
 * The router's HTTP API. People's routes need a valid JWT (API Gateway verifies signature, issuer, audience and
 * expiry before the handler runs; the handler then checks who may do what); integrations' routes (work and
 * callback submission) need an IAM signature.
 */
export class RouterApi extends Construct {
  readonly api: HttpApi;

  constructor(scope: Construct, id: string, props: RouterApiProps) {
    super(scope, id);
    this.api = new HttpApi(this, 'Api', {
      description: 'unified-routing: rep commands, supervisor reads, integrations',
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: [...props.allowOrigins],
        allowHeaders: ['authorization', 'content-type'],
        allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.PUT],
        maxAge: Duration.hours(1),
      },
    });
    const logs = new LogGroup(this, 'AccessLogs', { retention: props.accessLogRetention ?? RetentionDays.ONE_YEAR });
    this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      accessLogSettings: { destination: new LogGroupLogDestination(logs) },
    });
    const integration = new HttpLambdaIntegration('Integration', props.handler);
    const people = new HttpJwtAuthorizer('People', props.jwt.issuer, { jwtAudience: [...props.jwt.audience] });
    const machines = new HttpIamAuthorizer();
    for (const [method, path, access] of ROUTER_ROUTES)
      this.api.addRoutes({
        path,
        methods: [method],
        integration,
        authorizer: access === 'machine' ? machines : people,
        ...(access !== 'machine' && props.jwt.scope ? { authorizationScopes: [props.jwt.scope] } : {}),
      });
  }
}
