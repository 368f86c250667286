import { CompiledConfig } from '../../lambdas/domain/config/compiled-config';
import { validateConfig } from '../../lambdas/domain/config/validate-config';
import { checkInvariants } from '../../lambdas/domain/routing/invariants';
import type { Harness } from './harness';

export const compiled = (center: unknown) => {
  const v = validateConfig(center);
  if (!v.ok) throw new Error(v.problems.join('; '));
  return new CompiledConfig(v.config);
};

/**
 * What recovery gives time to: due timers fire (at-least-once delivery), then the sweeper runs. Three rounds:
 * a repair the sweeper makes only after its grace period (a lost callback-due timer) still settles.
 */
export async function settle(h: Harness): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await h.advance(5 * 60_000);
    await h.router.sweep();
    await h.drain();
  }
}

export const noViolations = { capacityViolations: 0, doubleOffers: 0, lostWorkItems: 0, capacityLeaks: 0, details: [] };

/**
 * The end state that matters, read from the table and independent of generated ids: each item's state and
 * holder (by source), each rep's accounts, and the §1 invariant report.
 */
export async function endState(h: Harness, config: CompiledConfig, submitted?: Iterable<string>) {
  const { items, reps, isWaiting } = await h.snapshot();
  return {
    report: checkInvariants({ items, reps, config, isWaiting, submitted }),
    items: Object.fromEntries(
      items.map((i) => [i.source, `${i.state}${i.reservation ? `@${i.reservation.repId}` : ''}`]),
    ),
    reps: Object.fromEntries(
      reps.map((r) => [r.repId, { used: r.used, active: r.activeItems, status: r.statusId ?? 'loggedOut' }]),
    ),
  };
}
