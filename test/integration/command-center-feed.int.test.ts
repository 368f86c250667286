import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { EVENT_SOURCE } from '../../lambdas/adapters/eventbridge/event-source';
import { S3ModelStore, SNAPSHOT_KEY, STATE_KEY } from '../../lambdas/adapters/s3/command-center-store';
import type { CommandCenterSnapshot } from '../../lambdas/command-center/projection';
import { CompiledConfig } from '../../lambdas/domain/config/compiled-config';
import { validateConfig } from '../../lambdas/domain/config/validate-config';
import { EVENT_SCHEMA_VERSION } from '../../lambdas/domain/routing/event-schemas';
import type { RoutingEvent } from '../../lambdas/domain/routing/events';
import { makeHandler as makeFeed } from '../../lambdas/handlers/command-center-feed';
import { makeHandler as makeApi } from '../../lambdas/handlers/http-api';
import { transferCenter } from '../fixtures/transfer-center';
import { makeHarness } from '../support/harness';
import { httpRequest } from '../support/http-request';
import { lambdaContext } from '../support/lambda-context';
import { sqsEvent } from '../support/sqs-event';

/**
 * S3 as its API reference documents it: PutObject answers an ETag, and with If-Match (or If-None-Match: *) a
 * 412 PreconditionFailed when the object moved on; GetObject of a missing key is NoSuchKey (given ListBucket).
 */
function fakeBucket() {
  const s3 = mockClient(S3Client);
  const objects = new Map<string, { body: string; etag: string }>();
  let writes = 0;
  const failNext = { precondition: 0 };
  const precondition = () =>
    new S3ServiceException({ name: 'PreconditionFailed', $fault: 'client', $metadata: { httpStatusCode: 412 } });
  s3.on(GetObjectCommand).callsFake(({ Key }) => {
    const o = objects.get(Key);
    if (!o) throw new NoSuchKey({ message: 'The specified key does not exist.', $metadata: { httpStatusCode: 404 } });
    // The SDK's streaming body, as far as the adapter reads it.
    return { Body: { transformToString: async () => o.body } as never, ETag: o.etag };
  });
  s3.on(PutObjectCommand).callsFake(({ Key, Body, IfMatch, IfNoneMatch }) => {
    const current = objects.get(Key);
    if (failNext.precondition > 0) {
      failNext.precondition--;
      throw precondition();
    }
    if ((IfMatch && current?.etag !== IfMatch) || (IfNoneMatch === '*' && current)) throw precondition();
    const etag = `"etag-${++writes}"`;
    objects.set(Key, { body: String(Body), etag });
    return { ETag: etag };
  });
  return { s3, objects, failNext };
}

const envelope = (e: RoutingEvent) =>
  JSON.stringify({
    version: '0',
    id: 'e-1',
    'detail-type': e.type,
    source: EVENT_SOURCE,
    account: '111111111111',
    time: new Date(e.at).toISOString(),
    region: 'eu-west-2',
    resources: [],
    detail: { ...e, schemaVersion: EVENT_SCHEMA_VERSION },
  });

describe('the deployed Command Center: its feed and its snapshot (issue #15)', () => {
  const context = lambdaContext('feed', 30000);
  const valid = validateConfig(transferCenter());
  if (!valid.ok) throw new Error(valid.problems.join('\n'));
  const config = new CompiledConfig(valid.config);

  it('applies each batch once, under conditional writes, publishes the snapshot and nudges supervisors', async () => {
    const h = await makeHarness(transferCenter());
    await h.router.logIn({ repId: 'rep-a', statusId: 'available' });
    const { decision } = await h.router.submitWork({ channel: 'chat', source: 'web-1', queue: 'chat-q' });
    await h.router.accept({ itemId: decision.itemId });
    const bucket = fakeBucket();
    const nudges: number[] = [];
    const store = new S3ModelStore(new S3Client({ region: 'eu-west-2' }), 'model');
    const deps = {
      store,
      config: async () => config,
      serviceLevelSeconds: 20,
      now: () => h.clock.now(),
      nudge: { nudge: async (at: number) => void nudges.push(at) },
    };
    const feed = makeFeed(() => deps);
    const messages = sqsEvent([...h.events.events.map(envelope), '{"not":"an event"}']);
    expect(await feed(messages, context)).toEqual({ applied: h.events.events.length, attempts: 1 });
    // Redelivered, and after losing a race once: applied again from fresh state, nothing counted twice.
    bucket.failNext.precondition = 1;
    expect(await feed(messages, context)).toEqual({ applied: h.events.events.length, attempts: 2 });
    const snapshot = (await store.snapshot()) as CommandCenterSnapshot;
    const chat = snapshot.queues.find((q) => q.id === 'chat-q')!;
    expect(chat).toMatchObject({ offered: 1, accepted: 1, waiting: 0 });
    expect(chat.windows['15m']).toMatchObject({ offered: 1, accepted: 1, serviceLevel: 1 });
    expect(snapshot.reps.find((r) => r.id === 'rep-a')).toMatchObject({ status: 'Available', activeItems: 1 });
    expect(nudges).toEqual([h.clock.now(), h.clock.now()]);
    expect([...bucket.objects.keys()].sort()).toEqual([SNAPSHOT_KEY, STATE_KEY]);
    bucket.s3.restore();
  });

  it('serves the snapshot to supervisors only, one read per view, and says when there is none yet', async () => {
    const bucket = fakeBucket();
    const store = new S3ModelStore(new S3Client({ region: 'eu-west-2' }), 'model');
    const h = await makeHarness(transferCenter(), { ports: (p) => ({ ...p, commandCenter: store }) });
    const api = makeApi(() => h.router);
    const get = async (caller: Parameters<typeof httpRequest>[4]) => {
      const res = (await api(
        httpRequest('GET /supervisor/command-center', {}, undefined, undefined, caller),
        context,
      )) as {
        statusCode: number;
        body: string;
      };
      return { status: res.statusCode, body: JSON.parse(res.body) };
    };
    expect(await get('supervisor')).toMatchObject({ status: 404, body: { field: 'commandCenter' } });
    await store.publish({ at: 1, name: 'test' } as never);
    bucket.s3.resetHistory();
    expect(await get('supervisor')).toEqual({ status: 200, body: { at: 1, name: 'test' } });
    expect(bucket.s3.commandCalls(GetObjectCommand).map((c) => c.args[0].input)).toEqual([
      { Bucket: 'model', Key: SNAPSHOT_KEY },
    ]);
    expect(await get({ rep: 'rep-a' })).toMatchObject({ status: 403 });
    bucket.s3.restore();
  });
});
