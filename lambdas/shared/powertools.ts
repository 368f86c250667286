import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';

/** One Logger, Metrics and Tracer per Lambda process, shared by its handler and adapters. */
export const logger = new Logger({ serviceName: 'unified-routing' });
export const metrics = new Metrics({ namespace: 'UnifiedRouting', serviceName: 'unified-routing' });
export const tracer = new Tracer({ serviceName: 'unified-routing' });
