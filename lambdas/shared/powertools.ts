import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';

/** One Logger, Metrics and Tracer per Lambda process, shared by its handler and adapters. */
export const logger = new Logger({ serviceName: 'unified-routing' });
/** Where metrics are off (npm start, the tests' in-process handlers), nothing is published: nothing to warn of. */
const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
export const metrics = new Metrics({
  namespace: 'UnifiedRouting',
  serviceName: 'unified-routing',
  ...(process.env.POWERTOOLS_METRICS_DISABLED === 'true' ? { logger: silent } : {}),
});
export const tracer = new Tracer({ serviceName: 'unified-routing' });
