import type { StateWrite } from '../../domain/ports';
import { AVAILABILITY_ORDERS } from '../../domain/routing/availability';
import type { OutboxEntry } from '../../domain/routing/outbox';
import { isRoutable, type RepChange } from '../../domain/routing/rep';
import type { CapacityPool } from '../../domain/routing/work-item';
import { availabilitySets } from './availability';
import { conditionParams, mustNotExist, newerVoiceState } from './conditions';
import { keys } from './keys';
import { outboxValue, repToRow } from './mappers';

type Params = Record<string, unknown>;

/**
 * Turns a rep change into one conditional write. Capacity moves by atomic deltas (`used = used + :delta`)
 * guarded by bounds computed from the configured capacity, so two routers offering to the same rep both
 * succeed while there is room and one fails the moment there is not (semantics §1, §13).
 */
export function repWriteParams(
  tableName: string,
  change: RepChange,
  outbox?: OutboxEntry,
): { Put: Params } | { Update: Params } | { ConditionCheck: Params } {
  if (change.expectedPresenceVersion === 0 && change.create) {
    const Item = repToRow(change.create, change.limits, change.orders ?? AVAILABILITY_ORDERS, outbox);
    return { Put: { TableName: tableName, Item, ...conditionParams(mustNotExist) } };
  }
  const names: Record<string, string> = { '#pk': 'pk' };
  const values: Record<string, unknown> = {};
  const sets: string[] = [];
  const removes: string[] = [];
  // The rep row must exist: capacity is never created by an offer or a release.
  const conditions: string[] = ['attribute_exists(#pk)'];
  for (const [pool, c] of Object.entries(change.pools) as [
    CapacityPool,
    NonNullable<RepChange['pools'][CapacityPool]>,
  ][]) {
    names['#used'] = 'used';
    names[`#${pool}`] = pool;
    values[`:${pool}Delta`] = c.delta;
    sets.push(`#used.#${pool} = #used.#${pool} + :${pool}Delta`);
    // Room left for the reservation: never above capacity.
    if (c.maxBefore !== undefined) {
      conditions.push(`#used.#${pool} <= :${pool}Max`);
      values[`:${pool}Max`] = c.maxBefore;
    }
    // The units are still held: a release can happen only once.
    if (c.minBefore !== undefined) {
      conditions.push(`#used.#${pool} >= :${pool}Min`);
      values[`:${pool}Min`] = c.minBefore;
    }
  }
  if (change.activeDelta !== 0) {
    names['#active'] = 'activeItems';
    values[':activeDelta'] = change.activeDelta;
    sets.push('#active = #active + :activeDelta');
  }
  if (change.lastOfferAt !== undefined) {
    names['#lastOfferAt'] = 'lastOfferAt';
    values[':lastOfferAt'] = change.lastOfferAt;
    sets.push('#lastOfferAt = :lastOfferAt');
  }
  if (change.requireVoiceReachable) {
    // A call is reserved only while Connect can deliver it to the rep: their agent state blocks nothing.
    names['#voiceBlock'] = 'voiceBlock';
    conditions.push('attribute_not_exists(#voiceBlock)');
  }
  if (change.expectedPresenceVersion !== undefined) {
    // Same session and status as when the decision was made (an offer must not land after logout or Busy).
    names['#presenceVersion'] = 'presenceVersion';
    values[':expectedPresence'] = change.expectedPresenceVersion;
    conditions.push('#presenceVersion = :expectedPresence');
  }
  if (change.presence) {
    const p = change.presence;
    values[':nextPresence'] = (change.expectedPresenceVersion ?? 0) + 1;
    sets.push('#presenceVersion = :nextPresence');
    const fields: Record<string, unknown> = {
      sessionId: p.sessionId,
      loggedInAt: p.loggedInAt,
      presenceAt: p.presenceAt,
      statusId: p.statusId,
      statusChannels: p.statusChannels,
    };
    // In the availability indexes only while routable (they are sparse on this attribute).
    fields.gsi2pk = isRoutable(p) ? keys.availablePk(change.groupId) : undefined;
    for (const [field, value] of Object.entries(fields)) {
      names[`#${field}`] = field;
      if (value === undefined) removes.push(`#${field}`);
      else {
        values[`:${field}`] = value;
        sets.push(`#${field} = :${field}`);
      }
    }
  }
  const availability = availabilitySets(change, names, values);
  sets.push(...availability.sets);
  removes.push(...availability.removes);
  if (sets.length || removes.length || outbox) {
    // The row's stream record carries this commit's outbox, or none: never an earlier commit's again.
    names['#outbox'] = 'outbox';
    if (outbox) {
      values[':outbox'] = outboxValue(outbox);
      sets.push('#outbox = :outbox');
    } else removes.push('#outbox');
  }
  const update = [sets.length ? `SET ${sets.join(', ')}` : '', removes.length ? `REMOVE ${removes.join(', ')}` : '']
    .join(' ')
    .trim();
  // A change that nets to nothing (an outbound call reserving exactly what it rescinded) still carries its
  // guards: check them without writing.
  if (!update) {
    return {
      ConditionCheck: {
        TableName: tableName,
        Key: keys.rep(change.repId),
        ConditionExpression: conditions.join(' AND '),
        ExpressionAttributeNames: names,
        ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
      },
    };
  }
  return {
    Update: {
      TableName: tableName,
      Key: keys.rep(change.repId),
      UpdateExpression: update,
      ConditionExpression: conditions.join(' AND '),
      ExpressionAttributeNames: names,
      ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
    },
  };
}

/** The rep's Connect agent state (semantics §8): the block set, or removed when Connect can deliver again. */
export function voiceStateParams(
  tableName: string,
  w: Extract<StateWrite, { kind: 'voiceState' }>,
  outbox?: OutboxEntry,
): { Update: Params } {
  const guard = newerVoiceState(w.at);
  const names: Record<string, string> = { ...guard.names, '#voiceBlock': 'voiceBlock', '#outbox': 'outbox' };
  const values: Record<string, unknown> = { ...guard.values };
  const sets = ['#voiceBlockAt = :voiceBlockAt'];
  const removes: string[] = [];
  if (w.block) {
    values[':voiceBlock'] = w.block;
    sets.push('#voiceBlock = :voiceBlock');
  } else removes.push('#voiceBlock');
  if (outbox) {
    values[':outbox'] = outboxValue(outbox);
    sets.push('#outbox = :outbox');
  } else removes.push('#outbox');
  return {
    Update: {
      TableName: tableName,
      Key: keys.rep(w.repId),
      UpdateExpression: `SET ${sets.join(', ')} REMOVE ${removes.join(', ')}`,
      ConditionExpression: guard.expression,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}
