/**
 * "Which orders make this": the orders behind one metric's local figures, placed by the same plan, the
 * same walk over the orders (order-pass.ts `walkOrders`) and the same population definitions
 * (`populationById(...).place`) as the report, so the list cannot disagree with the figure
 * (test/unit/metrics/explain.test.ts holds it to `computeHealthReport`). Computed on demand (the popup
 * asks for one metric), never part of the cached report.
 */
import type { RateMetricKey, Settings } from '../model';
import { dateOfDay } from './calendar';
import { newPlacement } from './population';
import type { HealthData } from './health-data';
import { indexDefects } from './defects';
import { OrderFacts } from './order-facts';
import { pastReach, populationById, walkOrders } from './order-pass';
import { rangeDates } from './readings';
import { planReport, type EngineChecks } from './report';

/** Rows a list carries at most: a seller with thousands of late orders gets the first ones and the count. */
export const EXPLAIN_LIMIT = 200;
/** How many of the next orders to leave the window are listed. */
export const LEAVING_LIMIT = 10;

export interface ExplainedOrder {
  orderId: string;
  /** The local day the metric places the order on (its order, ship-by or promised delivery day). */
  day: string;
  /** The order's count in the metric's unit (1 order; its packages; its units). */
  weight: number;
  /** How many of them carry the bad event (0 for a good order). */
  bad: number;
  /** The first day on which the order is no longer in the metric's window. */
  leavesOn: string;
}

export interface MetricExplanation {
  key: RateMetricKey;
  marketplaceId: string;
  unit: 'orders' | 'packages' | 'units';
  condition: 'lt' | 'gt';
  window: { from: string; to: string };
  /** Local counts over the window: `total` is the report's `local.denominator`; `bad` is `local.numerator` for `lt`, `denominator − numerator` for `gt`. */
  counted: { bad: number; total: number; unknown: number };
  /** The orders with the bad event in the window, most recent first (at most EXPLAIN_LIMIT). */
  bad: ExplainedOrder[];
  /** The next orders (good or bad) to leave the window, soonest first (at most LEAVING_LIMIT). */
  leaving: ExplainedOrder[];
}

/** The orders behind `key`'s local figures in the report `computeHealthReport(data, asOf, settings, marketplaceId)`; null where the metric does not exist. */
export function explainMetric(
  data: HealthData,
  asOf: number,
  settings: Settings,
  marketplaceId: string,
  key: RateMetricKey,
  checks: EngineChecks = {},
): MetricExplanation | null {
  const { ctx, plans, days } = planReport(data.readings, asOf, settings, marketplaceId, checks);
  const plan = plans.find((p) => p.key === key);
  if (!plan) return null;
  const population = populationById(plan.population);
  const { window } = plan;
  // A day d is in the window ending on T − lag while T − lag − length + 1 ≤ d: it leaves on d + length + lag.
  const leaveShift = window.to - window.from + 1 + (ctx.today - window.to);
  const facts = new OrderFacts(ctx);
  const at = newPlacement();
  const counted = { bad: 0, total: 0, unknown: 0 };
  const inWindow: { orderId: string; day: number; weight: number; bad: number }[] = [];
  walkOrders(data.orders, indexDefects(data.defects, marketplaceId, settings.countFraudChargebacks), marketplaceId, pastReach(days, ctx), (order, defects) => {
    facts.read(order, defects);
    population.place(facts, ctx, at);
    if (at.membership === 'none' || at.membership === 'pending' || at.day < window.from || at.day > window.to) return;
    if (at.membership === 'unknown') {
      counted.unknown += at.weight;
      return;
    }
    const bad = at.membership === 'bad' ? at.badWeight : 0;
    counted.total += at.weight;
    counted.bad += bad;
    inWindow.push({ orderId: order.orderId, day: at.day, weight: at.weight, bad });
  });
  const row = (o: (typeof inWindow)[number]): ExplainedOrder => ({
    orderId: o.orderId,
    day: dateOfDay(o.day),
    weight: o.weight,
    bad: o.bad,
    leavesOn: dateOfDay(o.day + leaveShift),
  });
  const byId = (a: { orderId: string }, b: { orderId: string }) => (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0);
  const bad = inWindow.filter((o) => o.bad > 0).sort((a, b) => b.day - a.day || byId(a, b));
  const leaving = [...inWindow].sort((a, b) => a.day - b.day || b.bad - a.bad || byId(a, b));
  return {
    key,
    marketplaceId,
    unit: plan.unit,
    condition: plan.target.condition,
    window: rangeDates(window),
    counted,
    bad: bad.slice(0, EXPLAIN_LIMIT).map(row),
    leaving: leaving.slice(0, LEAVING_LIMIT).map(row),
  };
}
