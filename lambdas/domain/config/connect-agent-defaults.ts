/**
 * The defaults of the configuration's `connect` section (semantics §8), in a module of their own: the compiled
 * configuration reads them without building the configuration's zod schema (see work-size.ts).
 */
export const CONNECT_AGENT_DEFAULTS = {
  routableStatus: 'Available',
  notRoutableStatus: 'Offline',
  loggedOutStatus: 'Offline',
  dismissMissedCalls: true,
} as const;
