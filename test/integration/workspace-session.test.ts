/// <reference lib="dom" />
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { type LiveCenter, startLiveCenter } from '../../lambdas/local-center/live-center';
import { launchBrowser } from '../support/browser';
import { newPage, signInAs } from '../support/live-desk';

/**
 * Sessions that last a shift (issue #34), in real Chromium on the live local center, with access tokens that live
 * 8 seconds: the page refreshes them before they run out, so no 401 reaches it and its push channel stays live; a
 * refresh the issuer refuses ends the session with a clear sign-in; a forged `state` is refused.
 */
describe('a rep session through token refreshes', () => {
  let center: LiveCenter;
  let browser: Browser;
  let page: Page;
  const refreshes: string[] = [];
  const unauthorized: string[] = [];
  const violations: string[] = [];

  beforeAll(async () => {
    center = await startLiveCenter({
      scenarioPath: join(__dirname, '../fixtures/scenarios/live-desk.json'),
      port: 0,
      mode: { kind: 'live' },
      dynamoEndpoint: process.env.DDB_ENDPOINT,
      people: ['rep-h1', 'rep-h2'],
      tokenSeconds: 8,
    });
    browser = await launchBrowser();
    page = await newPage(browser);
    page.on('request', (r) => {
      if (r.url().endsWith('/auth/token') && r.postData()?.includes('grant_type=refresh_token'))
        refreshes.push(r.url());
    });
    page.on('response', (r) => {
      if (r.status() === 401) unauthorized.push(r.url());
    });
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
  });
  afterAll(async () => {
    await browser?.close();
    await center?.close();
  });

  const submit = async (source: string) => {
    const res = await fetch(`${center.url}/api/work`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'chat', source, queue: 'desk-chat' }),
    });
    return ((await res.json()) as { itemId: string }).itemId;
  };

  it('works for several token lifetimes with no 401, the push channel live throughout', async () => {
    await signInAs(page, `${center.url}/rep/`, /rep-h1/);
    await page.locator('select[name="status"]').selectOption('available');
    await page.getByText(/Capacity used 0 of 100/).waitFor();
    for (let round = 1; round <= 3; round++) {
      // Well past the first token's end each round: offers still arrive pushed, and commands still go through.
      await page.waitForTimeout(9_000);
      expect(await page.getByRole('status').textContent()).toBe('Live');
      const itemId = await submit(`refresh-${round}`);
      await page.locator(`article.offer[data-item="${itemId}"]`).getByRole('button', { name: 'Accept' }).click();
      const work = page.locator(`li.work[data-item="${itemId}"]`);
      await work.getByRole('button', { name: 'Complete' }).click();
      await work.getByRole('button', { name: 'End wrap-up' }).click();
      await work.waitFor({ state: 'detached' });
      expect((await center.readItem(itemId))?.state).toBe('Completed');
    }
    expect(refreshes.length).toBeGreaterThanOrEqual(3);
    // All of it under the pages' Content-Security-Policy, which refused nothing the page needed.
    const served = await fetch(`${center.url}/rep/`);
    expect(served.headers.get('content-security-policy')).toMatch(/^default-src 'none'; script-src 'self';/);
    expect(violations).toEqual([]);
    expect(unauthorized).toEqual([]);
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('asks the rep to sign in again, saying why, once the issuer refuses to refresh', async () => {
    center.endSessions('rep-h1');
    await page.getByText('Your session has ended. Sign in again to go on.').waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
  });

  it('refuses a sign-in answer whose state this tab did not send, without using its code', async () => {
    const tokenCalls: string[] = [];
    const fresh = await newPage(browser);
    fresh.on('request', (r) => {
      if (r.url().endsWith('/auth/token')) tokenCalls.push(r.url());
    });
    await fresh.goto(`${center.url}/rep/?code=stolen-code&state=forged`);
    await fresh
      .getByRole('alert')
      .filter({ hasText: /sign-in refused/ })
      .waitFor();
    await fresh.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(tokenCalls).toEqual([]);
    await fresh.close();
  });
});
