import { serveCommandCenter } from '../../../lambdas/command-center/server';
import { liveExtension } from '../../../lambdas/local-center/extension';

/** The local server before its router is ready, and its front page (issue #34, item 7). */
describe('the local center while it starts', () => {
  let url = '';
  let close: () => Promise<void>;
  beforeAll(async () => {
    const unused = () => {
      throw new Error('not reached before the router is ready');
    };
    const server = await serveCommandCenter(
      () => unused(),
      0,
      liveExtension({
        origin: () => url,
        router: () => undefined,
        idp: unused,
        signIn: unused,
        desktops: unused,
        softphone: async () => unused(),
        calls: async () => unused(),
      }),
    );
    url = server.url;
    close = server.close;
  });
  afterAll(() => close?.());

  it('answers API, softphone and test-call requests with 503 and Retry-After, not a 500', async () => {
    for (const path of ['/api/reps/rep-a', '/softphone/state', '/connect/calls']) {
      const res = await fetch(`${url}${path}`, { method: path === '/connect/calls' ? 'POST' : 'GET' });
      expect([path, res.status, res.headers.get('retry-after')]).toEqual([path, 503, '2']);
      expect(await res.json()).toEqual({ message: 'the local center is still starting: try again in a moment' });
    }
  });

  it("serves an index at / that links the pages and the API document, under the pages' policy", async () => {
    const res = await fetch(`${url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
    const html = await res.text();
    for (const href of ['/rep/', '/command-center/', '/openapi.json']) expect(html).toContain(`href="${href}"`);
  });
});
