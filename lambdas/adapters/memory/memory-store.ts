import type { StoredConfig } from '../../domain/config/compiled-config';
import { ConflictError } from '../../domain/errors';
import type { ConfigStore, Page, RoutingStore, StateWrite, WaitPartition } from '../../domain/ports';
import { waitPartition } from '../../domain/routing/ordering';
import type { OutboxEntry } from '../../domain/routing/outbox';
import { isRoutable, POOLS, type RepChange, type RepState } from '../../domain/routing/rep';
import { HOLDING_STATES, type WorkItem } from '../../domain/routing/work-item';

const partitionKey = (p: WaitPartition) =>
  p.kind === 'rep' ? `R#${p.repId}` : p.kind === 'scheduled' ? 'scheduled' : `${p.kind}#${p.queueId}`;

/**
 * The routing store in process memory, for big what-if simulations. Same contract as the DynamoDB store
 * (test/integration/store-contract.test.ts runs against both): every guard of a commit is checked before
 * any write is applied, so a commit is all or nothing.
 */
export class MemoryRoutingStore implements RoutingStore, ConfigStore {
  private readonly items = new Map<string, { item: WorkItem; rank?: string }>();
  private readonly reps = new Map<string, RepState>();
  private readonly sources = new Map<string, string>();
  /** The in-memory counterparts of the sparse indexes: waiting items per list (with rank), held items per rep. */
  private readonly waiting = new Map<string, Map<string, string>>();
  private readonly held = new Map<string, Set<string>>();
  private config?: StoredConfig;

  async loadConfig() {
    return this.config ? structuredClone(this.config) : undefined;
  }
  async saveConfig(config: StoredConfig) {
    this.config = structuredClone(config);
  }
  async getItem(itemId: string) {
    const row = this.items.get(itemId);
    return row ? structuredClone(row.item) : undefined;
  }
  async getRep(repId: string) {
    const rep = this.reps.get(repId);
    return rep ? structuredClone(rep) : undefined;
  }
  async itemIdForSource(channel: string, source: string) {
    return this.sources.get(`${channel}#${source}`);
  }

  async waitingItems(partition: WaitPartition, limit: number, cursor?: string): Promise<Page<WorkItem>> {
    const ranked = [...(this.waiting.get(partitionKey(partition)) ?? [])]
      .filter(([, rank]) => !cursor || rank > cursor)
      .sort((a, b) => (a[1] < b[1] ? -1 : 1));
    const page = ranked.slice(0, limit);
    return {
      items: page.map(([id]) => structuredClone(this.items.get(id)!.item)),
      cursor: ranked.length > limit ? page.at(-1)![1] : undefined,
    };
  }

  async availableReps(groupId: string) {
    return [...this.reps.values()].filter((r) => r.groupId === groupId && isRoutable(r)).map((r) => structuredClone(r));
  }

  async heldItems(repId: string) {
    return [...(this.held.get(repId) ?? [])].map((id) => structuredClone(this.items.get(id)!.item));
  }

  /** Whether an item is in a waiting list (queued, or a scheduled callback), as the DynamoDB index would say. */
  isWaiting(item: WorkItem): boolean {
    return [...this.waiting.values()].some((list) => list.has(item.id));
  }

  /** Every item and rep, for reports and invariant checks (never used by routing). */
  snapshot() {
    return { items: [...this.items.values()].map((r) => r.item), reps: [...this.reps.values()] };
  }

  /** Committed outbox entries not yet taken: the memory store's stream, in commit order. */
  private readonly stream: OutboxEntry[] = [];

  /**
   * `keepOutbox`: keep committed outbox entries for `takeOutbox` (a run that delivers from the outbox). Without a
   * reader they would only pile up, so a store whose router delivers inline keeps none.
   */
  constructor(private readonly options: { readonly keepOutbox?: boolean } = {}) {}

  /** What the stream holds now, taken (the in-process dispatcher's read, as a stream consumer's). */
  takeOutbox(): OutboxEntry[] {
    return this.stream.splice(0, this.stream.length);
  }

