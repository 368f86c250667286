/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import type { LiveCenter } from '../../lambdas/local-center/live-center';
import { seriousViolations } from '../support/axe';
import { liveDesk, newPage, signInAs, tokenOf } from '../support/live-desk';

/**
 * A supervisor runs the shift from the Command Center, in real Chromium, against the live local center: live
 * queues and reps, a rep's status changed, a waiting item understood and assigned; the rep's workspace shows both.
 */
describe('Command Center: a supervisor sees, understands why, and acts', () => {
  let center: LiveCenter;
  let close: () => Promise<void>;
  let supervisor: Page;
  let rep: Page;

  beforeAll(async () => {
    const desk = await liveDesk();
    ({ center, close } = desk);
    rep = await newPage(desk.browser);
    supervisor = await newPage(desk.browser);
  });
  afterAll(() => close?.());

  it("changes a rep's status and assigns a waiting item; the rep's workspace shows it", async () => {
    await signInAs(rep, `${center.url}/rep/`, /rep-h1/);
    await rep.locator('select[name="status"]').selectOption('available');
    await rep.getByText(/Capacity used 0 of 100/).waitFor();

    await signInAs(supervisor, `${center.url}/command-center/`, /sup-1/);
    await supervisor.locator('tr[data-queue="desk-chat"]').waitFor();
    expect(await supervisor.locator('tr[data-rep]').count()).toBe(4);
    // The simulated center is live on the page: bots' email work is offered without a reload.
    await supervisor.waitForFunction(
      () => Number(document.querySelector('tr[data-queue="bot-email"] td.offered')?.textContent) > 0,
    );

    await supervisor.locator('select[name="status-rep-h1"]').selectOption('break');
    await rep.waitForFunction(
      () => (document.querySelector('select[name="status"]') as HTMLSelectElement).value === 'break',
    );
    await supervisor.locator('select[name="status-rep-h1"]').selectOption('available');
    await rep.waitForFunction(
      () => (document.querySelector('select[name="status"]') as HTMLSelectElement).value === 'available',
    );

    // Work for rep-h2 only, who is not logged in: it waits, and the backlog says why.
    const submitted = await fetch(`${center.url}/api/work`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        channel: 'chat',
        source: 'vip-1',
        queue: 'desk-chat',
        preferredRep: { repId: 'rep-h2', required: true },
        attributes: { customer: 'Grace' },
      }),
    });
    const { itemId } = (await submitted.json()) as { itemId: string };
    await supervisor.waitForFunction(
      () => document.querySelector('tr[data-queue="desk-chat"] td.waiting')?.textContent === '1',
    );
    await supervisor.locator('tr[data-queue="desk-chat"]').getByRole('button', { name: 'Backlog' }).click();
    const entry = supervisor.locator(`li.backlog-item[data-item="${itemId}"]`);
    await entry.waitFor();
    expect(await entry.locator('.why').textContent()).toMatch(/^no eligible rep: /);
    expect(await entry.textContent()).toContain('for rep-h2');

    // A rep's token cannot act as a supervisor, and changes nothing.
    const before = await center.readItem(itemId);
    const refused = await fetch(`${center.url}/api/supervisor/items/${itemId}/assign`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await tokenOf(center, 'rep-h1')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ repId: 'rep-h1' }),
    });
    expect(refused.status).toBe(403);
    expect(await center.readItem(itemId)).toEqual(before);

    await entry.locator('select[name="assign"]').selectOption('rep-h1');
    const card = rep.locator(`article.offer[data-item="${itemId}"]`);
    await card.waitFor();
    // Assigned by a supervisor: no decline, like a transfer to the rep.
    expect(await card.getByRole('button', { name: 'Decline' }).count()).toBe(0);
    expect(await card.locator('dd').textContent()).toBe('Grace');
    expect((await center.readItem(itemId))?.reservation?.repId).toBe('rep-h1');
  });

  it('reads at a glance: figures against targets in colour and words, trends, reps by status, an alert', async () => {
    // Still signed in from the test before: the same page, the center live.
    const q = supervisor.locator('tr[data-queue="desk-chat"]');
    // The longest wait is judged against the queue's limit (120 s by default) in words, not colour alone.
    await q.locator('td.health .state').first().waitFor();
    expect(await q.locator('td.health .state').first().textContent()).toMatch(/^(ok|warning|breach)$/);
    expect(await q.locator('svg.trend').getAttribute('aria-label')).toBe('trend of Desk chat in the last 15 minutes');
    // Reps counted by status: the two people logged in as they are, the bots, the rest offline.
    const chips = supervisor.locator('ul.by-state li');
    expect(await chips.count()).toBeGreaterThan(0);
    expect((await chips.allTextContents()).join(' ')).toMatch(/\d/);
    // Either every queue is within its targets, or an alert names each breach.
    const alert = supervisor.locator('.alert[role="alert"]');
    const ok = supervisor.locator('p.all-ok');
    expect((await alert.count()) + (await ok.count())).toBe(1);
  });

  it('passes axe-core WCAG 2.1 AA, no serious or critical violation: queues, backlog, reps; the desk', async () => {
    expect(await seriousViolations(supervisor)).toEqual([]);
    expect(await seriousViolations(rep)).toEqual([]);
  });
});
