import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { entryPoint } from '../shared/entry-point';
import { type IdentitySettings, identityFromEnvironment, principalFromClaims } from '../shared/identity';
import { logger, metrics } from '../shared/powertools';
import { type TokenVerifier, verifierFromEnvironment } from '../shared/token-verifier';

/**
 * Admits a desktop to the push channel ($connect): a browser cannot set headers on a WebSocket, so the token comes
 * as `?token=`. It is verified here (aws-jwt-verify); only a rep is let in, and the connection is bound to that
 * rep for its life, so it only ever receives that rep's pushes. Anything else is refused (Unauthorized: 401).
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
    if (who?.kind !== 'person' || !who.repId) {
      metrics.addMetric('DesktopConnectRefused', 'Count', 1);
      throw new Error('Unauthorized');
    }
    return {
      principalId: who.subject,
      policyDocument: {
        Version: '2012-10-17',
        Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: event.methodArn }],
      },
      context: { repId: who.repId },
    };
  });

let verifier: TokenVerifier | undefined;
export const handler = makeHandler(() => {
  verifier ??= verifierFromEnvironment();
  return verifier;
});
