import { InvalidInputError } from '../../../lambdas/domain/errors';
import { failureKind } from '../../../lambdas/domain/use-cases/failure-kind';

const sdkError = (name: string, httpStatusCode: number) =>
  Object.assign(new Error(name), { name, $metadata: { httpStatusCode } });

describe('failures sorted by kind (semantics §10)', () => {
  it('retries throttles, 5xx, timeouts and the unknown, including throttles that come as 400', () => {
    for (const e of [
      sdkError('ThrottlingException', 400),
      sdkError('ProvisionedThroughputExceededException', 400),
      sdkError('LimitExceededException', 429),
      sdkError('InternalException', 500),
      sdkError('ServiceUnavailableException', 503),
      Object.assign(new Error('socket hang up'), { name: 'TimeoutError' }),
      new Error('something else'),
    ])
      expect([e.name, failureKind(e)]).toEqual([e.name, 'transient']);
  });

  it('sets aside what will never succeed as it is: schemas, invalid requests, payloads too large', () => {
    for (const e of [
      new InvalidInputError('type', 'no schema'),
      Object.assign(new Error('bad shape'), { name: 'ZodError' }),
      sdkError('ValidationException', 400),
      sdkError('PayloadTooLargeException', 413),
      sdkError('SomethingTooLarge', 413),
    ])
      expect([e.name, failureKind(e)]).toEqual([e.name, 'rejected']);
  });
});
