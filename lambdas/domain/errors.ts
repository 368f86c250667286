/**
 * Errors are for broken invariants, bad input and infrastructure failure; routing outcomes are values. Each names
 * itself in a string, not by its class's name, which a function's minified bundle renames (logs and Lambda's
 * `errorType` would read `c`).
 */
export class RouterError extends Error {
  override name = 'RouterError';
}

/** Another writer changed the state we read: retry on fresh state. */
export class ConflictError extends RouterError {
  override name = 'ConflictError';
  /** Indexes of the writes whose guard failed, when the store can tell; empty when unknown (assume all). */
  readonly failedWrites: readonly number[];
  constructor(message: string, options?: { cause?: unknown; failedWrites?: readonly number[] }) {
    super(message, options);
    this.failedWrites = options?.failedWrites ?? [];
  }
}

/** Input that names an unknown id or breaks a rule; `field` names what was wrong. */
export class InvalidInputError extends RouterError {
  override name = 'InvalidInputError';
  readonly problems: readonly string[];
  constructor(
    readonly field: string,
    message: string,
    problems?: readonly string[],
  ) {
    super(problems?.length ? problems.join('; ') : `${field}: ${message}`);
    this.problems = problems?.length ? problems : [`${field}: ${message}`];
  }
}

export class NotFoundError extends InvalidInputError {
  override name = 'NotFoundError';
}

/** Bounded retries exhausted under contention; safe to retry later (the sweeper does). */
export class ContentionError extends RouterError {
  override name = 'ContentionError';
}

/** No verified identity came with a call that needs a person (HTTP 401): nothing was done. */
export class UnauthenticatedError extends RouterError {
  override name = 'UnauthenticatedError';
}

/** A verified person asked for something they may not do (HTTP 403): `reason` says why; nothing was done. */
export class ForbiddenError extends RouterError {
  override name = 'ForbiddenError';
  constructor(readonly reason: string) {
    super(reason);
  }
}
