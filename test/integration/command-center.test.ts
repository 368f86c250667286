/// <reference lib="dom" />
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { CommandCenterProjection } from '../../lambdas/command-center/projection';
import { type CommandCenterServer, serveCommandCenter } from '../../lambdas/command-center/server';
import { CompiledConfig } from '../../lambdas/domain/config/compiled-config';
import { validateConfig } from '../../lambdas/domain/config/validate-config';
import { configFromScenario } from '../../lambdas/simulator/build-config';
import { START, simulate } from '../../lambdas/simulator/engine';
import { validateScenario } from '../../lambdas/simulator/scenario';
import { openStore } from '../../lambdas/simulator/stores';
import { launchBrowser } from '../support/browser';

const scenario = validateScenario({
  name: 'browser test',
  seed: 5,
  durationMinutes: 40,
  serviceLevelSeconds: 20,
  channels: [
    { name: 'voice', realTime: true },
    { name: 'case', realTime: false, interruptible: true },
  ],
  queues: [
    {
      id: 'calls',
      name: 'Calls',
      channel: 'voice',
      priority: 1,
      routingModel: 'MostAvailable',
      pushTimeoutSeconds: 20,
      size: { percentage: 100 },
    },
    {
      id: 'cases',
      name: 'Cases',
      channel: 'case',
      priority: 2,
      routingModel: 'MostAvailable',
      pushTimeoutSeconds: 0,
      size: { percentage: 25 },
    },
  ],
  repGroups: [{ count: 4, queues: ['calls', 'cases'], status: ['voice', 'case'] }],
  arrivals: [
    { queue: 'calls', perHour: 150, handleSeconds: { distribution: 'exponential', mean: 200 } },
    { queue: 'cases', perHour: 60, handleSeconds: { distribution: 'exponential', mean: 600 } },
  ],
  repBehavior: { declineProbability: 0.05, answerSeconds: { distribution: 'uniform', min: 1, max: 5 } },
});

describe('Command Center page (semantics §11) in a real browser', () => {
  let browser: Browser;
  let server: CommandCenterServer;
  let run: Promise<unknown>;

  beforeAll(async () => {
    if (!scenario.ok) throw new Error(scenario.problems.join('\n'));
    const { config, reps } = configFromScenario(scenario.scenario);
    const valid = validateConfig(config);
    if (!valid.ok) throw new Error(valid.problems.join('\n'));
    const projection = new CommandCenterProjection(new CompiledConfig(valid.config), 20);
    let now = START;
    server = await serveCommandCenter(() => projection.snapshot(now), 0, 200);
    // Playwright gives the browser a fresh temporary profile.
    browser = await launchBrowser();
    const sim = await openStore('memory');
    // 40 virtual minutes at 240x: about 10 s of live updates while the page is watched.
    run = simulate(scenario.scenario, config, reps, sim, {
      speed: 240,
      onEvent: (e, at) => {
        now = at;
        projection.apply(e);
      },
      onProgress: (p) => {
        now = START + p.virtualSeconds * 1000;
        projection.sample(now);
      },
    });
  });

  afterAll(async () => {
    await browser?.close();
    await run?.catch(() => undefined);
    await server?.close();
  });

  it('shows live queues and reps, updating without reload, readable on a laptop screen', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(server.url);
    await page.waitForSelector('tr[data-queue="calls"]');
    expect(await page.locator('tr[data-queue]').count()).toBe(2);
    expect(await page.locator('tr[data-rep]').count()).toBe(4);
    const offers = async () => Number(await page.locator('tr[data-queue="calls"] td.offers').textContent());
    const first = await offers();
    await page.waitForFunction(
      (before) => Number(document.querySelector('tr[data-queue="calls"] td.offers')?.textContent) > before,
      first,
      { timeout: 15_000 },
    );
    expect(await offers()).toBeGreaterThan(first);
    await expect(page.locator('#connection').textContent()).resolves.toBe('live');
    // Reps show status and capacity in each pool; the chart draws waiting items over time.
    expect(await page.locator('tr[data-rep] td').nth(1).textContent()).toMatch(/Available/);
    await page.waitForFunction(
      () => (document.getElementById('line')?.getAttribute('points') ?? '').split(' ').length > 3,
      undefined,
      { timeout: 15_000 },
    );
    // Nothing is cut off at 1366 px: no section scrolls sideways.
    await page.screenshot({ path: join(tmpdir(), 'command-center.png') });
    const overflowing = await page.evaluate(() =>
      [...document.querySelectorAll('section')]
        .filter((s) => s.scrollWidth > s.clientWidth + 1)
        .map((s) => `${s.querySelector('h2')?.textContent}: ${s.scrollWidth} > ${s.clientWidth}`),
    );
    expect(overflowing).toEqual([]);
  });
});
