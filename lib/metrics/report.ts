/**
 * The health report: every metric of metrics-spec §2 for one seller account × marketplace, with
 * Amazon's reading, local figures, coverage, projection (§4) and the at-risk orders (§5).
 *
 * Cost: one pass over the orders (each placed on a local day in every population) and one over the
 * defects; everything after works on per-day buckets with prefix sums, so each window and each
 * timeline day is O(1). Linear in orders + defects; no Intl call per order (see calendar.ts).
 */
import { marketplaceTimeZone } from '../marketplaces';
import { DEFAULT_ENGINE_SETTINGS, RATE_METRICS, type AmazonReading, type Defect, type Order, type RateMetricKey, type Settings } from '../model';
import { ahrReport } from './ahr';
import { addWorstCase, impactOf, sortAtRiskOrders } from './at-risk';
import { calendarFor, dateOfDay } from './calendar';
import { planMetric, type MetricPlan } from './metric-plan';
import { OdrPartCounts } from './odr';
import { countOrders, pastReach, populationById } from './order-pass';
import { CarrierNames, OrderFacts, type FactsContext, type TrackingNumberCheck } from './order-facts';
import { newPlacement, type PopulationId } from './population';
import {
  AnchoredCount,
  breachAndRecovery,
  buildTimeline,
  dayFigures,
  expectedArrivals,
  MetricCounter,
  populationSums,
  TIMELINE_DAYS,
  VOLUME_DAYS,
  WorstCaseDeltas,
} from './projection';
import { latestReadings, rangeDates, type DayRange } from './readings';
import type {
  AmazonFigures,
  AtRiskOrder,
  HealthReport,
  MetricReport,
  OdrMetricReport,
  OdrParts,
} from './report-schema';

export interface HealthData {
  orders: readonly Order[];
  defects: readonly Defect[];
  readings: readonly AmazonReading[];
}

/** Days the report's buckets must cover: every window, Amazon's windows, the volume days and the timeline. */
function dayRange(plans: readonly MetricPlan[], today: number): DayRange {
  let from = today - VOLUME_DAYS;
  let to = today + TIMELINE_DAYS;
  for (const plan of plans) {
    from = Math.min(from, plan.window.from, plan.anchor?.window.from ?? from);
    to = Math.max(to, plan.window.to + TIMELINE_DAYS, plan.anchor?.window.to ?? to);
  }
  return { from, to };
}

function amazonFigures(plan: MetricPlan, asOf: number): AmazonFigures | null {
  const reading = plan.reading;
  if (!reading) return null;
  const isOdr = plan.key === 'odr.mfn' || plan.key === 'odr.afn';
  const hasParts = reading.negativeFeedback !== undefined || reading.claims !== undefined || reading.chargebacks !== undefined;
  return {
    observedAt: reading.observedAt,
    ageMs: Math.max(0, asOf - reading.observedAt),
    source: reading.source,
    rate: reading.rate ?? null,
    numerator: plan.anchor?.num ?? reading.numerator ?? null,
    denominator: reading.denominator ?? null,
    window: plan.readingWindow ? rangeDates(plan.readingWindow) : null,
    target: reading.targetValue ?? null,
    condition: reading.targetCondition ?? null,
    status: reading.status ?? null,
    parts:
      isOdr && hasParts
        ? { negativeFeedback: reading.negativeFeedback ?? null, claims: reading.claims ?? null, chargebacks: reading.chargebacks ?? null }
        : null,
  };
}

/** ODR parts over the window: Amazon's parts moved forward where the reading gives them, else local. */
function odrParts(plan: MetricPlan, parts: OdrPartCounts): OdrParts {
  const reading = plan.reading;
  const anchorWindow = plan.anchor?.window;
  const part = (name: keyof OdrParts): number => {
    const local = (from: number, to: number) => parts[name].sum(from, to);
    const given = reading?.[name];
    if (given === undefined || !anchorWindow) return local(plan.window.from, plan.window.to);
    return new AnchoredCount(given, anchorWindow, local).over(plan.window).value;
  };
  return { negativeFeedback: part('negativeFeedback'), claims: part('claims'), chargebacks: part('chargebacks') };
}

/** Checks the engine cannot make on its own (they need a library the engine does not carry). */
export interface EngineChecks {
  trackingLooksWrong?: TrackingNumberCheck;
}

/** What every report of this marketplace at `asOf` is planned from: the calendar, Amazon's latest readings, the windows. */
function planReport(amazonReadings: readonly AmazonReading[], asOf: number, settings: Settings, marketplaceId: string, checks: EngineChecks) {
  const calendar = calendarFor(marketplaceTimeZone(marketplaceId));
  const today = calendar.dayOf(asOf);
  const engine = settings.engine ?? DEFAULT_ENGINE_SETTINGS;
  const ctx: FactsContext = {
    calendar,
    asOf,
    today,
    engine,
    unknownCarriers: new CarrierNames(engine.unknownCarriers),
    ...(checks.trackingLooksWrong ? { trackingLooksWrong: checks.trackingLooksWrong } : {}),
  };
  const readings = latestReadings(amazonReadings, marketplaceId, asOf);
  const plans = RATE_METRICS.map((key) => planMetric(key, settings, readings.get(key), calendar, today, marketplaceId));
  return { calendar, today, ctx, readings, plans, days: dayRange(plans, today) };
}

/**
 * The earliest reach (`orderReachAt`) an order needs to count in the report with these readings and
 * settings. Orders before it change no figure unless they have defects, so storage need not load them:
 * the report on (orders reaching it + orders with defects) equals the report on every order.
 */
