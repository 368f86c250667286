import { hash32, RING_WINDOW, ringDistance } from '../../lambdas/domain/routing/availability';

/**
 * Who wins a tie on score and idle second for this item (semantics §6), written out from the rule: the
 * RING_WINDOW reps nearest round the ring from the item (then lowest id), and of those the highest hash of item
 * and rep (then lowest id).
 */
export function tieWinner(itemId: string, repIds: readonly string[]): string {
  const byId = (a: string, b: string) => (a < b ? -1 : 1);
  const near = [...repIds]
    .sort((a, b) => ringDistance(itemId, a) - ringDistance(itemId, b) || byId(a, b))
    .slice(0, RING_WINDOW);
  const rank = (r: string) => hash32(`${itemId}\u0000${r}`);
  return near.sort((a, b) => rank(b) - rank(a) || byId(a, b))[0]!;
}
