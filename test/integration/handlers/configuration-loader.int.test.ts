import { GetObjectCommand, NoSuchKey, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { randomIds, systemClock } from '../../../lambdas/adapters/system/clock';
import { StoreConfigProvider } from '../../../lambdas/domain/use-cases/config-provider';
import { Router } from '../../../lambdas/domain/use-cases/router';
import { makeHandler } from '../../../lambdas/handlers/configuration-loader';
import { smallCenter } from '../../fixtures/small-center';
import { freshTable } from '../../support/harness';
import { lambdaContext } from '../../support/lambda-context';

const s3 = mockClient(S3Client);
const BUCKET = 'cdk-hnb659fds-assets-111111111111-eu-west-2';
const files = new Map<string, string>();

/**
 * A Create request as CloudFormation sends it (AWS CloudFormation User Guide, "Custom resource request objects",
 * its Create example), as aws-cdk-lib's Provider framework passes it on to the loader, naming one uploaded file.
 */
function request(type: 'Create' | 'Update' | 'Delete', key: string) {
  return {
    RequestType: type,
    ServiceToken: 'arn:aws:lambda:eu-west-2:111111111111:function:ConfigurationProviderframeworkonEvent',
    ResponseURL: 'https://cloudformation-custom-resource-response-euwest2.s3.amazonaws.com/...',
    StackId: 'arn:aws:cloudformation:eu-west-2:111111111111:stack/UnifiedRouting/3d1a0f30-cfa0-11f0-b0a4-0a1b2c3d4e5f',
    RequestId: 'unique id for this create request',
    ResourceType: 'Custom::ContactCenterConfiguration',
    LogicalResourceId: 'ConfigurationA9C2DABD',
    ...(type === 'Create' ? {} : { PhysicalResourceId: 'contact-center-configuration' }),
    ResourceProperties: { ServiceToken: 'arn:aws:lambda:…', Bucket: BUCKET, Key: key },
  };
}

async function loader() {
  const { configs, store } = await freshTable();
  // Nothing is live in this table: the checks of a change against live work are configuration-change.int.test.ts's.
  const live = { work: store, settle: async () => {}, takeUp: async () => {}, checkRepRows: async () => {} };
  const invoke = makeHandler(() => ({ s3: new S3Client({ region: 'eu-west-2' }), store: configs, live }));
  const send = (event: unknown) => invoke(event as never, lambdaContext()) as Promise<Record<string, unknown>>;
  // A fresh provider per look: what a router that starts now would load.
  const stored = () => new StoreConfigProvider(configs, systemClock).get();
  return { send, stored, configs, store };
}

beforeEach(() => {
  s3.reset();
  files.clear();
  s3.on(GetObjectCommand).callsFake(({ Key }) => {
    const body = files.get(Key);
    if (body === undefined) throw new NoSuchKey({ message: 'The specified key does not exist.', $metadata: {} });
    return { Body: { transformToString: async () => body } as never };
  });
});

describe('the configuration loader (the deploy puts the contact-center file in the routing table)', () => {
  it('stores the file on Create, so a router starting now routes by it', async () => {
    const { send, configs, store } = await loader();
    files.set('a.json', JSON.stringify(smallCenter()));
    await expect(send(request('Create', 'a.json'))).resolves.toEqual({
      PhysicalResourceId: 'contact-center-configuration',
      Data: { Queues: smallCenter().queues!.length, Reps: smallCenter().reps!.length },
    });
    expect(s3).toHaveReceivedCommandWith(GetObjectCommand, { Bucket: BUCKET, Key: 'a.json' });
    // A router as a function builds it (lambdas/shared/deps.ts): its configuration comes from the table only.
    const router = new Router({
      store,
      clock: systemClock,
      ids: randomIds,
      events: { publish: async () => {} },
      timers: { schedule: async () => {} },
      config: new StoreConfigProvider(configs, systemClock),
      delivery: 'inline',
    });
    await router.logIn({ repId: 'rep-a' });
    const { decision } = await router.submitWork({ channel: 'chat', source: 'chat-1', queue: 'chat-q' });
    expect(decision.routing).toMatchObject({ kind: 'offered', repId: 'rep-a' });
  });

  it('stores a changed file on Update as the new revision, under the same resource', async () => {
    const { send, stored } = await loader();
    files.set('a.json', JSON.stringify(smallCenter()));
    files.set('b.json', JSON.stringify(smallCenter({ name: 'renamed center' })));
    await send(request('Create', 'a.json'));
    const out = await send(request('Update', 'b.json'));
    expect(out.PhysicalResourceId).toBe('contact-center-configuration');
    expect((await stored()).raw.name).toBe('renamed center');
  });

  it('fails a file that does not validate, naming every problem, and keeps the configuration stored', async () => {
    const { send, stored } = await loader();
    files.set('a.json', JSON.stringify(smallCenter()));
    await send(request('Create', 'a.json'));
    const base = smallCenter();
    const broken = { ...base, reps: base.reps!.map((r, i) => (i === 0 ? { ...r, queues: ['no-such-queue'] } : r)) };
    files.set('bad.json', JSON.stringify(broken));
    await expect(send(request('Update', 'bad.json'))).rejects.toThrow(
      "reps[0].queues[0]: unknown queue 'no-such-queue'",
    );
    expect((await stored()).raw.name).toBe('test center');
  });

  it('fails a file that is not JSON, naming it, and stores nothing', async () => {
    const { send, configs } = await loader();
    files.set('x.json', '{ "name": ');
    await expect(send(request('Create', 'x.json'))).rejects.toThrow(
      `configuration: s3://${BUCKET}/x.json is not a JSON document`,
    );
    expect(await configs.loadConfig()).toBeUndefined();
  });

  it('keeps the configuration on Delete: the table outlives the stack, and its work needs it', async () => {
    const { send, stored } = await loader();
    files.set('a.json', JSON.stringify(smallCenter()));
    await send(request('Create', 'a.json'));
    s3.resetHistory();
    await expect(send(request('Delete', 'a.json'))).resolves.toEqual({
      PhysicalResourceId: 'contact-center-configuration',
    });
    expect(s3).not.toHaveReceivedCommand(GetObjectCommand);
    expect((await stored()).raw.name).toBe('test center');
  });

  it('refuses a request that does not name the file, naming the field, and reads nothing', async () => {
    const { send, configs } = await loader();
    const { Key: _, ...noKey } = request('Create', 'a.json').ResourceProperties;
    await expect(send({ ...request('Create', 'a.json'), ResourceProperties: noKey })).rejects.toThrow(
      'ResourceProperties.Key',
    );
    expect(s3).not.toHaveReceivedCommand(GetObjectCommand);
    expect(await configs.loadConfig()).toBeUndefined();
  });
});
