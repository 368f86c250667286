import { createHash } from 'node:crypto';
import { withPolicy } from '../../../lib/constructs/rep-workspace-hosting';
import { buildPage } from '../../../web/build';
import { contentSecurityPolicy, originOf, styleHashes } from '../../../web/csp';

describe("the pages' Content-Security-Policy", () => {
  const page = buildPage('rep-workspace')['index.html'];

  it('allows the inline stylesheet by its hash, and no inline script at all', () => {
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)![1]!;
    expect(styleHashes(page)).toEqual([`'sha256-${createHash('sha256').update(style).digest('base64')}'`]);
    expect(page).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('names only the given origins for network calls and frames', () => {
    const csp = contentSecurityPolicy(
      { connect: ['https://api.example', 'wss://push.example/live'], frames: ['https://acme.my.connect.aws'] },
      ["'sha256-abc'"],
    );
    expect(csp).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self' 'sha256-abc'; img-src 'self' data:; " +
        "connect-src 'self' https://api.example wss://push.example/live; frame-src https://acme.my.connect.aws; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'",
    );
    expect(originOf('https://acme.my.connect.aws/ccp-v2/')).toBe('https://acme.my.connect.aws');
  });

  it('puts the deployed policy first in the head, before the stylesheet and the script it governs', () => {
    const html = withPolicy(page, "default-src 'none'");
    expect(html.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(html.indexOf('<style>'));
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'">`);
  });
});
