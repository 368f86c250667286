import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { type LiveCenter, startLiveCenter } from '../../lambdas/local-center/live-center';
import { launchBrowser } from './browser';

const SCENARIO = join(__dirname, '../fixtures/scenarios/live-desk.json');
/** The same desk with a voice queue: people answer calls in the softphone stand-in. */
export const VOICE_SCENARIO = join(__dirname, '../fixtures/scenarios/live-voice.json');

/**
 * The live local center on the live-desk scenario (people play rep-h1 and rep-h2 on desk-chat while bots work
 * email), on the tier's DynamoDB Local, with a headless Chromium for its pages.
 */
export async function liveDesk(
  scenario = SCENARIO,
): Promise<{ center: LiveCenter; browser: Browser; close(): Promise<void> }> {
  const center = await startLiveCenter({
    scenarioPath: scenario,
    port: 0,
    mode: { kind: 'live' },
    dynamoEndpoint: process.env.DDB_ENDPOINT,
    people: ['rep-h1', 'rep-h2'],
  });
  const browser = await launchBrowser();
  return {
    center,
    browser,
    close: async () => {
      await browser.close();
      await center.close();
    },
  };
}

/** A laptop-sized page. */
export const newPage = (browser: Browser) => browser.newPage({ viewport: { width: 1366, height: 768 } });

/** Signs in on a page of the center through the local sign-in, and waits for its push channel to be live. */
export async function signInAs(page: Page, url: string, who: RegExp): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: who }).click();
  await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
}

/** A token for a local person, as scripts get one. */
export const tokenOf = async (center: LiveCenter, username: string) =>
  ((await (await fetch(`${center.url}/auth/dev-token?username=${username}`)).json()) as { access_token: string })
    .access_token;
