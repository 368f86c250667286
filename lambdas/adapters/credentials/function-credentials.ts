import { fromEnv } from '@aws-sdk/credential-provider-env';
import { fromHttp } from '@aws-sdk/credential-provider-http';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { CredentialsProviderError, chain, memoize } from '@smithy/core/config';
import {
  ENV_CMDS_FULL_URI,
  ENV_CMDS_RELATIVE_URI,
  fromContainerMetadata,
  fromInstanceMetadata,
} from '@smithy/credential-provider-imds';

type Init = NonNullable<Parameters<typeof fromEnv>[0]> &
  NonNullable<Parameters<typeof fromHttp>[0]> &
  NonNullable<Parameters<typeof fromInstanceMetadata>[0]>;

/**
 * The credential chain the functions' SDK clients use, bundled in place of `@aws-sdk/credential-provider-node` (the
 * default chain; `lib/bundling/function-credentials.ts` substitutes it, with the same exports). Lambda gives a
 * function its execution role's credentials in the environment (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`,
 * `AWS_SESSION_TOKEN`: Lambda Developer Guide, "Defined runtime environment variables"), so this reads them first
 * and then, as the default chain does last, a container's or an instance's credential endpoint. The default chain's
 * other sources (SSO, shared ini profiles, credential processes, web identity token files) have no meaning in a
 * function, and they bring the STS, SSO and SSO-OIDC clients: about 120 kB of every bundle.
 */
export const defaultProvider = (init: Init = {}): AwsCredentialIdentityProvider =>
  memoize(
    chain(fromEnv(init), () => remote(init)()),
    credentialsTreatedAsExpired,
    credentialsWillNeedRefresh,
  );

/**
 * The default chain's last link, chosen as there when credentials are first asked for: a container's endpoint when
 * one is named, else the instance's.
 */
function remote(init: Init): AwsCredentialIdentityProvider {
  if (process.env[ENV_CMDS_RELATIVE_URI] || process.env[ENV_CMDS_FULL_URI])
    return chain(fromHttp(init), fromContainerMetadata(init));
  const disabled = process.env.AWS_EC2_METADATA_DISABLED;
  if (disabled && disabled !== 'false')
    return async () => {
      throw new CredentialsProviderError('no credentials: AWS_ACCESS_KEY_ID is not set and IMDS is disabled', {
        logger: init.logger,
      });
    };
  return fromInstanceMetadata(init);
}

/** As the default chain: credentials that expire are refreshed five minutes before. */
export const credentialsWillNeedRefresh = (credentials: AwsCredentialIdentity): boolean =>
  credentials?.expiration !== undefined;
export const credentialsTreatedAsExpired = (credentials: AwsCredentialIdentity): boolean =>
  credentials?.expiration !== undefined && credentials.expiration.getTime() - Date.now() < 300_000;
