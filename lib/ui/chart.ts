/**
 * Geometry of the small per-metric chart: Amazon's readings of the past (up to 90 days), today's
 * projected rate, and the next 30 days' projection (expected and worst case) against the target
 * line. Pure numbers in, SVG path strings out; the component only draws them. No chart library.
 */

export interface ChartInput {
  /** The marketplace's today, `YYYY-MM-DD`. */
  today: string;
  /** Today's projected rate (null: nothing in the window). */
  current: number | null;
  /** Amazon's readings, any order; days after today are ignored. */
  history: readonly { day: string; rate: number | null }[];
  /** The projection, tomorrow first. */
  timeline: readonly { date: string; expected: number | null; worst: number | null }[];
  target: number;
  condition: 'lt' | 'gt';
  breachDate?: string | null;
  width: number;
  height: number;
}

export interface ChartGeometry {
  width: number;
  height: number;
  /** The plotting area inside the padding. */
  plot: { left: number; top: number; right: number; bottom: number };
  yDomain: [number, number];
  historyPath: string;
  expectedPath: string;
  worstPath: string;
  /** Closed area between expected and worst case. */
  bandPath: string;
  targetY: number;
  todayX: number;
  breachX: number | null;
  /** The side of the target line that fails, as a rectangle (shaded lightly). */
  failZone: { y: number; height: number };
  /** Axis labels: the rate at the top and bottom of the plot. */
  yTicks: { y: number; value: number }[];
  /** First and last day shown, for the axis. */
  firstDay: string;
  lastDay: string;
}

const DAY_MS = 86_400_000;
const HISTORY_DAYS = 90;

function dayNumber(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d) / DAY_MS;
}

function dayString(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

const round = (v: number) => Math.round(v * 10) / 10;

/** A polyline through the points, broken where a value is missing (never drawn as 0). */
export function linePath(points: readonly { x: number; y: number | null }[]): string {
  let path = '';
  let pen = false;
  for (const p of points) {
    if (p.y === null) {
      pen = false;
      continue;
    }
    path += `${pen ? 'L' : 'M'}${round(p.x)},${round(p.y)}`;
    pen = true;
  }
  return path;
}

/** Where a value sits on a chart's y axis (clamped to its domain): a further line drawn beside the target's. */
export function valueY({ plot, yDomain }: Pick<ChartGeometry, 'plot' | 'yDomain'>, value: number): number {
  const [lo, hi] = yDomain;
  const clamped = Math.min(hi, Math.max(lo, value));
  return plot.bottom - ((clamped - lo) / (hi - lo || 1)) * (plot.bottom - plot.top);
}

export function chartGeometry(input: ChartInput): ChartGeometry {
  const { width, height, target, condition } = input;
  const plot = { left: 4, top: 6, right: width - 4, bottom: height - 4 };
  const today = dayNumber(input.today);

  const history = input.history
    .map((h) => ({ n: dayNumber(h.day), rate: h.rate }))
    .filter((h) => h.n <= today && h.n > today - HISTORY_DAYS - 1)
    .sort((a, b) => a.n - b.n);
  const timeline = input.timeline.map((d) => ({ n: dayNumber(d.date), expected: d.expected, worst: d.worst })).filter((d) => d.n > today);

  const first = history.length ? Math.min(history[0]!.n, today) : today;
  const last = timeline.length ? timeline[timeline.length - 1]!.n : today + 1;

  // y domain: always shows the target with room on the failing side; zero (or 100 %) on the good side.
  const rates = [input.current, ...history.map((h) => h.rate), ...timeline.flatMap((d) => [d.expected, d.worst])].filter(
    (r): r is number => r !== null && Number.isFinite(r),
  );
  let yDomain: [number, number];
  if (condition === 'lt') {
    const top = Math.max(target * 1.6, ...rates.map((r) => r * 1.1));
    yDomain = [0, Math.min(1, top || 0.01)];
  } else {
    const room = (1 - target) * 1.6;
    const bottom = Math.min(target - room, ...rates.map((r) => r - (1 - r) * 0.1));
    yDomain = [Math.max(0, bottom), 1];
  }

  const x = (n: number) => plot.left + ((n - first) / Math.max(1, last - first)) * (plot.right - plot.left);
  const y = (rate: number) => valueY({ plot, yDomain }, rate);
  const yOrNull = (rate: number | null) => (rate === null || !Number.isFinite(rate) ? null : y(rate));

  // History ends at today's figure, so the past and the projection join.
  const past = [...history.filter((h) => h.n < today).map((h) => ({ x: x(h.n), y: yOrNull(h.rate) })), { x: x(today), y: yOrNull(input.current) }];
  const start = { x: x(today), y: yOrNull(input.current) };
  const expected = [start, ...timeline.map((d) => ({ x: x(d.n), y: yOrNull(d.expected) }))];
  const worst = [start, ...timeline.map((d) => ({ x: x(d.n), y: yOrNull(d.worst) }))];

  // Band: only over the stretch where both lines are known (the first unbroken run).
  const run: { x: number; e: number; w: number }[] = [];
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!.y;
    const w = worst[i]!.y;
    if (e === null || w === null) {
      if (run.length) break;
      continue;
    }
    run.push({ x: expected[i]!.x, e, w });
  }
  const bandPath =
    run.length > 1
      ? `${linePath(run.map((p) => ({ x: p.x, y: p.w })))}${run
          .slice()
          .reverse()
          .map((p) => `L${round(p.x)},${round(p.e)}`)
          .join('')}Z`
      : '';

  const targetY = round(y(target));
  const failZone = condition === 'lt' ? { y: plot.top, height: round(targetY - plot.top) } : { y: targetY, height: round(plot.bottom - targetY) };
  const breach = input.breachDate ? dayNumber(input.breachDate) : null;

  return {
    width,
    height,
    plot,
    yDomain,
    historyPath: past.length > 1 ? linePath(past) : '',
    expectedPath: linePath(expected),
    worstPath: linePath(worst),
    bandPath,
    targetY,
    todayX: round(x(today)),
    breachX: breach !== null && breach > first && breach <= last ? round(x(breach)) : null,
    failZone,
    yTicks: [
      { y: plot.top, value: yDomain[1] },
      { y: plot.bottom, value: yDomain[0] },
    ],
    firstDay: dayString(first),
    lastDay: dayString(last),
  };
}
