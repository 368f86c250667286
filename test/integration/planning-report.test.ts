import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { htmlReport } from '../../lambdas/simulator/planning/html-report';
import { launchBrowser } from '../support/browser';
import { planOf } from '../support/planning';
import { chat } from '../support/simulation';

/** Reads a PNG back through the browser's own decoder: the share of non-white pixels, and the distinct colors. */
async function inkOf(page: Page, png: Buffer): Promise<{ ink: number; colors: number }> {
  await page.goto('about:blank');
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, img.width, img.height).data;
    let ink = 0;
    const colors = new Set<number>();
    for (let i = 0; i < data.length; i += 4) {
      if (data[i]! < 240 || data[i + 1]! < 240 || data[i + 2]! < 240) ink++;
      colors.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    }
    return { ink: ink / (data.length / 4), colors: colors.size };
  }, png.toString('base64'));
}

describe('the planning report in a browser (--html)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('opens offline as one file and draws the charts: the screenshot is not blank', async () => {
    const { report } = await planOf(
      {
        name: 'report <day>',
        seed: 2,
        intervalMinutes: 30,
        durationMinutes: 120,
        channels: [{ name: 'chat', realTime: true }],
        queues: [chat()],
        repGroups: [{ count: 3, queues: ['q'], status: ['chat'], staffing: [2, 3, 3, 1] }],
        arrivals: [
          {
            queue: 'q',
            perInterval: [20, 40, 30, 10],
            handleSeconds: { distribution: 'exponential', mean: 120 },
            patienceSeconds: { distribution: 'exponential', mean: 90 },
          },
        ],
      },
      3,
    );
    const file = join(mkdtempSync(join(tmpdir(), 'report-')), 'report.html');
    writeFileSync(file, htmlReport(report));
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`file://${file}`);
    expect(requests).toEqual([`file://${file}`]);
    expect(await page.title()).toBe('report <day>: planning report');
    const charts = page.locator('svg');
    expect(await charts.count()).toBe(6);
    // Each chart has a line with a point per interval.
    for (let i = 0; i < 6; i++) expect(await charts.nth(i).locator('polyline').count()).toBeGreaterThan(0);
    expect(await charts.first().locator('circle').count()).toBe(4);
    const shot = await page.screenshot({ fullPage: true });
    // The browser runs as a single process: the page stays open to decode its own screenshot.
    const { ink, colors } = await inkOf(page, shot);
    await page.close();
    expect(ink).toBeGreaterThan(0.03);
    expect(colors).toBeGreaterThan(20);
  }, 60_000);
});
