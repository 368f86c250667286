/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import type { LiveCenter } from '../../lambdas/local-center/live-center';
import { seriousViolations } from '../support/axe';
import { liveDesk, newPage, signInAs, tokenOf } from '../support/live-desk';

/**
 * A person works a shift in the rep workspace, in real Chromium, against the live local center (DynamoDB Local,
 * the deployed HTTP handler code, the push channel) while simulated reps work email beside them.
 */
describe('rep workspace in the live local center', () => {
  let center: LiveCenter;
  let close: () => Promise<void>;
  let page: Page;
  const repReads: string[] = [];

  beforeAll(async () => {
    const desk = await liveDesk();
    ({ center, close } = desk);
    page = await newPage(desk.browser);
    // Offers must arrive pushed: the page's reads of the rep's state are recorded to prove it never polls.
    page.on('request', (r) => {
      if (r.method() === 'GET' && /\/api\/reps\/[^/]+$/.test(new URL(r.url()).pathname)) repReads.push(r.url());
    });
  });
  afterAll(() => close?.());

  const submit = async (source: string) => {
    const res = await fetch(`${center.url}/api/work`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        channel: 'chat',
        source,
        queue: 'desk-chat',
        attributes: { customer: `Customer ${source}` },
      }),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { itemId: string }).itemId;
  };
  const offerCard = (itemId: string) => page.locator(`article.offer[data-item="${itemId}"]`);

  it('signs in, declines an offer with a reason, accepts the next, wraps up and completes', async () => {
    await signInAs(page, `${center.url}/rep/`, /rep-h1/);
    await page.locator('.who', { hasText: 'rep-h1' }).waitFor();
    await page.locator('select[name="status"]').selectOption('available');
    await page.getByText(/Capacity used 0 of 100/).waitFor();

    const first = await submit('web-1');
    await offerCard(first).waitFor();
    expect(await offerCard(first).getByRole('timer').textContent()).toMatch(/\d+s left/);
    expect(await offerCard(first).locator('dd').textContent()).toBe('Customer web-1');
    // The configuration asks for a reason: Decline waits for one.
    expect(await offerCard(first).getByRole('button', { name: 'Decline' }).isDisabled()).toBe(true);

    // Another rep's token cannot take this offer, and the item is left as it was.
    const before = await center.readItem(first);
    const stolen = await fetch(`${center.url}/api/items/${first}/accept`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await tokenOf(center, 'rep-h2')}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(stolen.status).toBe(403);
    expect(await stolen.json()).toMatchObject({ reason: `item ${first} is not offered to or held by rep-h2` });
    expect(await center.readItem(first)).toEqual(before);

    await offerCard(first).locator('select[name="reason"]').selectOption('Not my area');
    await offerCard(first).getByRole('button', { name: 'Decline' }).click();
    await offerCard(first).waitFor({ state: 'detached' });
    expect((await center.readItem(first))?.state).toBe('Queued');

    const second = await submit('web-2');
    await offerCard(second).waitFor();
    // Focus is on Accept when an offer arrives: the keyboard answers it.
    await page.keyboard.press('Enter');
    const work = page.locator(`li.work[data-item="${second}"]`);
    await work.locator('.state', { hasText: 'Assigned' }).waitFor();
    // The transfer list is searchable: only matching destinations are offered.
    await work.getByRole('button', { name: 'Transfer…' }).click();
    // Active work with its transfer panel open passes axe-core's WCAG 2.1 AA rules (no serious or critical).
    expect(await seriousViolations(page)).toEqual([]);
    await work.getByRole('searchbox', { name: 'Search destinations' }).fill('hugo');
    await page.waitForFunction(() => document.querySelectorAll('.transfer li').length === 1);
    expect(await work.locator('.transfer li').textContent()).toContain('Hugo');
    await work.getByRole('button', { name: 'Transfer…' }).click();
    await work.getByRole('button', { name: 'Complete' }).click();
    await work.locator('.state', { hasText: 'WrapUp' }).waitFor();
    await work.getByRole('button', { name: 'End wrap-up' }).click();
    await work.waitFor({ state: 'detached' });
    await page.getByText('Nothing in progress.').waitFor();
    expect((await center.readItem(second))?.state).toBe('Completed');
    expect(repReads).toEqual([]);

    // The API the page uses is described, served beside it.
    expect(((await (await fetch(`${center.url}/openapi.json`)).json()) as { openapi: string }).openapi).toBe('3.1.0');
    // The simulated center ran beside the person the whole time.
    const state = (await (await fetch(`${center.url}/api/state`)).json()) as {
      queues: { id: string; accepted: number }[];
    };
    expect(state.queues.find((q) => q.id === 'bot-email')?.accepted).toBeGreaterThan(0);
  });
});
