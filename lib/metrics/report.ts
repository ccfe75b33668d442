/**
 * The health report: every metric of metrics-spec §2 for one seller account × marketplace, with
 * Amazon's reading, local figures, coverage, projection (§4) and the at-risk orders (§5).
 *
 * Cost: one pass over the orders (each placed on a local day in every population) and one over the
 * defects; everything after works on per-day buckets with prefix sums, so each window and each
 * timeline day is O(1). Linear in orders + defects; no Intl call per order (see calendar.ts).
 */
import { marketplaceById, marketplaceTimeZone } from '../marketplaces';
import { DEFAULT_ENGINE_SETTINGS, RATE_METRICS, type AmazonReading, type RateMetricKey, type Settings } from '../model';
import type { PopulationCounts } from './day-counts';
import { ahrReport } from './ahr';
import { accountHealthAssurance } from './assurance';
import { addWorstCase, impactOf, sortAtRiskOrders } from './at-risk';
import { breakdownOf } from './breakdowns';
import { BusinessDays, calendarFor, dateOfDay, type LocalCalendar } from './calendar';
import type { HealthData } from './health-data';
import { planMetric, type MetricPlan } from './metric-plan';
import { OdrPartCounts } from './odr';
import { countOrders, pastReach, populationById, type OrderVolume } from './order-pass';
import { CarrierNames, OrderFacts, type FactsContext, type TrackingNumberCheck } from './order-facts';
import { policyCompliance } from './policy-compliance';
import { newPlacement } from './population';
import {
  AnchoredCount,
  breachAndRecovery,
  buildTimeline,
  dayFigures,
  expectedArrivals,
  MetricCounter,
  populationSums,
  type RangeSum,
  TIMELINE_DAYS,
  VOLUME_DAYS,
  WorstCaseDeltas,
} from './projection';
import { latestReadings, rangeDates, readingWindowDays, type DayRange } from './readings';
import type { AmazonFigures, AtRiskOrder, HealthReport, MetricReport, OdrMetricReport, OdrParts, ReadingOnlyReport } from './report-schema';
import { explainAgainstAmazon, normaliseAmazonStatus, vtrCategories } from './status-against-amazon';

export type { HealthData } from './health-data';

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

