import { readFileSync } from 'node:fs';
import { RemovalPolicy } from 'aws-cdk-lib';
import {
  Function as CloudFrontFunction,
  Distribution,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  type IDistribution,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { buildPage } from '../../web/build';
import type { WorkspaceConfig } from '../../web/shared/config';
import { PAGE_URI_RULES } from './page-uri-rules';

const STREAMS = require.resolve('amazon-connect-streams/release/connect-streams-min.js');

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
        responseHeadersPolicy: ResponseHeadersPolicy.SECURITY_HEADERS,
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

  /** Deploys the page and its config (tokens resolved at deploy). */
  publish(config: WorkspaceConfig): void {
    const workspace = buildPage('rep-workspace');
    const commandCenter = buildPage('command-center');
    new BucketDeployment(this, 'Page', {
      destinationBucket: this.bucket,
      distribution: this.distribution,
      sources: [
        Source.data('index.html', workspace['index.html']),
        Source.data('app.js', workspace['app.js']),
        // Each page names its own redirect URI, the one the issuer allows, never one made from its path.
        Source.jsonData('config.json', { ...config, auth: { ...config.auth, redirectUri: this.url } }),
        // The CCP embed's library, loaded by the page only when it embeds the softphone (the npm package's build).
        Source.data('connect-streams.js', readFileSync(STREAMS, 'utf8')),
        // The Command Center, for supervisors, beside it (the same sign-in: one redirect URI per page).
        Source.data('command-center/index.html', commandCenter['index.html']),
        Source.data('command-center/app.js', commandCenter['app.js']),
        Source.jsonData('command-center/config.json', {
          ...config,
          auth: { ...config.auth, redirectUri: this.commandCenterUrl },
        }),
      ],
    });
  }
}
