import { createHash } from 'node:crypto';

/** The sources a page may reach besides its own origin: the API, the push channel, the issuer, the CCP. */
export interface PageOrigins {
  /** fetch and WebSocket targets (the HTTP API, the push channel, the issuer's token endpoint). */
  readonly connect: readonly string[];
  /** Frames the page embeds (the instance's CCP), if any. */
  readonly frames?: readonly string[];
}

/** The CSP hash source of every inline `<style>` of a page (the build inlines the shared stylesheet). */
export function styleHashes(html: string): string[] {
  return [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`,
  );
}

/**
 * The pages' Content-Security-Policy: scripts only from their own origin (no inline script, no eval), their one
 * inline stylesheet by its hash, network calls only to the stack's own API, push channel and sign-in, frames only
 * from the CCP, and no framing of the pages themselves. The bearer token in sessionStorage is then out of reach of
 * any script the pages did not ship.
 */
export function contentSecurityPolicy(origins: PageOrigins, styles: readonly string[]): string {
  const unique = (xs: readonly string[]) => [...new Set(xs)].join(' ');
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' ${unique(styles)}`,
    "img-src 'self' data:",
    `connect-src 'self' ${unique(origins.connect)}`,
    ...(origins.frames?.length ? [`frame-src ${unique(origins.frames)}`] : []),
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** An endpoint's origin (`https://host`), the unit a CSP source names; tokens (unresolved at synth) pass as is. */
export const originOf = (url: string) => /^\w+:\/\/[^/]+/.exec(url)?.[0] ?? url;
