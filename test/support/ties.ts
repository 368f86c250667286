import { ringDistance } from '../../lambdas/domain/routing/availability';

/** Who wins a tie on score and idle second for this item (semantics §6): nearest round the ring, then lowest id. */
export function tieWinner(itemId: string, repIds: readonly string[]): string {
  return [...repIds].sort((a, b) => ringDistance(itemId, a) - ringDistance(itemId, b) || (a < b ? -1 : 1))[0]!;
}
