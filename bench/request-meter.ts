import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** DynamoDB operations by whether they read or write (document-client names map to the same operations). */
const OPERATIONS: Record<string, { op: string; kind: 'read' | 'write' }> = {
  GetItem: { op: 'GetItem', kind: 'read' },
  Get: { op: 'GetItem', kind: 'read' },
  Query: { op: 'Query', kind: 'read' },
  Scan: { op: 'Scan', kind: 'read' },
  BatchGetItem: { op: 'BatchGetItem', kind: 'read' },
  BatchGet: { op: 'BatchGetItem', kind: 'read' },
  TransactGetItems: { op: 'TransactGetItems', kind: 'read' },
  TransactGet: { op: 'TransactGetItems', kind: 'read' },
  PutItem: { op: 'PutItem', kind: 'write' },
  Put: { op: 'PutItem', kind: 'write' },
  UpdateItem: { op: 'UpdateItem', kind: 'write' },
  Update: { op: 'UpdateItem', kind: 'write' },
  DeleteItem: { op: 'DeleteItem', kind: 'write' },
  Delete: { op: 'DeleteItem', kind: 'write' },
  BatchWriteItem: { op: 'BatchWriteItem', kind: 'write' },
  BatchWrite: { op: 'BatchWriteItem', kind: 'write' },
  TransactWriteItems: { op: 'TransactWriteItems', kind: 'write' },
  TransactWrite: { op: 'TransactWriteItems', kind: 'write' },
};

export interface RequestCounts {
  reads: number;
  writes: number;
  /** Capacity units DynamoDB reported consuming (ReturnConsumedCapacity TOTAL), per kind. */
  readUnits: number;
  writeUnits: number;
  byOperation: Record<string, number>;
}

export const emptyCounts = (): RequestCounts => ({ reads: 0, writes: 0, readUnits: 0, writeUnits: 0, byOperation: {} });

/** The operation a command context names, e.g. `GetCommand` or `GetItemCommand` → GetItem. */
export function operationOf(commandName: string | undefined) {
  return OPERATIONS[(commandName ?? '').replace(/Command$/, '')];
}

function unitsOf(output: unknown): number {
  const consumed = (output as { ConsumedCapacity?: unknown } | undefined)?.ConsumedCapacity;
  const list = Array.isArray(consumed) ? consumed : consumed ? [consumed] : [];
  return list.reduce((sum: number, c: { CapacityUnits?: number }) => sum + (c.CapacityUnits ?? 0), 0);
}

/**
 * Counts every request a client sends (each SDK attempt, retries included), by client middleware, and the
 * capacity units DynamoDB reports for them. Used by `npm run bench`; cheap enough to leave on in a Lambda.
 */
export class RequestMeter {
  counts: RequestCounts = emptyCounts();

  /**
   * Both run first in their step: before the serializer (so the low-level input gets ReturnConsumedCapacity)
   * and outside the deserializer (so the parsed output is seen), inside the SDK's retry loop.
   */
  attach(client: Pick<DynamoDBClient, 'middlewareStack'>): this {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const operation = operationOf(context.commandName);
        const input = args.input as Record<string, unknown>;
        if (operation && input && typeof input === 'object' && !('ReturnConsumedCapacity' in input))
          input.ReturnConsumedCapacity = 'TOTAL';
        return next(args);
      },
      { step: 'serialize', priority: 'high', name: 'requestMeterConsumedCapacity', override: true },
    );
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const operation = operationOf(context.commandName);
        let output: unknown;
        // A refused conditional write is a request too (and billed): count failures as well as successes.
        try {
          const result = await next(args);
          output = result.output;
          return result;
        } finally {
          if (operation) this.count(operation, unitsOf(output));
        }
      },
      { step: 'deserialize', priority: 'high', name: 'requestMeterCount', override: true },
    );
    return this;
  }

  private count(operation: { op: string; kind: 'read' | 'write' }, units: number): void {
    const c = this.counts;
    c.byOperation[operation.op] = (c.byOperation[operation.op] ?? 0) + 1;
    if (operation.kind === 'read') {
      c.reads++;
      c.readUnits += units;
    } else {
      c.writes++;
      c.writeUnits += units;
    }
  }

  /** The counts since the last take, then starts again from zero. */
  take(): RequestCounts {
    const taken = this.counts;
    this.counts = emptyCounts();
    return taken;
  }
}