  async commit(writes: readonly StateWrite[], outbox?: OutboxEntry): Promise<void> {
    const failed = writes.flatMap((w, i) => (this.guardHolds(w) ? [] : [i]));
    if (failed.length) throw new ConflictError('condition failed', { failedWrites: failed });
    if (outbox && this.options.keepOutbox) this.stream.push(structuredClone(outbox));
    for (const w of writes) {
      if (w.kind === 'rep') this.applyRep(w.change);
      else if (w.kind === 'claimSource') this.sources.set(`${w.channel}#${w.source}`, w.itemId);
      else if (w.kind === 'voiceState') {
        const { voiceBlock: _, ...rep } = this.reps.get(w.repId)!;
        this.reps.set(w.repId, { ...rep, voiceBlockAt: w.at, ...(w.block ? { voiceBlock: w.block } : {}) });
      } else {
        if (w.kind === 'createItem') this.sources.set(`${w.item.channel}#${w.item.source}`, w.item.id);
        const previous = this.items.get(w.item.id)?.item;
        if (previous) this.unindex(previous);
        this.items.set(w.item.id, { item: structuredClone(w.item), rank: w.rank });
        this.index(w.item, w.rank);
      }
    }
  }

  private index(item: WorkItem, rank: string | undefined): void {
    if ((item.state === 'Queued' || item.state === 'Scheduled') && rank !== undefined) {
      const key = partitionKey(waitPartition(item));
      this.waiting.set(key, (this.waiting.get(key) ?? new Map()).set(item.id, rank));
    }
    const holder = HOLDING_STATES.has(item.state) ? item.reservation?.repId : undefined;
    if (holder) this.held.set(holder, (this.held.get(holder) ?? new Set()).add(item.id));
  }

  private unindex(item: WorkItem): void {
    this.waiting.get(partitionKey(waitPartition(item)))?.delete(item.id);
    if (item.reservation) this.held.get(item.reservation.repId)?.delete(item.id);
  }

  private guardHolds(w: StateWrite): boolean {
    switch (w.kind) {
      case 'claimSource':
        return !this.sources.has(`${w.channel}#${w.source}`);
      case 'createItem':
        return !this.items.has(w.item.id) && !this.sources.has(`${w.item.channel}#${w.item.source}`);
      case 'updateItem':
        return this.items.get(w.item.id)?.item.version === w.expectedVersion;
      case 'rep':
        return this.repGuardHolds(w.change);
      case 'voiceState': {
        const rep = this.reps.get(w.repId);
        return rep !== undefined && (rep.voiceBlockAt === undefined || rep.voiceBlockAt <= w.at);
      }
    }
  }

  private repGuardHolds(c: RepChange): boolean {
    const rep = this.reps.get(c.repId);
    if (c.expectedPresenceVersion === 0 && c.create) return !rep;
    if (!rep) return false;
    if (c.expectedPresenceVersion !== undefined && rep.presenceVersion !== c.expectedPresenceVersion) return false;
    if (c.requireVoiceReachable && rep.voiceBlock !== undefined) return false;
    return POOLS.every((pool) => {
      const p = c.pools[pool];
      return (
        !p ||
        ((p.maxBefore === undefined || rep.used[pool] <= p.maxBefore) &&
          (p.minBefore === undefined || rep.used[pool] >= p.minBefore))
      );
    });
  }

  private applyRep(c: RepChange): void {
    if (c.expectedPresenceVersion === 0 && c.create) {
      this.reps.set(c.repId, structuredClone(c.create));
      return;
    }
    const rep = this.reps.get(c.repId)!;
    const used = { ...rep.used };
    for (const pool of POOLS) used[pool] += c.pools[pool]?.delta ?? 0;
    let next: RepState = {
      ...rep,
      used,
      activeItems: rep.activeItems + c.activeDelta,
      lastOfferAt: c.lastOfferAt ?? rep.lastOfferAt,
    };
    if (c.presence)
      next = { ...next, ...structuredClone(c.presence), presenceVersion: (c.expectedPresenceVersion ?? 0) + 1 };
    this.reps.set(c.repId, next);
  }
}
