import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type * as z from '../domain/zod';
import { parseInput } from './parse-input';
import { logger, metrics, tracer } from './powertools';

/** Every entry point's chain: the logger's Lambda context (keys reset per call), a trace, metrics flushed per call. */
export const entryPoint = <E, R>(handle: (event: E) => Promise<R>) =>
  middy(handle)
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(captureLambdaHandler(tracer))
    .use(logMetrics(metrics));

/** The same chain with the event parsed by zod at the edge: bad input gets every field named, and nothing runs. */
export const parsedEntryPoint = <S extends z.ZodMiniType, R>(schema: S, handle: (event: z.output<S>) => Promise<R>) =>
  entryPoint(handle).use(parseInput(schema));
