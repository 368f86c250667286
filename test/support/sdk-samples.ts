import { ConnectClient, ThrottlingException, UpdateContactRoutingDataCommand } from '@aws-sdk/client-connect';
import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';

/** What a call came back with: the data, or the error's name and whether it is the SDK's modelled class. */
export type Outcome = { readonly data: unknown } | { readonly error: string; readonly modelled: boolean };

const settle = async (call: () => Promise<unknown>, modelled: (err: unknown) => boolean): Promise<Outcome> => {
  try {
    return { data: await call() };
  } catch (err) {
    return { error: (err as Error).name, modelled: modelled(err) };
  }
};

/**
 * The calls the functions make, one per client, sent to `endpoint` (a local server standing in for AWS): run in
 * process and from a bundle built as the functions are, so both can be compared. One attempt each, so an error
 * answer comes back as it is.
 */
export async function sendSamples(endpoint: string): Promise<Outcome[]> {
  const options = {
    endpoint,
    region: 'us-east-1',
    maxAttempts: 1,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
  };
  const connect = new ConnectClient(options);
  const routing = (contactId: string) =>
    connect.send(
      new UpdateContactRoutingDataCommand({
        InstanceId: 'instance-1',
        ContactId: contactId,
        RoutingCriteria: { Steps: [{ Expiry: { DurationInSeconds: 30 }, Expression: {} }] },
      }),
    );
  const dynamo = DynamoDBDocumentClient.from(new DynamoDBClient(options));
  const s3 = new S3Client({ ...options, forcePathStyle: true });
  const isThrottle = (err: unknown) => err instanceof ThrottlingException;
  const isConflict = (err: unknown) => err instanceof ConditionalCheckFailedException;
  return [
    await settle(() => routing('contact-1').then(() => 'targeted'), isThrottle),
    await settle(() => routing('throttled'), isThrottle),
    await settle(
      () => dynamo.send(new GetCommand({ TableName: 't', Key: { pk: 'REP#r1', sk: 'REP' } })).then((r) => r.Item),
      isConflict,
    ),
    await settle(
      () =>
        dynamo.send(
          new PutCommand({
            TableName: 't',
            Item: { pk: 'a', sk: 'b' },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      isConflict,
    ),
    await settle(
      () => s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'config.json' })).then((r) => r.Body!.transformToString()),
      () => false,
    ),
  ];
}

/** A read by a client given no credentials, as the functions' clients are: its chain finds them. */
export async function readWithoutCredentials(endpoint: string): Promise<unknown> {
  const dynamo = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint, region: 'us-east-1', maxAttempts: 1 }));
  return (await dynamo.send(new GetCommand({ TableName: 't', Key: { pk: 'REP#r1', sk: 'REP' } }))).Item;
}
