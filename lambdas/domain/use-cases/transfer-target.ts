import type { CompiledConfig } from '../config/compiled-config';
import { InvalidInputError, NotFoundError } from '../errors';
import type { RoutingEvent, TransferTo } from '../routing/events';
import { type DestinationKind, mayTransferTo } from '../routing/transfer-destinations';
import type { TransferTarget, WorkItem } from '../routing/work-item';
import { routingFlow } from '../routing-flows';
import * as z from '../zod';

const id = z.string().check(z.minLength(1), z.maxLength(64));

/** Where a rep asks to send work (semantics §9). */
export const transferRequestSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('rep'), repId: id }),
  z.strictObject({ kind: z.literal('queue'), queueId: id, keepRequestedAt: z._default(z.boolean(), true) }),
  z.strictObject({ kind: z.literal('routingFlow'), name: id }),
]);
export type TransferRequest = z.input<typeof transferRequestSchema>;

export interface ResolvedTarget {
  readonly target: TransferTarget;
  readonly via?: string;
  readonly events: RoutingEvent[];
}

export const transferTo = (t: TransferTarget): TransferTo => ({
  kind: t.kind,
  id: t.kind === 'rep' ? t.repId : t.queueId,
});

function allowed(
  config: CompiledConfig,
  fromRepId: string,
  kind: DestinationKind,
  destination: string,
  field: string,
): void {
  const group = config.rep(fromRepId).group;
  if (!mayTransferTo(config, group, kind, destination)) {
    throw new InvalidInputError(field, `group '${group}' may not transfer to ${kind} '${destination}'`);
  }
}

function sameChannelQueue(config: CompiledConfig, item: WorkItem, queueId: string, field: string) {
  const queue = config.queue(queueId, field);
  if (queue.channel !== item.channel)
    throw new InvalidInputError(field, `queue '${queueId}' takes ${queue.channel} work, not ${item.channel}`);
  return queue;
}

/** The target a routing flow chooses, checked like any input: an unknown queue, rep or skill is the flow's failure. */
function runFlow(config: CompiledConfig, item: WorkItem, name: string, version: number, now: number): TransferTarget {
  const flow = routingFlow(name, version);
  if (!flow) throw new Error(`routing flow ${name}@${version} is not registered`);
  const skills = item.target.kind === 'skills' ? item.target.requirements : [];
  const t = flow({ channel: item.channel, queueId: item.queueId, attributes: item.attributes, skills, now });
  switch (t.kind) {
    case 'queue':
      sameChannelQueue(config, item, t.queueId, 'queueId');
      return { kind: 'queue', queueId: t.queueId, keepRequestedAt: true };
    case 'skills':
      sameChannelQueue(config, item, t.queueId, 'queueId');
      config.assertSkills(t.requirements, 'requirements');
      return { kind: 'skills', queueId: t.queueId, requirements: t.requirements };
    case 'rep':
      config.rep(t.repId);
      return { kind: 'rep', repId: t.repId };
    default:
      throw new Error(`unknown target kind ${(t as { kind: string }).kind}`);
  }
}

/**
 * Checks a transfer request against the configuration and the rep's destination list, running a routing flow
 * if asked. A failing flow does not fail the transfer: the item goes to the flow's fallback queue, with an event.
 */
export function resolveTransfer(
  config: CompiledConfig,
  item: WorkItem,
  fromRepId: string,
  to: z.output<typeof transferRequestSchema>,
  now: number,
): ResolvedTarget {
  switch (to.kind) {
    case 'rep':
      config.rep(to.repId, 'to.repId');
      if (to.repId === fromRepId) throw new InvalidInputError('to.repId', 'a rep cannot transfer work to themselves');
      allowed(config, fromRepId, 'rep', to.repId, 'to.repId');
      return { target: { kind: 'rep', repId: to.repId }, events: [] };
    case 'queue':
      sameChannelQueue(config, item, to.queueId, 'to.queueId');
      allowed(config, fromRepId, 'queue', to.queueId, 'to.queueId');
      return { target: { kind: 'queue', queueId: to.queueId, keepRequestedAt: to.keepRequestedAt }, events: [] };
    case 'routingFlow': {
      const flow = config.raw.routingFlows.find((f) => f.name === to.name);
      if (!flow) throw new NotFoundError('to.name', `unknown routing flow '${to.name}'`);
      allowed(config, fromRepId, 'routingFlow', to.name, 'to.name');
      const via = `${flow.name}@${flow.version}`;
      try {
        return { target: runFlow(config, item, flow.name, flow.version, now), via, events: [] };
      } catch (err) {
        const error = err instanceof Error ? err.message : String(err);
        sameChannelQueue(config, item, flow.fallbackQueue, 'to.name');
        return {
          target: { kind: 'queue', queueId: flow.fallbackQueue, keepRequestedAt: true },
          via,
          events: [
            {
              type: 'routingFlow.failed',
              at: now,
              itemId: item.id,
              flow: via,
              error: error.slice(0, 256),
              fallbackQueue: flow.fallbackQueue,
            },
          ],
        };
      }
    }
  }
}
