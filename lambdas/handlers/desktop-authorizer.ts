import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { entryPoint } from '../shared/entry-point';
import { type IdentitySettings, identityFromEnvironment, principalFromClaims, pushBinding } from '../shared/identity';
import { logger, metrics } from '../shared/powertools';
import { type TokenVerifier, verifierFromEnvironment } from '../shared/token-verifier';

/**
 * Admits a desktop to the push channel ($connect): a browser cannot set headers on a WebSocket, so the token comes
 * as `?token=`. It is verified here (aws-jwt-verify); a rep is let in bound to that rep for the connection's life,
 * so it only ever receives that rep's pushes; with `?as=supervisor`, a supervisor's page is let in, bound to
 * them, to be told when the Command Center changes. Anything else is refused (Unauthorized: 401).
 */
export const makeHandler = (
  verifier: () => TokenVerifier,
  identity: () => IdentitySettings = identityFromEnvironment,
) =>
  entryPoint(async (event: APIGatewayRequestAuthorizerEvent): Promise<APIGatewayAuthorizerResult> => {
    const token = event.queryStringParameters?.token;
    const claims = token
      ? await verifier()
          .verify(token)
          .catch((error: unknown) => {
            logger.warn('push connection refused: token not verified', { reason: (error as Error).message });
            return undefined;
          })
      : undefined;
    const who = claims ? principalFromClaims(claims, identity()) : undefined;
    const person = who?.kind === 'person' ? who : undefined;
    const bound = person ? pushBinding(person, event.queryStringParameters?.as) : undefined;
    if (!person || !bound) {
      metrics.addMetric('DesktopConnectRefused', 'Count', 1);
      throw new Error('Unauthorized');
    }
    return {
      principalId: person.subject,
      policyDocument: {
        Version: '2012-10-17',
        Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: event.methodArn }],
      },
      context: bound,
    };
  });

let verifier: TokenVerifier | undefined;
export const handler = makeHandler(() => {
  verifier ??= verifierFromEnvironment();
  return verifier;
});
