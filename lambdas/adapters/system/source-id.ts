import { createHash } from 'node:crypto';

/**
 * The id of the work item a channel's source id yields: a SHA-256 digest of the pair, so the same source always
 * names the same item (creating the item is then its own idempotency claim, in one write), two sources never
 * meet in practice, and a caller cannot steer a source onto another's item. 32 base64url characters (192 bits)
 * keep ids short enough for every API field that carries one.
 */
export function sourceItemId(channel: string, source: string): string {
  const digest = createHash('sha256').update(`${channel}\u0000${source}`).digest('base64url');
  return `work-${digest.slice(0, 32)}`;
}
