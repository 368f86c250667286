import { Validations } from 'aws-cdk-lib';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';

/**
 * cdk-nag AwsSolutions findings we accept, each scoped to the router functions' roles (not the stack) and
 * each with the reason it is the least privilege available.
 */
export function acknowledgeFindings(
  functions: readonly LambdaFunction[],
  perRequestWildcards: readonly string[],
): void {
  for (const fn of functions) {
    Validations.of(fn).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'The design pins nodejs22.x (the SDK and toolchain are validated on it); upgrade deliberately, not by default.',
    });
    Validations.of(fn.role!).acknowledge(
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason:
          "Only CloudWatch Logs writes for the function's own log stream; the AWS-managed policy is the standard minimal one.",
      },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'X-Ray PutTraceSegments/PutTelemetryRecords support no resource-level permissions (active tracing).',
      },
    );
    Validations.of(fn.role!).acknowledge(
      ...perRequestWildcards.map((resource) => ({
        id: `AwsSolutions-IAM5[Resource::${resource}]`,
        reason:
          "Names made per request: one-time timer schedules inside the router's own schedule group, and contacts of the one Connect instance (UpdateContactRoutingData). The table is granted by exact index ARNs.",
      })),
    );
  }
}
