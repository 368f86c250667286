import { Stack, Token, Validations } from 'aws-cdk-lib';
import type { OutboxDispatch } from './constructs/outbox-dispatch';
import type { RouterFunctions } from './constructs/router-functions';
import type { RouterTimers } from './constructs/router-timers';

/**
 * cdk-nag AwsSolutions findings we accept, each scoped to one router function or its role (never the stack),
 * each with the reason it is the least privilege available.
 */
export function acknowledgeFindings(functions: RouterFunctions, timers: RouterTimers, outbox?: OutboxDispatch): void {
  if (outbox)
    Validations.of(outbox.deadLetters).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        "It is a dead-letter queue: the table stream's on-failure destination for the outbox dispatcher, which " +
        'cdk-nag cannot see (it only recognises redrive policies). Its first message raises an alarm.',
    });
  const stack = Stack.of(timers);
  // Wildcard resources as cdk-nag names them: literals where known, <AWS::...> / <LogicalId> for tokens.
  const shown = (value: string, pseudo: string) => (Token.isUnresolved(value) ? `<AWS::${pseudo}>` : value);
  const group = stack.getLogicalId(timers.scheduleGroup);
  const where = `${shown(stack.region, 'Region')}:${shown(stack.account, 'AccountId')}`;
  const schedules = `arn:<AWS::Partition>:scheduler:${where}:schedule/<${group}>/*`;
  const telephony = new Set(functions.withTelephony);
  for (const fn of functions.all) {
    Validations.of(fn).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'The design pins nodejs22.x (the SDK and toolchain are validated on it); upgrade deliberately, not by default.',
    });
    const role = fn.role!;
    Validations.of(role).acknowledge(
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason:
          "Only CloudWatch Logs writes for the function's own log stream; the AWS-managed policy is the standard " +
          'minimal one.',
      },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'Actions with no resource type in the Service Authorization Reference: X-Ray PutTraceSegments and ' +
          'PutTelemetryRecords (active tracing), for functions that dial callbacks StartOutboundVoiceContact, and ' +
          "for the outbox dispatcher dynamodb:ListStreams (its stream's own actions are on the stream's ARN).",
      },
      {
        id: `AwsSolutions-IAM5[Resource::${schedules}]`,
        reason: "One-time timer schedules are named per timer, inside the router's own schedule group only.",
      },
    );
    if (!telephony.has(fn)) continue;
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${functions.contactArns}]`,
      reason: 'Contacts are made per call: the grant covers the contacts of the one Connect instance and nothing else.',
    });
  }
}
