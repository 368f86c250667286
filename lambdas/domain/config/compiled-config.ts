import { ForbiddenError, InvalidInputError, NotFoundError } from '../errors';
import { AVAILABILITY_ORDERS, type AvailabilityOrder } from '../routing/availability';
import type { SkillRequirement } from '../routing/work-item';
import { CONNECT_AGENT_DEFAULTS } from './connect-agent-defaults';
import type {
  ChannelConfig,
  ConnectAgentsConfig,
  ContactCenterConfig,
  PresenceConfig,
  QueueConfig,
  RepConfig,
  StatusConfig,
  SupervisorConfig,
} from './schema';

/**
 * A configuration as stored: while a change is under way (configure.ts), the availability orders writers keep
 * besides those it reads, so that routers still on the previous configuration, or already on the next, find theirs
 * exact. Never in a configuration file (the schema is strict).
 */
export interface StoredConfig extends ContactCenterConfig {
  readonly keptOrders?: readonly AvailabilityOrder[];
}

/**
 * The availability orders a configuration reads (semantics §13): most free primary capacity always (MostAvailable,
 * and whole-group reads); most free interruptible capacity only if work can use that pool; fewest active items
 * only if a queue routes LeastActive. An order nothing reads is not kept: each kept order costs an index write on
 * every offer and release.
 */
export function ordersRead(raw: ContactCenterConfig): AvailabilityOrder[] {
  const reads: Record<AvailabilityOrder, boolean> = {
    free: true,
    interruptibleFree: usesInterruptiblePool(raw),
    active: raw.queues.some((q) => q.routingModel === 'LeastActive'),
  };
  return AVAILABILITY_ORDERS.filter((o) => reads[o]);
}

const usesInterruptiblePool = (raw: ContactCenterConfig) =>
  raw.interruptibleCapacityEnabled || raw.channels.some((c) => c.interruptible);

/** A rep's configuration joined with its effective presence configuration. */
export interface RepProfile extends RepConfig {
  readonly presence: PresenceConfig & { readonly interruptibleCapacity: number };
}

/** Lookups over a validated configuration, built once per configuration revision. */
export class CompiledConfig {
  readonly channels: ReadonlyMap<string, ChannelConfig>;
  readonly queues: ReadonlyMap<string, QueueConfig>;
  readonly statuses: ReadonlyMap<string, StatusConfig>;
  readonly reps: ReadonlyMap<string, RepProfile>;
  private readonly groupsByQueue = new Map<string, string[]>();
  private readonly repsByConnectUser: ReadonlyMap<string, string>;
  /** Whether any work can use the interruptible pool; otherwise a rep has one pool (semantics §4). */
  readonly usesInterruptiblePool: boolean;
  /** The largest capacity any rep has in each pool: work bigger than this could never be offered. */
  readonly largestCapacity: Readonly<Record<'primary' | 'interruptible', number>>;
  /** The availability orders rep writes keep: those this configuration reads, and any a change under way keeps. */
  readonly availabilityOrders: readonly AvailabilityOrder[];

  constructor(readonly raw: StoredConfig) {
    this.usesInterruptiblePool = usesInterruptiblePool(raw);
    const read = ordersRead(raw);
    this.availabilityOrders = AVAILABILITY_ORDERS.filter((o) => read.includes(o) || raw.keptOrders?.includes(o));
    this.channels = new Map(raw.channels.map((c) => [c.name, c]));
    this.queues = new Map(raw.queues.map((q) => [q.id, q]));
    this.statuses = new Map(raw.statuses.map((s) => [s.id, s]));
    const presence = new Map(raw.presenceConfigs.map((p) => [p.id, p]));
    const groups = new Map(raw.groups.map((g) => [g.id, g]));
    this.reps = new Map(
      raw.reps.map((r) => {
        const p = presence.get(r.presenceConfig ?? groups.get(r.group)!.presenceConfig)!;
        return [r.id, { ...r, presence: { ...p, interruptibleCapacity: p.interruptibleCapacity ?? p.capacity } }];
      }),
    );
    const profiles = [...this.reps.values()];
    this.repsByConnectUser = new Map(raw.reps.flatMap((r) => (r.connectUserId ? [[r.connectUserId, r.id]] : [])));
    this.largestCapacity = {
      primary: Math.max(0, ...profiles.map((r) => r.presence.capacity)),
      interruptible: Math.max(0, ...profiles.map((r) => r.presence.interruptibleCapacity)),
    };
    for (const rep of raw.reps) {
      for (const q of rep.queues) {
        const list = this.groupsByQueue.get(q) ?? [];
        if (!list.includes(rep.group)) list.push(rep.group);
        this.groupsByQueue.set(q, list);
      }
    }
  }

  queue(id: string, field = 'queue'): QueueConfig {
    const q = this.queues.get(id);
    if (!q) throw new NotFoundError(field, `unknown queue '${id}'`);
    return q;
  }

  channel(name: string, field = 'channel'): ChannelConfig {
    const c = this.channels.get(name);
    if (!c) throw new NotFoundError(field, `unknown channel '${name}'`);
    return c;
  }

  rep(id: string, field = 'repId'): RepProfile {
    const r = this.reps.get(id);
    if (!r) throw new NotFoundError(field, `unknown rep '${id}'`);
    return r;
  }

  /** How agent state is kept in step with Connect; a configuration stored before this was kept has the defaults. */
  get connectAgents(): ConnectAgentsConfig {
    return { ...CONNECT_AGENT_DEFAULTS, ...this.raw.connect };
  }

  /** The rep whose Connect user this is (Connect names agents by user id); undefined for a user not routed here. */
  repForConnectUser(connectUserId: string): string | undefined {
    return this.repsByConnectUser.get(connectUserId);
  }

  /** A configured supervisor; an unknown one may not act (a token alone does not make someone a supervisor here). */
  supervisor(id: string | undefined): SupervisorConfig {
    const s = this.raw.supervisors.find((x) => x.id === id);
    if (!s) throw new ForbiddenError(`'${id ?? ''}' is not a supervisor of this contact center`);
    return s;
  }

  status(id: string, field = 'statusId'): StatusConfig {
    const s = this.statuses.get(id);
    if (!s) throw new NotFoundError(field, `unknown status '${id}'`);
    return s;
  }

  /** Groups that have at least one rep serving the queue. */
  groupsServing(queueId: string): readonly string[] {
    return this.groupsByQueue.get(queueId) ?? [];
  }

  /** Groups with at least one rep meeting every required (not additional) skill requirement. */
  groupsWithSkills(requirements: readonly SkillRequirement[]): readonly string[] {
    const required = requirements.filter((r) => !r.additional);
    const groups = new Set<string>();
    for (const rep of this.reps.values()) {
      if (required.every((r) => (rep.skills[r.skill] ?? 0) >= r.minLevel)) groups.add(rep.group);
    }
    return [...groups];
  }

  /** Queues whose channel the given status channels allow. */
  queuesForChannels(channels: readonly string[]): QueueConfig[] {
    return this.raw.queues.filter((q) => channels.includes(q.channel));
  }

  assertSkills(requirements: readonly SkillRequirement[], field: string): void {
    const known = new Set(this.raw.skills.map((s) => s.id));
    requirements.forEach((r, i) => {
      if (!known.has(r.skill)) throw new NotFoundError(`${field}[${i}].skill`, `unknown skill '${r.skill}'`);
      if (r.additional && r.dropAfterSeconds === undefined) {
        throw new InvalidInputError(`${field}[${i}].dropAfterSeconds`, 'an additional skill needs dropAfterSeconds');
      }
    });
  }
}
