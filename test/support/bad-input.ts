/**
 * The bad-input corpus (test/fixtures/bad-input): its cases, how each breaks a valid event, and a runner per
 * entry point.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { LocalIdentityProvider } from '../../lambdas/adapters/local/identity-provider';
import { CompiledConfig } from '../../lambdas/domain/config/compiled-config';
import { InvalidInputError } from '../../lambdas/domain/errors';
import { makeHandler as makeCallbackRequest } from '../../lambdas/handlers/callback-request';
import { makeHandler as makeFeed } from '../../lambdas/handlers/command-center-feed';
import { makeHandler as makeContactEvents } from '../../lambdas/handlers/connect-contact-events';
import { makeHandler as makeHandOff } from '../../lambdas/handlers/contact-flow-handoff';
import { makeHandler as makeDesktopAuthorizer } from '../../lambdas/handlers/desktop-authorizer';
import { makeHandler as makeHttpApi } from '../../lambdas/handlers/http-api';
import { makeHandler as makeRecordingArrived } from '../../lambdas/handlers/recording-arrived';
import { makeHandler as makeTimers } from '../../lambdas/handlers/timers';
import { makeHandler as makeVoicemail } from '../../lambdas/handlers/voicemail';
import { makeHandler as makeSubmitted } from '../../lambdas/handlers/work-submitted';
import { logger } from '../../lambdas/shared/powertools';
import { connectContactEvent } from '../fixtures/events/connect-contact-event';
import flowEvent from '../fixtures/events/contact-flow-event.json';
import { objectCreated } from '../fixtures/events/object-created';
import { workSubmittedEvent } from '../fixtures/events/work-submitted';
import type { Harness } from './harness';
import { type Caller, defaultCaller, httpRequest } from './http-request';
import { lambdaContext } from './lambda-context';
import { sqsEvent } from './sqs-event';
export interface BadCase {
  name: string;
  field?: string;
  ignored?: boolean;
  set?: Record<string, unknown>;
  unset?: string[];
  raw?: string;
  route?: string;
  params?: Record<string, string>;
  body?: unknown;
  query?: Record<string, string>;
  status?: number;
  /** The push channel's token (desktop-authorizer): which kind of bad token the case sends. */
  token?: string;
  /** Who calls (HTTP routes): by default the caller the route expects, as the rep the case names. */
  as?: Caller;
}

const dir = join(__dirname, '../fixtures/bad-input');
export const corpus = Object.fromEntries(
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as { entryPoint: string; cases: BadCase[] })
    .map((c) => [c.entryPoint, c.cases]),
);
const context = lambdaContext();

/** Values JSON cannot carry, and the id of the item offered during setup. */
function token(value: unknown, offered: string): unknown {
  if (typeof value !== 'string' || !value.startsWith('$')) return value;
  if (value === '$NaN') return Number.NaN;
  if (value === '$Infinity') return Number.POSITIVE_INFINITY;
  if (value === '$-Infinity') return Number.NEGATIVE_INFINITY;
  if (value === '$offered') return offered;
  const oversize = /^\$oversize:(\d+)$/.exec(value);
  return oversize ? 'x'.repeat(Number(oversize[1])) : value;
}