function amazonFigures(
  reading: AmazonReading | undefined,
  plan: Pick<MetricPlan, 'key' | 'anchor'> | null,
  asOf: number,
  readingWindow: DayRange | null,
): AmazonFigures | null {
  if (!reading) return null;
  const isOdr = plan?.key === 'odr.mfn' || plan?.key === 'odr.afn';
  const hasParts = reading.negativeFeedback !== undefined || reading.claims !== undefined || reading.chargebacks !== undefined;
  return {
    observedAt: reading.observedAt,
    ageMs: Math.max(0, asOf - reading.observedAt),
    source: reading.source,
    rate: reading.rate ?? null,
    numerator: plan?.anchor?.num ?? reading.numerator ?? null,
    denominator: reading.denominator ?? null,
    window: readingWindow ? rangeDates(readingWindow) : null,
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

/** What every report of this marketplace at `asOf` is planned from: the calendar, Amazon's latest readings, the windows (explain.ts plans the same). */
export function planReport(amazonReadings: readonly AmazonReading[], asOf: number, settings: Settings, marketplaceId: string, checks: EngineChecks) {
  const calendar = calendarFor(marketplaceTimeZone(marketplaceId));
  const today = calendar.dayOf(asOf);
  const engine = settings.engine ?? DEFAULT_ENGINE_SETTINGS;
  const ctx: FactsContext = {
    calendar,
    businessDays: new BusinessDays(settings.holidays[marketplaceId]),
    asOf,
    today,
    engine,
    unknownCarriers: new CarrierNames(engine.unknownCarriers),
    vtrExemptBelow: settings.vtrExemptBelow[marketplaceId],
    otdrScannedOnly: marketplaceById(marketplaceId)?.country === 'UK',
    dispatchRuleHours: settings.dispatchRuleHours,
    ...(checks.trackingLooksWrong ? { trackingLooksWrong: checks.trackingLooksWrong } : {}),
  };
  const readings = latestReadings(amazonReadings, marketplaceId, asOf);
  const plans = RATE_METRICS.flatMap((key) => planMetric(key, settings, readings.get(key), calendar, today, marketplaceId) ?? []);
  return { calendar, today, ctx, readings, plans, days: dayRange(plans, today) };
}

/** Days each breakdown population must keep orders for: the union of its metrics' windows. */
function breakdownWindows(plans: readonly MetricPlan[]): Partial<Record<'lsr' | 'vtr' | 'otdr', DayRange>> {
  const out: Partial<Record<'lsr' | 'vtr' | 'otdr', DayRange>> = {};
  for (const { population, window } of plans) {
    if (population !== 'lsr' && population !== 'vtr' && population !== 'otdr') continue;
    const known = out[population];
    out[population] = known ? { from: Math.min(known.from, window.from), to: Math.max(known.to, window.to) } : window;
  }
  return out;
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

/**
 * Everything a report is computed from, up to the per-metric figures: the plans and the pass over the
 * orders. A what-if that changes a few orders' defects starts from it (`recountedMetric`).
 */
export function reportBasis(data: HealthData, asOf: number, settings: Settings, marketplaceId: string, checks: EngineChecks = {}) {
  const planned = planReport(data.readings, asOf, settings, marketplaceId, checks);
  const windowFrom = (key: RateMetricKey) => planned.plans.find((p) => p.key === key)!.window.from;
  const odrFrom = { 'odr.mfn': windowFrom('odr.mfn'), 'odr.afn': windowFrom('odr.afn') };
  const counted = countOrders(data, marketplaceId, planned.ctx, planned.days, settings, odrFrom, breakdownWindows(planned.plans));
  // Read, not computed (spec v2 §2.2): Amazon's policy counts and the AHR's history.
  const policies = policyCompliance(data.policies ?? [], marketplaceId, asOf, planned.calendar);
  const assurance = accountHealthAssurance(data.readings, marketplaceId, asOf, planned.calendar);
  return { ...planned, counted, policies, assurance, marketplaceId, asOf, minimumPopulation: settings.minimumPopulation };
}
export type ReportBasis = ReturnType<typeof reportBasis>;

/** A metric's figures from its population's counts: the window's sums, and the count moved forward from Amazon's. */
function metricCounts(plan: MetricPlan, population: PopulationCounts) {
  const sums = populationSums(population, plan.target);
  const counter = new MetricCounter(sums.den, sums.num, plan.anchor);
  return { sums, counter, projected: counter.over(plan.window) };
}

/** The days ahead: the expected case from the counts and the order volume, the worst case with `worst`. */
function timelineOf(basis: ReportBasis, plan: MetricPlan, population: PopulationCounts, counter: MetricCounter, volume: OrderVolume, worst: WorstCaseDeltas) {
  const volumeKey = populationById(plan.population).volume;
  const arrivals = expectedArrivals(population, basis.today, basis.days.to, volume[volumeKey] / VOLUME_DAYS);
  return buildTimeline({ counter, window: plan.window, today: basis.today, target: plan.target, warning: plan.warning, arrivals, worst });
}

/**
 * One metric as the report would give it had its population and the order volume been counted as
 * `recounted` (order-pass.ts `recountOrders`): its figures now, the local figures over its window, and the expected days ahead
 * (the worst case is left out: it needs the whole at-risk list).
 */
export function recountedMetric(basis: ReportBasis, key: RateMetricKey, recounted: { counts: PopulationCounts; volume: OrderVolume }) {
  const plan = basis.plans.find((p) => p.key === key)!;
  const { counts, volume } = recounted;
  const { sums, counter, projected } = metricCounts(plan, counts);
  const { window, target, warning } = plan;
  const timeline = timelineOf(basis, plan, counts, counter, volume, new WorstCaseDeltas(basis.days.from, basis.days.to));
  return {
    now: dayFigures(projected.num, projected.den, target, warning),
    local: { numerator: sums.num(window.from, window.to), denominator: sums.den(window.from, window.to) },
    timeline,
  };
}

export function computeHealthReport(data: HealthData, asOf: number, settings: Settings, marketplaceId: string, checks: EngineChecks = {}): HealthReport {
  return reportFrom(reportBasis(data, asOf, settings, marketplaceId, checks));
}

/** The report of a basis (`computeHealthReport` is this on `reportBasis`). */
export function reportFrom(basis: ReportBasis): HealthReport {
  const { calendar, today, ctx, readings, plans, days, counted, marketplaceId, asOf, policies, assurance } = basis;
  // Figures now, per metric.
  const metrics = plans.map((plan) => {
    const population = counted.populations.get(plan.population)!;
    return { plan, population, ...metricCounts(plan, population) };
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
      if (risk.metrics.length === 0) {
        // The seller's own rule (dispatchRule): no metric of Amazon's moves.
        orderRisks.push({
          kind: risk.kind,
          deadline: risk.deadline,
          metric: null,
          rateIfHappens: null,
          marginIfHappens: null,
          breaches: false,
          alreadyCounted: false,
        });
      }
      for (const key of risk.metrics) {
        const metric = byKey.get(key);
        if (!metric) continue; // a metric this marketplace does not have
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

  const reports = new Map<RateMetricKey, MetricReport | OdrMetricReport>();
  for (const { plan, population, sums, counter, projected } of metrics) {
    const { target, warning, window } = plan;
    const figures = dayFigures(projected.num, projected.den, target, warning);
    const timeline = timelineOf(basis, plan, population, counter, counted.volume, worst.get(plan.key)!);
    const localNum = sums.num(window.from, window.to);
    const localDen = sums.den(window.from, window.to);
    const anchor = plan.anchor;
    const local = dayFigures(localNum, localDen, target, warning);
    const categories = plan.population === 'vtr' ? vtrCategories(counted.vtrByCategory, plan, basis.minimumPopulation) : null;
    const entries = counted.breakdowns.get(plan.population);
    const judged = explainAgainstAmazon({ plan, figures, categories, localBadAfterReading: localBadAfter(plan, sums, basis.calendar) });
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
      status: judged.status,
      advisory: plan.advisory,
      enforcement: { enforced: plan.rule.enforced, since: plan.rule.since ?? null, evidence: plan.rule.evidence },
      window: rangeDates(window),
      lagDays: Math.max(0, today - window.to),
      amazonStatus: judged.amazonStatus,
      explanation: judged.explanation,
      categories,
      breakdown: entries ? breakdownOf(entries, window) : null,
      amazon: amazonFigures(plan.reading, plan, asOf, plan.readingWindow),
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
        // Following Amazon (nothing local explains Redline's worse count), the timeline built on that
        // count cannot date a breach or a recovery either.
        ...(judged.explanation?.reason === 'followsAmazon' ? { breachDate: null, recoveryDate: null } : breachAndRecovery(judged.status, today, timeline)),
      },
    };
    const parts = counted.odrParts.get(plan.population);
    reports.set(plan.key, parts ? { ...report, parts: odrParts(plan, parts) } : report);
  }

  const odr = (key: 'odr.mfn' | 'odr.afn') => reports.get(key) as OdrMetricReport;
  const idr = reports.get('idr.7d');
  return {
    version: 2,
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
      ...(idr ? { 'idr.7d': idr } : {}),
      'otdr.30d': packageOtdr(readings.get('otdr.30d'), calendar, asOf),
      ahr: ahrReport(readings.get('ahr'), calendar, asOf),
    },
    atRiskOrders: sortAtRiskOrders(atRiskOrders),
    policyCompliance: policies,
    accountHealthAssurance: assurance,
    dispatchRuleHours: ctx.dispatchRuleHours,
  };
}

/**
 * Bad events the local data places in the window after Amazon's reading was taken (its observed day
 * on): what can make Redline's figure worse than Amazon's status for a reason the seller can check.
 */
function localBadAfter(plan: MetricPlan, sums: { num: RangeSum; den: RangeSum }, calendar: LocalCalendar): number {
  if (!plan.reading) return 0;
  const from = Math.max(plan.window.from, (plan.readingWindow?.to ?? calendar.dayOf(plan.reading.observedAt) - 1) + 1);
  const to = plan.window.to;
  if (to < from) return 0;
  return plan.target.condition === 'lt' ? sums.num(from, to) : sums.den(from, to) - sums.num(from, to);
}

/** Amazon's 30-day package OTDR, as read (spec v2 §4: shown, never compared with the unit figure). */
function packageOtdr(reading: AmazonReading | undefined, calendar: LocalCalendar, asOf: number): ReadingOnlyReport {
  return {
    key: 'otdr.30d',
    unit: 'packages',
    amazon: amazonFigures(reading, null, asOf, reading ? readingWindowDays(reading, calendar) : null),
    amazonStatus: normaliseAmazonStatus(reading?.status),
  };
}
