import { svgChart } from '../../../lambdas/simulator/planning/svg-chart';

describe('the report charts (planning/svg-chart.ts)', () => {
  const e = { mean: 0.5, low: 0.4, high: 0.6, n: 3 };
  const chart = (series: number, values = [e, null, e]) =>
    svgChart({
      title: 'Service level',
      labels: ['08:00', '08:30', '09:00'],
      series: Array.from({ length: series }, (_, k) => ({ name: `type-${k + 1}`, color: '#123456', values })),
      scale: 100,
      unit: '%',
      target: 80,
    });

  it('fits a legend entry for every series inside the chart, even six queues', () => {
    const xs = [...chart(6).matchAll(/<text x="([\d.-]+)" y="34"[^>]*class="legend"/g)].map((m) => Number(m[1]));
    expect(xs).toHaveLength(6);
    for (const x of xs) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(680 - 60);
    }
  });

  it('breaks a line where a measure is undefined, and draws the target', () => {
    const svg = chart(1);
    expect(svg.match(/<polyline/g)).toHaveLength(2);
    expect(svg.match(/<circle/g)).toHaveLength(2);
    expect(svg).toContain('class="target"');
  });
});
