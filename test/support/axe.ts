import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's WCAG 2.0/2.1 A and AA rules on the page as it is now: the serious and critical violations, each
 * named by rule and the elements it found. Run through the DevTools protocol, so the page's own CSP (which
 * refuses inline script) stays in force for everything else.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  const found = (await page.evaluate(
    `(async () => { ${AXE};
      const r = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
      if (r.passes.length === 0) throw new Error('axe-core checked nothing');
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')); })()`,
  )) as string[];
  return found;
}
