import { isRegistered } from '../routing-flows';
import type { ContactCenterInput } from './schema';

/** Cross references of routing flows and transfer destination lists (semantics §9). */
export function transferProblems(cc: ContactCenterInput): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, message: string) => {
    if (!ok) problems.push(message);
  };
  const queues = new Set(cc.queues.map((q) => q.id));
  const reps = new Set(cc.reps.map((r) => r.id));
  const flowNames = new Set(cc.routingFlows.map((f) => f.name));
  const seen = new Set<string>();
  cc.routingFlows.forEach((f, i) => {
    const key = `${f.name}@${f.version}`;
    need(
      !seen.has(f.name),
      `routingFlows[${i}].name: routing flow '${f.name}' is configured twice (one version per flow)`,
    );
    seen.add(f.name);
    need(isRegistered(f.name, f.version), `routingFlows[${i}]: no routing flow ${key} is registered in the code`);
    need(queues.has(f.fallbackQueue), `routingFlows[${i}].fallbackQueue: unknown queue '${f.fallbackQueue}'`);
  });
  cc.groups.forEach((g, i) => {
    const d = g.transferDestinations;
    if (!d) return;
    const check = (list: 'all' | string[], known: Set<string>, what: string, key: string) => {
      if (list === 'all') return;
      for (const [j, id] of list.entries()) {
        need(known.has(id), `groups[${i}].transferDestinations.${key}[${j}]: unknown ${what} '${id}'`);
      }
    };
    check(d.queues, queues, 'queue', 'queues');
    check(d.reps, reps, 'rep', 'reps');
    check(d.routingFlows, flowNames, 'routing flow', 'routingFlows');
  });
  return problems;
}
