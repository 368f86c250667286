/**
 * Imported first by `npm start`: the deployed handlers run in-process there, and Powertools would print an EMF
 * metrics document for every invocation (in Lambda that is how CloudWatch receives them). Set before the handler
 * modules build their Metrics and Logger, which read the environment once.
 */
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
