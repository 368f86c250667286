import { randomUUID } from 'node:crypto';
import type { Clock, IdGenerator } from '../../domain/ports';
import { sourceItemId } from './source-id';

/** Production time: the machine's clock. Tests and the simulator inject a ManualClock instead. */
export const systemClock: Clock = { now: () => Date.now() };

/** Production ids: random, so routers in separate Lambda processes never collide. */
export const randomIds: IdGenerator = { next: (prefix) => `${prefix}-${randomUUID()}`, forSource: sourceItemId };
