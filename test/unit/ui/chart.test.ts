import { describe, expect, it } from 'vitest';
import { chartGeometry, linePath } from '../../../lib/ui/chart';

const timeline = (n: number, expected: (i: number) => number | null, worst: (i: number) => number | null) =>
  Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(2026, 10, 27 + i));
    return { date: d.toISOString().slice(0, 10), expected: expected(i), worst: worst(i) };
  });

const points = (path: string) => [...path.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);

describe('linePath', () => {
  it('breaks the line where a value is missing instead of drawing it as zero', () => {
    expect(
      linePath([
        { x: 0, y: 1 },
        { x: 1, y: null },
        { x: 2, y: 3 },
        { x: 3, y: 4 },
      ]),
    ).toBe('M0,1M2,3L3,4');
  });
});

describe('chartGeometry', () => {
  const base = {
    today: '2026-11-26',
    current: 0.008,
    history: [
      { day: '2026-09-01', rate: 0.004 },
      { day: '2026-10-15', rate: 0.006 },
      { day: '2026-11-20', rate: 0.007 },
    ],
    timeline: timeline(
      30,
      () => 0.008,
      (i) => 0.008 + i * 0.0002,
    ),
    target: 0.01,
    condition: 'lt' as const,
    width: 150,
    height: 56,
  };

  it('keeps every point inside the plot, history left of today and projection right of it', () => {
    const g = chartGeometry(base);
    for (const path of [g.historyPath, g.expectedPath, g.worstPath]) {
      for (const [x, y] of points(path)) {
        expect(x).toBeGreaterThanOrEqual(g.plot.left);
        expect(x).toBeLessThanOrEqual(g.plot.right);
        expect(y).toBeGreaterThanOrEqual(g.plot.top);
        expect(y).toBeLessThanOrEqual(g.plot.bottom);
      }
    }
    expect(Math.max(...points(g.historyPath).map(([x]) => x))).toBe(g.todayX);
    expect(Math.min(...points(g.expectedPath).map(([x]) => x))).toBe(g.todayX);
    expect(points(g.expectedPath).at(-1)![0]).toBe(g.plot.right);
    expect(g.firstDay).toBe('2026-09-01');
    expect(g.lastDay).toBe('2026-12-26');
  });

  it('draws the target at its rate, with the failing side above it for "less than" metrics', () => {
    const g = chartGeometry(base);
    const [lo, hi] = g.yDomain;
    expect(lo).toBe(0);
    expect(hi).toBeGreaterThanOrEqual(0.016);
    const expectedY = g.plot.bottom - ((0.01 - lo) / (hi - lo)) * (g.plot.bottom - g.plot.top);
    expect(g.targetY).toBeCloseTo(expectedY, 0);
    expect(g.failZone).toEqual({ y: g.plot.top, height: expect.any(Number) });
    expect(g.failZone.y + g.failZone.height).toBeCloseTo(g.targetY, 0);
    // a higher rate is drawn higher
    const worst = points(g.worstPath);
    expect(worst.at(-1)![1]).toBeLessThan(worst[0]![1]);
  });

  it('puts the failing side below the target for "greater than" metrics and never cuts 100 %', () => {
    const g = chartGeometry({
      ...base,
      current: 0.97,
      history: [],
      timeline: timeline(
        30,
        () => 0.97,
        () => 0.94,
      ),
      target: 0.95,
      condition: 'gt',
    });
    expect(g.yDomain[1]).toBe(1);
    expect(g.yDomain[0]).toBeLessThan(0.94);
    expect(g.failZone.y).toBe(g.targetY);
    expect(g.historyPath).toBe('');
    expect(g.firstDay).toBe('2026-11-26');
  });

  it('marks the breach day on the target line when it is in range', () => {
    const g = chartGeometry({ ...base, breachDate: '2026-12-06' });
    expect(g.breachX).toBeGreaterThan(g.todayX);
    expect(g.breachX).toBeLessThan(g.plot.right);
    expect(chartGeometry({ ...base, breachDate: '2027-03-01' }).breachX).toBeNull();
  });

  it('shades the band between expected and worst case as one closed shape', () => {
    const g = chartGeometry(base);
    expect(g.bandPath.startsWith('M')).toBe(true);
    expect(g.bandPath.endsWith('Z')).toBe(true);
    expect(points(g.bandPath)).toHaveLength(2 * 31);
  });

  it('copes with no data at all', () => {
    const g = chartGeometry({
      ...base,
      current: null,
      history: [],
      timeline: timeline(
        30,
        () => null,
        () => null,
      ),
    });
    expect(g.expectedPath).toBe('');
    expect(g.bandPath).toBe('');
    expect(Number.isFinite(g.targetY)).toBe(true);
  });

  it('ignores readings older than 90 days or after today', () => {
    const g = chartGeometry({
      ...base,
      history: [
        { day: '2026-01-01', rate: 0.5 },
        { day: '2026-12-01', rate: 0.5 },
        { day: '2026-11-01', rate: 0.005 },
      ],
    });
    expect(g.firstDay).toBe('2026-11-01');
    expect(g.yDomain[1]).toBeLessThan(0.5);
  });
});

describe('metric order', () => {
  it('lists exactly the model rate metrics', async () => {
    const { METRIC_ORDER } = await import('../../../lib/ui/metric-order');
    const { RATE_METRICS } = await import('../../../lib/model/metric-keys');
    expect([...METRIC_ORDER].sort()).toEqual([...RATE_METRICS].sort());
  });
});
