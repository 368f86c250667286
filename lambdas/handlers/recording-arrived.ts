import type { Router } from '../domain/use-cases/router';
import { routerFromEnvironment } from '../shared/deps';
import { parsedEntryPoint } from '../shared/entry-point';
import { logger, metrics } from '../shared/powertools';
import { callRecording, objectCreatedSchema } from '../shared/recording-event';

/**
 * A recording landed in the Connect recordings bucket (S3 Object Created, through EventBridge). A voicemail waiting
 * for it is queued with its real location and routed (semantics §9); ordinary call recordings change nothing.
 */
export const makeHandler = (router: () => Router) =>
  parsedEntryPoint(objectCreatedSchema, async (event) => {
    const recording = callRecording(event.detail.bucket.name, event.detail.object.key);
    if (!recording) return { kind: 'notVoicemail' } as const;
    const { decision } = await router().recordingArrived(recording);
    if (decision.kind === 'queued') metrics.addMetric('VoicemailRecordingArrived', 'Count', 1);
    if (decision.kind === 'late') {
      // The caller was already reported missing: someone must listen to this one by hand.
      metrics.addMetric('VoicemailRecordingLate', 'Count', 1);
      logger.error('voicemail recording arrived after it was reported missing', { ...recording, ...decision });
    }
    return decision;
  });

// Queuing a voicemail routes digital work only: no telephony, nor its grant.
export const handler = makeHandler(() => routerFromEnvironment());
