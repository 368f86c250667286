/** Errors are for broken invariants, bad input and infrastructure failure; routing outcomes are values. */
export class RouterError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Another writer changed the state we read: retry on fresh state. */
export class ConflictError extends RouterError {
  /** Indexes of the writes whose guard failed, when the store can tell; empty when unknown (assume all). */
  readonly failedWrites: readonly number[];
  constructor(message: string, options?: { cause?: unknown; failedWrites?: readonly number[] }) {
    super(message, options);
    this.failedWrites = options?.failedWrites ?? [];
  }
}

/** Input that names an unknown id or breaks a rule; `field` names what was wrong. */
export class InvalidInputError extends RouterError {
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

export class NotFoundError extends InvalidInputError {}

/** Bounded retries exhausted under contention; safe to retry later (the sweeper does). */
export class ContentionError extends RouterError {}

/** No verified identity came with a call that needs a person (HTTP 401): nothing was done. */
export class UnauthenticatedError extends RouterError {}

/** A verified person asked for something they may not do (HTTP 403): `reason` says why; nothing was done. */
export class ForbiddenError extends RouterError {
  constructor(readonly reason: string) {
    super(reason);
  }
}
