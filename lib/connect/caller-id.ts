import type { ContactCenterConfig } from '../../lambdas/domain/config/schema';

/**
 * The number callbacks are dialed from. StartOutboundVoiceContact takes it from `SourcePhoneNumber`, or else from
 * the queue's outbound caller configuration (the router dials into the holding queue): with neither, it has no
 * number to call from (shared/reference/amazon-connect.md).
 */
export interface CallbackCallerId {
  /** A phone number claimed in the instance (its ARN): the holding queue's outbound caller ID. */
  readonly phoneNumberArn?: string;
  /** An E.164 number claimed in the instance, sent as each dial's SourcePhoneNumber. */
  readonly sourcePhoneNumber?: string;
}

const E164 = /^\+[1-9]\d{6,14}$/;

/** Refuses, at synth, a center that takes callbacks but gives them no number to call from. */
export function validateCallerId(center: ContactCenterConfig, callerId: CallbackCallerId | undefined): void {
  const callbackQueues = center.queues.filter((q) => q.channel === 'callback').map((q) => q.id);
  if (callerId?.sourcePhoneNumber !== undefined && !E164.test(callerId.sourcePhoneNumber)) {
    throw new Error(`callbackCallerId.sourcePhoneNumber: '${callerId.sourcePhoneNumber}' is not an E.164 number`);
  }
  if (callerId?.phoneNumberArn !== undefined && !/^arn:aws[\w-]*:connect:/.test(callerId.phoneNumberArn)) {
    throw new Error(`callbackCallerId.phoneNumberArn: '${callerId.phoneNumberArn}' is not a Connect phone number ARN`);
  }
  if (callbackQueues.length > 0 && !callerId?.phoneNumberArn && !callerId?.sourcePhoneNumber) {
    throw new Error(
      `callbackCallerId: the center takes callbacks (${callbackQueues.join(', ')}), so dials need a number to call ` +
        'from: give phoneNumberArn (the holding queue caller ID) or sourcePhoneNumber',
    );
  }
}
