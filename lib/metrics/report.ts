/**
 * The health report: every metric of metrics-spec §2 for one seller account × marketplace, with
 * Amazon's reading, local figures, coverage, projection (§4) and the at-risk orders (§5).
 *
 * Cost: one pass over the orders (each placed on a local day in every population) and one over the
 * defects; everything after works on per-day buckets with prefix sums, so each window and each
 * timeline day is O(1). Linear in orders + defects; no Intl call per order (see calendar.ts).
 */
import { marketplaceTimeZone } from '../marketplaces';
import {
  DEFAULT_ENGINE_SETTINGS,
  RATE_METRICS,
  type AmazonReading,
  type Defect,
  type FulfillmentChannel,
  type Order,
  type RateMetricKey,
  type Settings,
} from '../model';
import { addWorstCase, impactOf, risksOf, sortAtRiskOrders, type RiskCandidate, type RiskWindow } from './at-risk';
import { calendarFor, dateOfDay, DAY_MS, type LocalCalendar } from './calendar';
import { cancelRate } from './cancel-rate';
import { PopulationCounts } from './day-counts';
import { indexDefects, type OrderDefects } from './defects';
import { lateShipment } from './late-shipment';
import { planMetric, type MetricPlan } from './metric-plan';
import { OdrPartCounts, orderDefectsAfn, orderDefectsMfn } from './odr';
import { onTimeDelivery } from './on-time-delivery';
import { validTracking } from './valid-tracking';
import { CarrierNames, OrderFacts, type FactsContext } from './order-facts';
import { newPlacement, type PopulationDefinition, type PopulationId } from './population';
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
import { latestReadings, readingWindowDays, type DayRange } from './readings';
import type {
  AhrReport,
  AhrStatus,
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

/** Every population, in spec order; `lsr.10d` and `lsr.30d` share one (they differ only in window). */
const POPULATIONS: readonly PopulationDefinition[] = [orderDefectsMfn, orderDefectsAfn, lateShipment, cancelRate, validTracking, onTimeDelivery];
const populationById = (id: PopulationId) => POPULATIONS.find((p) => p.id === id)!;

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

/** An order known only from its defects (e.g. the feedback report): it is in ODR's population too. */
function orderFromDefects(entry: OrderDefects, marketplaceId: string): Order {
  return {
    orderId: entry.orderId,
    marketplaceId,
    channel: entry.channel,
    orderDate: entry.orderDate ?? Number.NaN, // NaN: no day, left out of every window
    observedAt: 0,
    source: 'defects',
  };
}

interface Counted {
  populations: Map<PopulationId, PopulationCounts>;
  odrParts: Map<PopulationId, OdrPartCounts>;
  /** Orders per channel with an order day in the last VOLUME_DAYS days before today. */
  volume: Record<FulfillmentChannel, number>;
  atRisk: { order: Order; defects: OrderDefects | undefined; risks: readonly RiskCandidate[] }[];
}

/**
 * An instant before which nothing can reach the report: every instant earlier than it falls on a
 * local day before the first bucket (two days of slack cover any zone offset), and a tracking fix
 * deadline counted from it has passed.
 */
function pastReach(range: DayRange, ctx: FactsContext): number {
  return Math.min((range.from - 2) * DAY_MS, ctx.asOf - ctx.engine.trackingFixHours * 3_600_000 - DAY_MS);
}

/** `t ≥ cutoff`, false for an unknown instant (`undefined >= x` is false). */
function atOrAfter(t: number | undefined, cutoff: number): boolean {
  return (t as number) >= cutoff;
}

/**
 * True for an order that cannot change any figure: every instant the metrics place it by lies before
 * the report's reach, and it is shipped or cancelled (an unshipped order still has deadlines, and joins
 * VTR's projection today). About two thirds of a year's history: skipping it halves the pass.
 * Orders with defects are never skipped (their risks are listed whatever their age).
 */
function isBeyondReach(order: Order, cutoff: number): boolean {
  if (order.orderDate >= cutoff || order.status === 'unshipped' || order.status === 'pending') return false;
  if (atOrAfter(order.latestShipDate, cutoff) || atOrAfter(order.latestDeliveryDate, cutoff)) return false;
  if (order.status === 'cancelled') return true;
  const c = order.shipConfirmation;
  if (c !== undefined && (atOrAfter(c.at, cutoff) || atOrAfter(c.notAfter, cutoff) || atOrAfter(c.notBefore, cutoff))) return false;
  const packages = order.packages;
  if (packages !== undefined) for (let i = 0; i < packages.length; i++) if (atOrAfter(packages[i]!.shipTime, cutoff)) return false;
  return true;
}

/**
 * The single pass. Populations are called by name rather than through a list so that every call site
 * sees one function (V8 inlines them), and one reused OrderFacts serves every order.
 */
function countOrders(
  data: HealthData,
  marketplaceId: string,
  ctx: FactsContext,
  range: DayRange,
  settings: Settings,
  odrFrom: Record<'odr.mfn' | 'odr.afn', number>,
): Counted {
  const counts = (): PopulationCounts => new PopulationCounts(range.from, range.to);
  const odrMfn = counts();
  const odrAfn = counts();
  const lsr = counts();
  const cr = counts();
  const vtr = counts();
  const otdr = counts();
  const partsMfn = new OdrPartCounts(range.from, range.to);
  const partsAfn = new OdrPartCounts(range.from, range.to);
  const volume: Record<FulfillmentChannel, number> = { MFN: 0, AFN: 0 };
  const atRisk: Counted['atRisk'] = [];
  const reach: RiskWindow = {
    horizonEnd: ctx.asOf + settings.warningHorizonHours * 3_600_000,
    odrMfnFrom: odrFrom['odr.mfn'],
    odrAfnFrom: odrFrom['odr.afn'],
  };
  const defectIndex = indexDefects(data.defects, marketplaceId, settings.countFraudChargebacks);
  const facts = new OrderFacts(ctx);
  const at = newPlacement();
  const volumeFrom = ctx.today - VOLUME_DAYS;

  const count = (order: Order, defects: OrderDefects | undefined): void => {
    facts.read(order, defects);
    orderDefectsMfn.place(facts, ctx, at);
    odrMfn.add(at);
    partsMfn.add(facts, at);
    orderDefectsAfn.place(facts, ctx, at);
    odrAfn.add(at);
    partsAfn.add(facts, at);
    lateShipment.place(facts, ctx, at);
    lsr.add(at);
    cancelRate.place(facts, ctx, at);
    cr.add(at);
    validTracking.place(facts, ctx, at);
    vtr.add(at);
    onTimeDelivery.place(facts, ctx, at);
    otdr.add(at);
    if (facts.channel !== undefined && facts.orderDay >= volumeFrom && facts.orderDay < ctx.today) volume[facts.channel] += 1;
    const risks = risksOf(facts, ctx, reach);
    if (risks.length > 0) atRisk.push({ order, defects, risks });
  };

  const orders = data.orders;
  const lookUpDefects = defectIndex.size > 0;
  const cutoff = pastReach(range, ctx);
  for (let i = 0; i < orders.length; i++) {
    const order = orders[i]!;
    if (order.marketplaceId !== marketplaceId) continue;
    const defects = lookUpDefects ? defectIndex.get(order.orderId) : undefined;
    if (defects) defects.orderSeen = true;
    else if (isBeyondReach(order, cutoff)) continue;
    count(order, defects);
  }
  for (const entry of defectIndex.values()) {
    if (!entry.orderSeen) count(orderFromDefects(entry, marketplaceId), entry);
  }
  const populations = new Map<PopulationId, PopulationCounts>([
    ['odr.mfn', odrMfn],
    ['odr.afn', odrAfn],
    ['lsr', lsr],
    ['cr', cr],
    ['vtr', vtr],
    ['otdr', otdr],
  ]);
  const odrParts = new Map<PopulationId, OdrPartCounts>([
    ['odr.mfn', partsMfn],
    ['odr.afn', partsAfn],
  ]);
  return { populations, odrParts, volume, atRisk };
}

const range = (window: DayRange) => ({ from: dateOfDay(window.from), to: dateOfDay(window.to) });

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
    window: plan.readingWindow ? range(plan.readingWindow) : null,
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

function ahrStatusOf(score: number | null): AhrStatus {
  if (score === null) return 'unknown';
  if (score >= 200) return 'healthy'; // §2: Healthy 200–1000, At risk 100–199, Unhealthy 0–99
  return score >= 100 ? 'atRisk' : 'unhealthy';
}

function ahrReport(reading: AmazonReading | undefined, calendar: LocalCalendar, asOf: number): AhrReport {
  const score = reading?.score ?? null;
  let window: DayRange | null = reading ? readingWindowDays(reading, calendar) : null;
  if (reading && !window) {
    const observed = calendar.dayOf(reading.observedAt);
    window = { from: observed - 179, to: observed }; // §2: the last 180 days
  }
  return {
    key: 'ahr',
    unit: 'points',
    score,
    status: ahrStatusOf(score),
    window: window ? range(window) : null,
    amazon: reading
      ? { observedAt: reading.observedAt, ageMs: Math.max(0, asOf - reading.observedAt), source: reading.source, score, status: reading.status ?? null }
      : null,
  };
}

export function computeHealthReport(data: HealthData, asOf: number, settings: Settings, marketplaceId: string): HealthReport {
  const timeZone = marketplaceTimeZone(marketplaceId);
  const calendar = calendarFor(timeZone);
  const today = calendar.dayOf(asOf);
  const engine = settings.engine ?? DEFAULT_ENGINE_SETTINGS;
  const ctx: FactsContext = {
    calendar,
    asOf,
    today,
    engine,
    unknownCarriers: new CarrierNames(engine.unknownCarriers),
  };
  const readings = latestReadings(data.readings, marketplaceId, asOf);
  const plans = RATE_METRICS.map((key) => planMetric(key, settings, readings.get(key), calendar, today, marketplaceId));
  const days = dayRange(plans, today);
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
      window: range(window),
      amazon: amazonFigures(plan, asOf),
      local: {
        numerator: localNum,
        denominator: localDen,
        rate: local.rate,
        margin: local.margin,
        window: range(window),
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
    timeZone,
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
