import { zodProblems } from '../input-problems';
import { type ContactCenterConfig, type ContactCenterInput, contactCenterSchema } from './schema';
import { transferProblems } from './validate-transfers';

export type ConfigValidation =
  | { readonly ok: true; readonly config: ContactCenterConfig }
  | { readonly ok: false; readonly problems: string[] };

/**
 * Validates a whole contact-center configuration (semantics §2): shape first, then every cross reference.
 * Every problem is reported at once so an engineer can fix the file in one pass.
 */
export function validateConfig(input: unknown): ConfigValidation {
  const parsed = contactCenterSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error) };
  const problems = crossReferenceProblems(parsed.data);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, config: resolveDefaults(parsed.data) };
}

function resolveDefaults(input: ContactCenterInput): ContactCenterConfig {
  const channels = input.channels.map((c) => ({
    ...c,
    interruptible: c.interruptible ?? (input.interruptibleCapacityEnabled && !c.realTime),
  }));
  return { ...input, channels };
}

function duplicates(list: string[], what: string, path: string): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  list.forEach((value, i) => {
    if (seen.has(value)) problems.push(`${path}[${i}]: duplicate ${what} id '${value}'`);
    seen.add(value);
  });
  return problems;
}

function crossReferenceProblems(cc: ContactCenterInput): string[] {
  const problems = [
    ...duplicates(
      cc.channels.map((c) => c.name),
      'channel',
      'channels',
    ),
    ...duplicates(
      cc.queues.map((q) => q.id),
      'queue',
      'queues',
    ),
    ...duplicates(
      cc.skills.map((s) => s.id),
      'skill',
      'skills',
    ),
    ...duplicates(
      cc.statuses.map((s) => s.id),
      'status',
      'statuses',
    ),
    ...duplicates(
      cc.presenceConfigs.map((p) => p.id),
      'presence configuration',
      'presenceConfigs',
    ),
    ...duplicates(
      cc.groups.map((g) => g.id),
      'group',
      'groups',
    ),
    ...connectUserProblems(cc),
    ...duplicates(
      cc.reps.map((r) => r.id),
      'rep',
      'reps',
    ),
    ...duplicates(
      cc.supervisors.map((s) => s.id),
      'supervisor',
      'supervisors',
    ),
    ...transferProblems(cc),
  ];
  const channels = new Map(cc.channels.map((c) => [c.name, c]));
  const queues = new Map(cc.queues.map((q) => [q.id, q]));
  const skills = new Set(cc.skills.map((s) => s.id));
  const statuses = new Set(cc.statuses.map((s) => s.id));
  const presence = new Map(cc.presenceConfigs.map((p) => [p.id, p]));
  const groups = new Map(cc.groups.map((g) => [g.id, g]));
  const need = (ok: boolean, message: string) => {
    if (!ok) problems.push(message);
  };

  cc.channels.forEach((c, i) => {
    need(!(c.name === 'voice' && c.interruptible), `channels[${i}].interruptible: voice cannot be interruptible`);
  });
  cc.queues.forEach((q, i) => {
    need(channels.has(q.channel), `queues[${i}].channel: unknown channel '${q.channel}'`);
    if (q.overflow) {
      need(queues.has(q.overflow.toQueue), `queues[${i}].overflow.toQueue: unknown queue '${q.overflow.toQueue}'`);
      need(q.overflow.toQueue !== q.id, `queues[${i}].overflow.toQueue: a queue cannot overflow to itself`);
    }
    need(
      !(q.channel === 'voice' && !('percentage' in q.size && q.size.percentage === 100)),
      `queues[${i}].size: voice work is 100% of primary capacity (use {"percentage": 100})`,
    );
  });
  for (const [i, s] of cc.statuses.entries()) {
    for (const [j, c] of s.channels.entries())
      need(channels.has(c), `statuses[${i}].channels[${j}]: unknown channel '${c}'`);
  }
  cc.presenceConfigs.forEach((p, i) => {
    for (const key of ['statusOnDecline', 'statusOnPushTimeout', 'statusOnWorkspaceClosed'] as const) {
      const status = p[key];
      if (status) need(statuses.has(status), `presenceConfigs[${i}].${key}: unknown status '${status}'`);
    }
  });
  for (const [i, g] of cc.groups.entries()) {
    need(
      presence.has(g.presenceConfig),
      `groups[${i}].presenceConfig: unknown presence configuration '${g.presenceConfig}'`,
    );
  }
  for (const [i, sup] of cc.supervisors.entries())
    for (const [j, g] of sup.groups.entries())
      need(groups.has(g), `supervisors[${i}].groups[${j}]: unknown group '${g}'`);
  cc.reps.forEach((r, i) => {
    const group = groups.get(r.group);
    need(!!group, `reps[${i}].group: unknown group '${r.group}'`);
    const presenceId = r.presenceConfig ?? group?.presenceConfig;
    need(
      !r.presenceConfig || presence.has(r.presenceConfig),
      `reps[${i}].presenceConfig: unknown presence configuration '${r.presenceConfig}'`,
    );
    for (const s of Object.keys(r.skills)) need(skills.has(s), `reps[${i}].skills.${s}: unknown skill '${s}'`);
    const capacity = presenceId ? presence.get(presenceId) : undefined;
    r.queues.forEach((qid, j) => {
      const q = queues.get(qid);
      need(!!q, `reps[${i}].queues[${j}]: unknown queue '${qid}'`);
      if (!q || !capacity || !('units' in q.size)) return;
      const interruptible =
        channels.get(q.channel)?.interruptible ??
        (cc.interruptibleCapacityEnabled && !channels.get(q.channel)?.realTime);
      const limit = interruptible ? (capacity.interruptibleCapacity ?? capacity.capacity) : capacity.capacity;
      need(
        q.size.units <= limit,
        `reps[${i}].queues[${j}]: queue '${qid}' work size ${q.size.units} exceeds the rep's capacity ${limit}`,
      );
    });
  });
  return problems;
}

/** Connect names the agent a call reached by user id: two reps on one user would leave that call unowned. */
function connectUserProblems(cc: ContactCenterInput): string[] {
  const owner = new Map<string, string>();
  return cc.reps.flatMap((r, i) => {
    if (!r.connectUserId) return [];
    const other = owner.get(r.connectUserId);
    owner.set(r.connectUserId, r.id);
    return other ? [`reps[${i}].connectUserId: Connect user '${r.connectUserId}' is also rep '${other}'s`] : [];
  });
}