/** The valid event with the case's changes applied (paths are dotted; `__proto__` is set as an own key). */
function broken(valid: unknown, c: BadCase, offered: string): unknown {
  const event = structuredClone(valid) as Record<string, unknown>;
  const walk = (path: string, create: boolean) => {
    const parts = path.split('.');
    let node = event;
    for (const p of parts.slice(0, -1)) {
      if (typeof node[p] !== 'object' || node[p] === null) {
        if (!create) return undefined;
        Object.defineProperty(node, p, { value: {}, enumerable: true, writable: true, configurable: true });
      }
      node = node[p] as Record<string, unknown>;
    }
    return { node, key: parts.at(-1)! };
  };
  for (const [path, value] of Object.entries(c.set ?? {})) {
    const at = walk(path, true)!;
    Object.defineProperty(at.node, at.key, {
      value: token(value, offered),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  for (const path of c.unset ?? []) {
    const at = walk(path, false);
    if (at) delete at.node[at.key];
  }
  return event;
}

export async function rows(h: Harness): Promise<string> {
  const out = await h.raw.send(new ScanCommand({ TableName: h.table, ConsistentRead: true }));
  return JSON.stringify((out.Items ?? []).map((r) => JSON.stringify(r)).sort());
}

const sqs = (body: string) => sqsEvent([body]);
const httpEvent = (c: BadCase, offered: string): APIGatewayProxyEventV2 => {
  const params = Object.fromEntries(Object.entries(c.params ?? {}).map(([k, v]) => [k, token(v, offered) as string]));
  const body =
    c.raw !== undefined
      ? (token(c.raw, offered) as string)
      : c.body === undefined
        ? undefined
        : JSON.stringify(c.body, (_k, v) => token(v, offered));
  return httpRequest(c.route!, params, body, c.query, c.as ?? defaultCaller(c.route!, params, c.body));
};

/** Runs one case; returns the field the error named (undefined when the input was recognised and ignored). */
export type Runner = (c: BadCase, offered: { itemId: string; offerId: string }) => Promise<string | undefined>;

const fieldOfRejection = async (run: Promise<unknown>) => {
  const err = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof InvalidInputError)) throw new Error(`expected an InvalidInputError, got ${String(err)}`);
  return err.field;
};

/** Bad push-channel tokens, each made by a real signer (or broken from a good token), verified by aws-jwt-verify. */
function badToken(kind: string, idp: LocalIdentityProvider): string | undefined {
  const now = Date.now();
  const good = () => idp.sign('rep-a', ['reps'], now);
  switch (kind) {
    case 'none':
      return undefined;
    case 'garbage':
      return 'not-a-jwt';
    case 'expired':
      return idp.sign('rep-a', ['reps'], now - 7_200_000, 60);
    case 'foreignKey':
      return new LocalIdentityProvider(idp.issuer).sign('rep-a', ['reps'], now);
    case 'foreignIssuer':
      return new LocalIdentityProvider('https://elsewhere.example').sign('rep-a', ['reps'], now);
    case 'wrongAudience':
      return idp.sign('rep-a', ['reps'], now, 3600, 'another-app');
    case 'tampered': {
      const [header, payload, signature] = good().split('.') as [string, string, string];
      const claims = { ...JSON.parse(Buffer.from(payload, 'base64url').toString()), username: 'rep-b' };
      return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    }
    case 'notARep':
      return idp.sign('rep-a', ['contractors'], now);
    case 'supervisor':
      return idp.sign('sup-1', ['supervisors'], now);
  }
  throw new Error(`unknown bad token kind ${kind}`);
}

export function runners(h: Harness): Record<string, Runner> {
  const idp = new LocalIdentityProvider('https://issuer.test');
  const desktopAuthorizer = makeDesktopAuthorizer(() => ({ verify: (t) => idp.verify(t) }));
  const handOff = makeHandOff(() => h.router);
  const contactEvents = makeContactEvents(() => h.router);
  const submitted = makeSubmitted(() => h.router);
  const timers = makeTimers(() => h.router);
  const api = makeHttpApi(() => h.router);
  const voicemail = makeVoicemail(() => h.router);
  const recordingArrived = makeRecordingArrived(() => h.router);
  const callbackRequest = makeCallbackRequest(() => h.router);
  const voicemailEvent = { ...flowEvent, Details: { ...flowEvent.Details, Parameters: { queue: 'voicemail-q' } } };
  const callbackEvent = { ...flowEvent, Details: { ...flowEvent.Details, Parameters: { queue: 'callback-q' } } };
  return {
    voicemail: (c, o) => fieldOfRejection(voicemail(broken(voicemailEvent, c, o.itemId) as never, context)),
    'recording-arrived': (c, o) =>
      fieldOfRejection(recordingArrived(broken(objectCreated, c, o.itemId) as never, context)),
    'callback-request': (c, o) =>
      fieldOfRejection(callbackRequest(broken(callbackEvent, c, o.itemId) as never, context)),
    'contact-flow-handoff': (c, o) => fieldOfRejection(handOff(broken(flowEvent, c, o.itemId) as never, context)),
    'work-submitted': (c, o) =>
      fieldOfRejection(
        submitted(
          broken(workSubmittedEvent({ channel: 'chat', source: 'crm-7', queue: 'chat-q' }), c, o.itemId) as never,
          context,
        ),
      ),
    'connect-contact-events': async (c, o) => {
      const event = broken(connectContactEvent('CONTACT_DATA_UPDATED', 'call-known'), c, o.itemId);
      if (!c.ignored) return fieldOfRejection(contactEvents(event as never, context));
      expect(await contactEvents(event as never, context)).toEqual({ kind: 'ignored', reason: 'notRouted' });
      return undefined;
    },
    timers: async (c, o) => {
      // Due now, so an unknown item is looked up (an early timer is only rescheduled).
      const valid = { kind: 'pushTimeout', itemId: o.itemId, dueAt: h.clock.now(), guard: o.offerId };
      const body = c.raw ?? JSON.stringify(broken(valid, c, o.itemId), (_k, v) => token(v, o.itemId));
      const errors = jest.spyOn(logger, 'error').mockImplementation(() => {});
      // A timer that can never succeed is dropped (not redelivered forever), with the field in the log.
      expect(await timers(sqs(body), context)).toEqual({ batchItemFailures: [] });
      const logged = errors.mock.calls.at(-1)?.[1] as { field?: string } | undefined;
      errors.mockRestore();
      return logged?.field;
    },
    'command-center-feed': async (c, o) => {
      // A routing event as the bus's rule delivers it to the feed's queue, broken as the case says.
      const offered = (await h.store.getItem(o.itemId))!;
      const valid = {
        source: 'unified-routing',
        'detail-type': 'offer.created',
        detail: {
          type: 'offer.created',
          at: h.clock.now(),
          itemId: o.itemId,
          offerId: o.offerId,
          repId: 'rep-a',
          channel: 'chat',
          queueId: 'chat-q',
          pool: 'primary',
          units: 50,
          declinable: true,
          schemaVersion: 1,
          explanation: {
            considered: 1,
            eligible: 1,
            routingModel: 'MostAvailable',
            ineligibleByReason: {},
            ineligible: [],
          },
        },
      };
      const body = c.raw ?? JSON.stringify(broken(valid, c, offered.id));
      let saved = 0;
      const feed = makeFeed(() => ({
        store: {
          load: async () => undefined,
          save: async () => {
            saved += 1;
            return true;
          },
          publish: async () => {},
        },
        config: async () => new CompiledConfig((await h.deps.config.get()).raw),
        serviceLevelSeconds: 20,
        now: () => h.clock.now(),
      }));
      // The valid event is applied: so each case is refused for what it breaks.
      expect(await feed(sqs(JSON.stringify(valid)), context)).toEqual({ applied: 1, attempts: 1 });
      saved = 0;
      const warn = jest.spyOn(logger, 'warn').mockImplementation(() => {});
      const result = await feed(sqs(body), context);
      const warned = warn.mock.calls.length;
      warn.mockRestore();
      // Skipped, said so, and nothing applied (an empty batch still saves the model's housekeeping).
      expect({ case: c.name, result, warned }).toEqual({
        case: c.name,
        result: { applied: 0, attempts: 1 },
        warned: 1,
      });
      expect(saved).toBe(1);
      return undefined;
    },
    'desktop-authorizer': async (c) => {
      const token = badToken(c.token!, idp);
      const event = {
        type: 'REQUEST',
        methodArn: 'arn:aws:execute-api:eu-west-2:111111111111:abc123/live/$connect',
        queryStringParameters: token === undefined ? {} : { token },
      };
      const refused = await desktopAuthorizer(event as never, context).then(
        () => undefined,
        (e: Error) => e.message,
      );
      return refused === 'Unauthorized' ? 'token' : undefined;
    },
    'http-api': async (c, o) => {
      const res = (await api(httpEvent(c, o.itemId), context)) as APIGatewayProxyStructuredResultV2;
      expect({ case: c.name, status: res.statusCode }).toEqual({ case: c.name, status: c.status });
      return (JSON.parse(res.body!) as { field?: string }).field;
    },
  };
}
