/**
 * A shift's session, long (issue #34): a rep works for ten minutes in real Chromium on the live local center with
 * access tokens that last one minute. Prints the token refreshes, any 401 the page saw, the push channel's state and
 * the work done; exits 1 if a 401 reached the page or the channel was not live. Not part of `npm test`.
 *   npx tsx scripts/validate-session.ts [minutes]      (default 10)
 */
import { join } from 'node:path';
import { startLiveCenter } from '../lambdas/local-center/live-center';
import { launchBrowser } from '../test/support/browser';
import { newPage, signInAs } from '../test/support/live-desk';

process.env.POWERTOOLS_METRICS_DISABLED = 'true';
process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';

async function main(): Promise<void> {
  const minutes = Number(process.argv[2] ?? 10);
  const center = await startLiveCenter({
    scenarioPath: join(__dirname, '../test/fixtures/scenarios/live-desk.json'),
    port: 0,
    mode: { kind: 'live' },
    people: ['rep-h1', 'rep-h2'],
    tokenSeconds: 60,
  });
  const browser = await launchBrowser();
  let refreshes = 0;
  const unauthorized: string[] = [];
  let notLive = 0;
  let done = 0;
  try {
    const page = await newPage(browser);
    page.on('request', (r) => {
      if (r.url().endsWith('/auth/token') && r.postData()?.includes('grant_type=refresh_token')) refreshes++;
    });
    page.on('response', (r) => {
      if (r.status() === 401) unauthorized.push(r.url());
    });
    await signInAs(page, `${center.url}/rep/`, /rep-h1/);
    await page.locator('select[name="status"]').selectOption('available');
    const until = Date.now() + minutes * 60_000;
    while (Date.now() < until) {
      await page.waitForTimeout(20_000);
      if ((await page.getByRole('status').textContent()) !== 'Live') notLive++;
      const res = await fetch(`${center.url}/api/work`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ channel: 'chat', source: `long-${done}`, queue: 'desk-chat' }),
      });
      const { itemId } = (await res.json()) as { itemId: string };
      await page.locator(`article.offer[data-item="${itemId}"]`).getByRole('button', { name: 'Accept' }).click();
      const work = page.locator(`li.work[data-item="${itemId}"]`);
      await work.getByRole('button', { name: 'Complete' }).click();
      await work.getByRole('button', { name: 'End wrap-up' }).click();
      await work.waitFor({ state: 'detached' });
      done++;
    }
  } finally {
    await browser.close();
    await center.close();
  }
  const ok = unauthorized.length === 0 && notLive === 0 && refreshes >= minutes - 1;
  console.log(JSON.stringify({ minutes, tokenSeconds: 60, refreshes, unauthorized, notLive, itemsWorked: done, ok }));
  process.exitCode = ok ? 0 : 1;
}

void main();
