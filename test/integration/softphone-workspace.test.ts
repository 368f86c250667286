/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import type { LiveCenter } from '../../lambdas/local-center/live-center';
import { liveDesk, newPage, signInAs, tokenOf, VOICE_SCENARIO } from '../support/live-desk';

/**
 * A person answers calls in the live workspace's softphone stand-in, in real Chromium, while the live local center
 * runs voice through the Connect emulator with the deployed hand-off, contact-event and agent-event handlers.
 */
describe('the softphone in the live workspace (semantics §8)', () => {
  let center: LiveCenter;
  let close: () => Promise<void>;
  let page: Page;

  beforeAll(async () => {
    const desk = await liveDesk(VOICE_SCENARIO);
    ({ center, close } = desk);
    page = await newPage(desk.browser);
  });
  afterAll(() => close?.());

  const softphone = () => page.locator('section.softphone-panel');
  const call = () => softphone().locator('.call');

  it('rings, is answered, leaves room for a chat, wraps up after the hang-up, then rings again', async () => {
    await signInAs(page, `${center.url}/rep/`, /rep-h1/);
    await softphone().getByText('Signed out of the softphone').waitFor();
    await softphone().getByRole('button', { name: 'Sign in to the softphone' }).click();
    await page.locator('select[name="status"]').selectOption('available');
    // The router set the agent's Connect status from its own (PutUserStatus).
    await softphone().locator('.connect-status', { hasText: 'Available' }).waitFor();

    const first = await center.placeCall('desk-voice', '+15550100001');
    await call().getByText('Incoming call').waitFor();
    expect(await call().textContent()).toContain('+15550100001');
    // The router's offer of the same call names the softphone, not the router's buttons.
    const offer = page.locator(`article.offer[data-item="${first.itemId}"]`);
    await offer.waitFor();
    expect(await offer.getByRole('button', { name: 'Accept' }).count()).toBe(0);
    // The router cannot be asked to accept a call: Connect decides.
    const refused = await fetch(`${center.url}/api/items/${first.itemId}/accept`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await tokenOf(center, 'rep-h1')}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(refused.status).toBe(409);

    await call().getByRole('button', { name: 'Answer' }).click();
    await call().getByText('On a call').waitFor();
    const work = page.locator(`li.work[data-item="${first.itemId}"]`);
    await work.locator('.state', { hasText: 'Assigned' }).waitFor();
    // The call takes the whole primary pool; chat is interruptible here, so one still fits beside the call.
    await page.getByText(/Capacity used 100 of 100/).waitFor();
    const chat = await fetch(`${center.url}/api/work`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'chat', source: 'web-during-call', queue: 'desk-chat' }),
    });
    const chatItem = ((await chat.json()) as { itemId: string }).itemId;
    const chatOffer = page.locator(`article.offer[data-item="${chatItem}"]`);
    await chatOffer.waitFor();
    await chatOffer.getByRole('button', { name: 'Accept' }).click();
    await page.locator(`li.work[data-item="${chatItem}"] .state`, { hasText: 'Assigned' }).waitFor();

    await call().getByRole('button', { name: 'Hold' }).click();
    await call().getByText('Call on hold').waitFor();
    await call().getByRole('button', { name: 'Resume' }).click();
    await call().getByText('On a call').waitFor();

    center.hangUpCaller(first.contactId);
    await call().getByText('After-contact work').waitFor();
    await work.locator('.state', { hasText: 'WrapUp' }).waitFor();
    expect(await work.textContent()).toContain('After-contact work in your softphone');
    await call().getByRole('button', { name: 'Close contact' }).click();
    await work.waitFor({ state: 'detached' });
    expect((await center.readItem(first.itemId))?.state).toBe('Completed');
    await softphone().locator('.connect-status', { hasText: 'Available' }).waitFor();

    // The next call rings for the same rep: nothing of the first is left on either side.
    const second = await center.placeCall('desk-voice', '+15550100002');
    await call().getByText('Incoming call').waitFor();
    expect(await call().textContent()).toContain('+15550100002');
    expect((await center.readItem(second.itemId))?.reservation?.repId).toBe('rep-h1');
  });

  it('deployed, the workspace embeds the CCP with amazon-connect-streams instead of the stand-in', async () => {
    const deployed = await newPage(page.context().browser()!);
    // The config.json a deploy with -c ccpUrl writes; the CCP itself needs a real instance, so its frame stays empty.
    await deployed.route('**/rep/config.json', async (route) => {
      const local = await (await route.fetch()).json();
      const ccpUrl = 'http://127.0.0.1:9/ccp-v2/';
      await route.fulfill({ json: { ...local, softphone: { kind: 'ccp', ccpUrl, region: 'eu-west-2' } } });
    });
    await signInAs(deployed, `${center.url}/rep/`, /rep-h2/);
    const frame = deployed.locator('section.softphone-panel .ccp iframe');
    await frame.waitFor({ state: 'attached' });
    expect(await frame.getAttribute('src')).toMatch(/^http:\/\/127\.0\.0\.1:9\/ccp-v2\//);
    // The CCP has its own controls: the panel offers no stand-in buttons.
    expect(await deployed.locator('section.softphone-panel button').count()).toBe(0);
    await deployed.close();
  });
});
