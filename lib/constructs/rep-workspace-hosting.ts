import { readFileSync } from 'node:fs';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  Function as CloudFrontFunction,
  Distribution,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  type IDistribution,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { buildPage } from '../../web/build';
import { contentSecurityPolicy, originOf, styleHashes } from '../../web/csp';
import type { WorkspaceConfig } from '../../web/shared/config';
import { PAGE_URI_RULES } from './page-uri-rules';

const STREAMS = require.resolve('amazon-connect-streams/release/connect-streams-min.js');

/** What the header carries of the pages' policy: what a `<meta>` policy cannot (CSP3: frame-ancestors). */
export const HEADER_CSP = "frame-ancestors 'none'; object-src 'none'; base-uri 'none'";

/** The page with its Content-Security-Policy first in its head, before anything it governs. */
export const withPolicy = (html: string, csp: string) =>
  html.replace('<head>', `<head>\n<meta http-equiv="Content-Security-Policy" content="${csp}">`);

/** Props of RepWorkspaceHosting. */
export interface RepWorkspaceHostingProps {
  /** An AWS WAF web ACL (its ARN) for the distribution; attach your organisation's. @default none */
  readonly webAclId?: string;
}

/**
 * Serves the rep workspace (at the root) and the Command Center (`command-center/`): a private bucket read only
 * by CloudFront through origin access control, HTTPS only,
 * with security headers. The page is bundled by esbuild at synth; `config.json` (API, push channel, sign-in) is
 * written beside it at deploy, once those exist (`publish`).
 */
export class RepWorkspaceHosting extends Construct {
  readonly bucket: Bucket;
  readonly distribution: IDistribution;
  /** https:// URL of the workspace (sign-in returns here). */
  readonly url: string;
  /** https:// URL of the Command Center (sign-in returns here too). */
  readonly commandCenterUrl: string;

  constructor(scope: Construct, id: string, props: RepWorkspaceHostingProps = {}) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.distribution = new Distribution(this, 'Cdn', {
      comment: 'unified-routing rep workspace',
      defaultRootObject: 'index.html',
      webAclId: props.webAclId,
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: this.headers(),
        functionAssociations: [
          {
            eventType: FunctionEventType.VIEWER_REQUEST,
            function: new CloudFrontFunction(this, 'PageUris', {
              comment: 'folder URLs to their index.html (the Command Center at /command-center/)',
              code: FunctionCode.fromInline(PAGE_URI_RULES),
              runtime: FunctionRuntime.JS_2_0,
            }),
          },
        ],
      },
    });
    this.url = `https://${this.distribution.distributionDomainName}/`;
    this.commandCenterUrl = `${this.url}command-center/`;
  }

  /**
   * The managed SecurityHeadersPolicy's headers (it sets no Content-Security-Policy), frames denied, and the part of
   * the pages' CSP a `<meta>` cannot carry (frame-ancestors). The rest names the API, push channel and issuer,
   * which name the distribution in turn (CORS, callback URLs): it is in each page's `<meta>`, written at deploy.
   */
  private headers(): ResponseHeadersPolicy {
    return new ResponseHeadersPolicy(this, 'Headers', {
      comment: 'unified-routing pages: security headers, framing refused',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: HEADER_CSP, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
        xssProtection: { protection: true, modeBlock: true, override: true },
      },
    });
  }

  /** Deploys the page and its config (tokens resolved at deploy). */
  publish(config: WorkspaceConfig): void {
    const workspace = buildPage('rep-workspace');
    const commandCenter = buildPage('command-center');
    const ccp = config.softphone?.kind === 'ccp' ? [originOf(config.softphone.ccpUrl)] : [];
    const csp = contentSecurityPolicy(
      {
        connect: [originOf(config.apiUrl), originOf(config.pushUrl), originOf(config.auth.tokenUrl)],
        frames: [
          ...ccp,
          ...(config.softphone?.kind === 'ccp' && config.softphone.loginUrl
            ? [originOf(config.softphone.loginUrl)]
            : []),
        ],
      },
      [...styleHashes(workspace['index.html']), ...styleHashes(commandCenter['index.html'])],
    );
    new BucketDeployment(this, 'Page', {
      destinationBucket: this.bucket,
      distribution: this.distribution,
      sources: [
        Source.data('index.html', withPolicy(workspace['index.html'], csp)),
        Source.data('app.js', workspace['app.js']),
        // Each page names its own redirect URI, the one the issuer allows, never one made from its path.
        Source.jsonData('config.json', { ...config, auth: { ...config.auth, redirectUri: this.url } }),
        // The CCP embed's library, loaded by the page only when it embeds the softphone (the npm package's build).
        Source.data('connect-streams.js', readFileSync(STREAMS, 'utf8')),
        // The Command Center, for supervisors, beside it (the same sign-in: one redirect URI per page).
        Source.data('command-center/index.html', withPolicy(commandCenter['index.html'], csp)),
        Source.data('command-center/app.js', commandCenter['app.js']),
        Source.jsonData('command-center/config.json', {
          ...config,
          auth: { ...config.auth, redirectUri: this.commandCenterUrl },
        }),
      ],
    });
  }
}