export function reportOrdersFrom(readings: readonly AmazonReading[], asOf: number, settings: Settings, marketplaceId: string): number {
  const { days, ctx } = planReport(readings, asOf, settings, marketplaceId, {});
  return pastReach(days, ctx);
}

export function computeHealthReport(data: HealthData, asOf: number, settings: Settings, marketplaceId: string, checks: EngineChecks = {}): HealthReport {
  const { calendar, today, ctx, readings, plans, days } = planReport(data.readings, asOf, settings, marketplaceId, checks);
  const windowFrom = (key: RateMetricKey) => plans.find((p) => p.key === key)!.window.from;
  const odrFrom = { 'odr.mfn': windowFrom('odr.mfn'), 'odr.afn': windowFrom('odr.afn') };
  const counted = countOrders(data, marketplaceId, ctx, days, settings, odrFrom);

  // Figures now, per metric.
  const metrics = plans.map((plan) => {
    const population = counted.populations.get(plan.population)!;
    const sums = populationSums(population, plan.target);
    const counter = new MetricCounter(sums.den, sums.num, plan.anchor);
    const projected = counter.over(plan.window);
    return { plan, population, sums, counter, projected };
  });
  const byKey = new Map(metrics.map((m) => [m.plan.key, m]));

  // At-risk orders, their impact now, and what they do to the worst case.
  const worst = new Map<RateMetricKey, WorstCaseDeltas>(plans.map((p) => [p.key, new WorstCaseDeltas(days.from, days.to)]));
  const placement = newPlacement();
  const atRiskOrders: AtRiskOrder[] = [];
  for (const { order, defects, risks } of counted.atRisk) {
    const facts = new OrderFacts(ctx).read(order, defects);
    const hurt = new Set<RateMetricKey>();
    const orderRisks: AtRiskOrder['risks'] = [];
    for (const risk of risks) {
      for (const key of risk.metrics) {
        const metric = byKey.get(key)!;
        populationById(metric.plan.population).place(facts, ctx, placement);
        const impact = impactOf(placement, { target: metric.plan.target, window: metric.plan.window, counts: metric.projected });
        orderRisks.push({ kind: risk.kind, deadline: risk.deadline, metric: key, ...impact });
        if (!hurt.has(key)) {
          hurt.add(key);
          addWorstCase(placement, metric.plan.target.condition, worst.get(key)!);
        }
      }
    }
    atRiskOrders.push({ orderId: facts.order.orderId, risks: orderRisks });
  }

  const arrivals = new Map<PopulationId, ReturnType<typeof expectedArrivals>>();
  const reports = new Map<RateMetricKey, MetricReport | OdrMetricReport>();
  for (const { plan, population, sums, counter, projected } of metrics) {
    const { target, warning, window } = plan;
    const figures = dayFigures(projected.num, projected.den, target, warning);
    let arrivalSeries = arrivals.get(plan.population);
    if (!arrivalSeries) {
      const channel = populationById(plan.population).channel;
      arrivalSeries = expectedArrivals(population, today, days.to, counted.volume[channel] / VOLUME_DAYS);
      arrivals.set(plan.population, arrivalSeries);
    }
    const timeline = buildTimeline({ counter, window, today, target, warning, arrivals: arrivalSeries, worst: worst.get(plan.key)! });
    const localNum = sums.num(window.from, window.to);
    const localDen = sums.den(window.from, window.to);
    const anchor = plan.anchor;
    const local = dayFigures(localNum, localDen, target, warning);
    const report: MetricReport = {
      key: plan.key,
      unit: plan.unit,
      numerator: figures.num,
      denominator: figures.den,
      rate: figures.rate,
      target: target.basisPoints / 10_000,
      targetBasisPoints: target.basisPoints,
      targetSource: plan.targetSource,
      condition: target.condition,
      margin: figures.margin,
      badEventsToRecover: figures.margin === null ? null : Math.max(0, -figures.margin),
      status: figures.status,
      advisory: plan.advisory,
      window: rangeDates(window),
      amazon: amazonFigures(plan, asOf),
      local: {
        numerator: localNum,
        denominator: localDen,
        rate: local.rate,
        margin: local.margin,
        window: rangeDates(window),
        unknown: population.unknown.sum(window.from, window.to),
      },
      coverage: anchor && anchor.den > 0 ? sums.den(anchor.window.from, anchor.window.to) / anchor.den : null,
      projection: {
        basis: counter.basis,
        estimated: projected.estimated,
        timeline,
        ...breachAndRecovery(figures.status, today, timeline),
      },
    };
    const parts = counted.odrParts.get(plan.population);
    reports.set(plan.key, parts ? { ...report, parts: odrParts(plan, parts) } : report);
  }

  const odr = (key: 'odr.mfn' | 'odr.afn') => reports.get(key) as OdrMetricReport;
  return {
    version: 1,
    marketplaceId,
    asOf,
    timeZone: calendar.timeZone,
    today: dateOfDay(today),
    metrics: {
      'odr.mfn': odr('odr.mfn'),
      'odr.afn': odr('odr.afn'),
      'lsr.10d': reports.get('lsr.10d')!,
      'lsr.30d': reports.get('lsr.30d')!,
      'cr.7d': reports.get('cr.7d')!,
      'vtr.30d': reports.get('vtr.30d')!,
      'otdr.14d': reports.get('otdr.14d')!,
      ahr: ahrReport(readings.get('ahr'), calendar, asOf),
    },
    atRiskOrders: sortAtRiskOrders(atRiskOrders),
  };
}
