/**
 * A deliberately simple model of metrics-spec §2–§4 (and the engine's documented decisions) to check
 * the engine against: for each metric it loops over every order, finds each order's defects by
 * scanning all defects, and turns every instant into a local date with its own Intl call. No buckets,
 * no caches, no prefix sums. Slow on purpose; only for property tests on small histories.
 */
import { marketplaceTimeZone } from '../../../lib/marketplaces';
import type { AmazonReading, Defect, Order, RateMetricKey, Settings } from '../../../lib/model';
import { DEFAULT_ENGINE_SETTINGS, RATE_METRICS } from '../../../lib/model';

export interface BruteFigures {
  numerator: number;
  denominator: number;
  unknown: number;
  margin: number | null;
  window: { from: string; to: string };
}

export interface BruteMetric {
  local: BruteFigures;
  /** Amazon's counts moved forward (spec §4), or the local figures without a usable reading. */
  projected: { numerator: number; denominator: number; margin: number | null };
  targetBasisPoints: number;
  condition: 'lt' | 'gt';
}

type Verdict = 'good' | 'bad' | 'unknown' | 'out';

const DAY = 86_400_000;

const formats = new Map<string, Intl.DateTimeFormat>();

/** The local date of an instant: one Intl call per instant (only the formatter object is kept). */
function localDate(epochMs: number, timeZone: string): string {
  let format = formats.get(timeZone);
  if (!format) formats.set(timeZone, (format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  const parts = format.formatToParts(epochMs);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

/** Margin straight from the spec's formula, with exact rationals via BigInt. */
function margin(num: number, den: number, bp: number, condition: 'lt' | 'gt'): number | null {
  if (den === 0) return null;
  // LESS_THAN: ceil(t·den − num) − 1; GREATER_THAN: ceil(g − t·den) − 1; t = bp/10000.
  const scaled = condition === 'lt' ? BigInt(bp) * BigInt(den) - 10000n * BigInt(num) : 10000n * BigInt(num) - BigInt(bp) * BigInt(den);
  let q = scaled / 10000n; // truncates toward zero
  if (scaled > 0n && scaled % 10000n !== 0n) q += 1n; // ceil for positives
  return Number(q) - 1;
}

export function bruteForceModel(
  data: { orders: Order[]; defects: Defect[]; readings: AmazonReading[] },
  asOf: number,
  settings: Settings,
  marketplaceId: string,
): Record<RateMetricKey, BruteMetric> {
  const tz = marketplaceTimeZone(marketplaceId);
  const engine = settings.engine ?? DEFAULT_ENGINE_SETTINGS;
  const dateOf = (ms: number | undefined) => (ms === undefined || Number.isNaN(ms) ? undefined : localDate(ms, tz));
  const today = localDate(asOf, tz);

  // Defects: this marketplace, one per id (the latest observed).
  const defects: Defect[] = [];
  for (const d of data.defects) {
    if (d.marketplaceId !== marketplaceId) continue;
    const twin = defects.findIndex((x) => x.id === d.id);
    if (twin === -1) defects.push(d);
    else if (d.observedAt > defects[twin]!.observedAt) defects[twin] = d;
  }
  const orders = data.orders.filter((o) => o.marketplaceId === marketplaceId);
  // Orders known only from their defects.
  for (const d of defects) {
    if (orders.some((o) => o.orderId === d.orderId)) continue;
    const all = defects.filter((x) => x.orderId === d.orderId);
    orders.push({
      orderId: d.orderId,
      marketplaceId,
      channel: all.find((x) => x.channel)?.channel,
      orderDate: all.find((x) => x.orderDate !== undefined)?.orderDate ?? Number.NaN,
      observedAt: 0,
      source: 'defects',
    });
  }
  const defectsOf = (o: Order) => defects.filter((d) => d.orderId === o.orderId);
  const channelOf = (o: Order) => o.channel ?? defectsOf(o).find((d) => d.channel)?.channel;
  const sellerOrAmazonCancelled = (o: Order) => o.cancellation?.by === 'SELLER' || o.cancellation?.by === 'AMAZON';

  const negative = (d: Defect) => d.kind === 'feedback' && d.rating <= 2 && !d.removed;
  const countingClaim = (d: Defect, o: Order) =>
    d.kind === 'claim' &&
    (d.status === 'open' || d.status === 'grantedSellerFault' || d.status === 'refundedBySeller' || (d.status === 'grantedAmazonFunded' && sellerOrAmazonCancelled(o)));
  const countingChargeback = (d: Defect) =>
    d.kind === 'chargeback' && (d.status === 'open' || d.status === 'decidedAgainstSeller') && !(d.fraud && !settings.countFraudChargebacks);
  const defective = (o: Order) => defectsOf(o).some((d) => negative(d) || countingClaim(d, o) || countingChargeback(d));

  const packageTimes = (o: Order) => (o.packages ?? []).map((p) => p.shipTime).filter((t): t is number => t !== undefined);
  const exactConfirmation = (o: Order) => o.shipConfirmation?.at ?? (packageTimes(o).length ? Math.min(...packageTimes(o)) : undefined);
  const isConfirmed = (o: Order) =>
    exactConfirmation(o) !== undefined || o.shipConfirmation?.notAfter !== undefined || o.status === 'shipped' || o.status === 'partiallyShipped';
  const isUnconfirmed = (o: Order) => !isConfirmed(o) && (o.status === 'unshipped' || o.status === 'pending');
  const cancelled = (o: Order) => o.status === 'cancelled';
  const blank = (s: string | undefined) => s === undefined || s.trim() === '';
  const trackingValid = (o: Order): boolean | undefined => {
    if (o.packages === undefined) return undefined;
    if (o.packages.length === 0) return false;
    if (o.packages.some((p) => blank(p.carrier) || blank(p.trackingNumber))) return false;
    const scanKnown = o.packages.some((p) => p.carrierScanned !== undefined);
    return !scanKnown || o.packages.some((p) => p.carrierScanned === true);
  };

  const verdicts: Record<string, (o: Order, window: { from: string; to: string }) => Verdict> = {};
  const inWindow = (date: string | undefined, w: { from: string; to: string }) => date !== undefined && date >= w.from && date <= w.to;

  const odr = (channel: 'MFN' | 'AFN') => (o: Order, w: { from: string; to: string }): Verdict => {
    if (!inWindow(dateOf(o.orderDate), w)) return 'out';
    const c = channelOf(o);
    if (c === undefined) return 'unknown';
    if (c !== channel) return 'out';
    return defective(o) ? 'bad' : 'good';
  };
  verdicts['odr.mfn'] = odr('MFN');
  verdicts['odr.afn'] = odr('AFN');

  const lsr = (o: Order, w: { from: string; to: string }): Verdict => {
    if (!inWindow(dateOf(o.latestShipDate), w)) return 'out';
    const c = channelOf(o);
    if (c === 'AFN' || cancelled(o)) return 'out';
    if (c === undefined) return 'unknown';
    const deadline = o.latestShipDate!;
    if (isConfirmed(o)) {
      const exact = exactConfirmation(o);
      if (exact !== undefined) return exact > deadline ? 'bad' : 'good';
      if (o.shipConfirmation?.notBefore !== undefined && o.shipConfirmation.notBefore >= deadline) return 'bad';
      if (o.shipConfirmation?.notAfter !== undefined && o.shipConfirmation.notAfter <= deadline) return 'good';
      if (o.amazonLate !== undefined) return o.amazonLate ? 'bad' : 'good';
      return 'unknown';
    }
    if (isUnconfirmed(o)) return asOf > deadline ? 'bad' : 'out';
    return 'unknown';
  };
  verdicts['lsr.10d'] = lsr;
  verdicts['lsr.30d'] = lsr;

  verdicts['cr.7d'] = (o, w) => {
    if (!inWindow(dateOf(o.orderDate), w)) return 'out';
    const c = channelOf(o);
    if (c === 'AFN') return 'out';
    if (c === undefined) return 'unknown';
    const k = o.cancellation;
    if (k === undefined && !cancelled(o)) return o.status === undefined ? 'unknown' : 'good';
    if (k?.buyerRequested === true || k?.by === 'BUYER' || o.buyerCancelRequestOpen === true) return 'good';
    if (k?.by === 'AMAZON') return 'bad';
    if (k?.by === 'SELLER') return k.buyerRequested === false || engine.countCancelsWithUnknownRequester ? 'bad' : 'unknown';
    return 'unknown';
  };

  verdicts['vtr.30d'] = (o, w) => {
    const c = channelOf(o);
    if (c === 'AFN' || cancelled(o)) return 'out';
    const at = exactConfirmation(o) ?? o.shipConfirmation?.notAfter ?? o.shipConfirmation?.notBefore;
    let day = dateOf(at);
    if (c === undefined) return inWindow(day ?? dateOf(o.latestShipDate), w) ? 'unknown' : 'out';
    if (isConfirmed(o)) {
      if (day === undefined && engine.confirmationDayFallback === 'latestShipDate') day = dateOf(o.latestShipDate);
      if (!inWindow(day, w)) return 'out';
      const valid = trackingValid(o);
      return valid === undefined ? 'unknown' : valid ? 'good' : 'bad';
    }
    if (isUnconfirmed(o)) return 'out';
    return inWindow(dateOf(o.latestShipDate), w) ? 'unknown' : 'out';
  };

  verdicts['otdr.14d'] = (o, w) => {
    const promised = dateOf(o.latestDeliveryDate);
    if (!inWindow(promised, w)) return 'out';
    const c = channelOf(o);
    if (c === 'AFN' || cancelled(o)) return 'out';
    if (c === undefined) return 'unknown';
    if (isConfirmed(o)) {
      const valid = trackingValid(o);
      if (valid === false) return 'out';
      if (valid === undefined) return 'unknown';
      if (o.deliveredAt !== undefined) return dateOf(o.deliveredAt)! <= promised! ? 'good' : 'bad';
      return promised! >= today ? 'out' : 'unknown';
    }
    if (isUnconfirmed(o)) return 'out';
    return 'unknown';
  };

  const result = {} as Record<RateMetricKey, BruteMetric>;
  for (const key of RATE_METRICS) {
    const configured = settings.metrics[key];
    // The latest reading observed by asOf.
    const reading = data.readings
      .filter((r) => r.marketplaceId === marketplaceId && r.metric === key && r.observedAt <= asOf)
      .reduce<AmazonReading | undefined>((best, r) => (!best || r.observedAt > best.observedAt ? r : best), undefined);
    let readingWindow: { from: string; to: string } | undefined;
    if (reading?.windowFrom !== undefined && reading.windowTo !== undefined && reading.windowTo >= reading.windowFrom) {
      // Amazon's dates written as UTC midnights are dates; other instants are local.
      if (reading.windowFrom % DAY === 0) {
        const toMs = reading.windowTo % DAY === 0 && reading.windowTo > reading.windowFrom ? reading.windowTo - 1 : reading.windowTo;
        readingWindow = { from: new Date(reading.windowFrom).toISOString().slice(0, 10), to: new Date(toMs).toISOString().slice(0, 10) };
      } else {
        readingWindow = { from: dateOf(reading.windowFrom)!, to: dateOf(reading.windowTo)! };
      }
    }
    const observedDay = reading ? dateOf(reading.observedAt)! : today;
    const length = readingWindow ? daysBetween(readingWindow.from, readingWindow.to) + 1 : configured.windowDays;
    const lag = readingWindow ? Math.max(0, daysBetween(readingWindow.to, observedDay)) : configured.lagDays;
    const to = addDays(today, -lag);
    const window = { from: addDays(to, -(length - 1)), to };
    const bp = reading?.targetValue !== undefined ? Math.round(reading.targetValue * 10000) : configured.target.basisPoints;
    const condition = reading?.targetValue !== undefined ? (reading.targetCondition ?? configured.target.condition) : configured.target.condition;

    const count = (w: { from: string; to: string }) => {
      let bad = 0;
      let den = 0;
      let unknown = 0;
      for (const o of orders) {
        const v = verdicts[key]!(o, w);
        if (v === 'good' || v === 'bad') den++;
        if (v === 'bad') bad++;
        if (v === 'unknown') unknown++;
      }
      return { num: condition === 'lt' ? bad : den - bad, den, unknown };
    };
    const local = count(window);

    // §4: Amazon's counts moved forward, day by day.
    let projected = { numerator: local.num, denominator: local.den };
    const readingDen = reading?.denominator;
    const readingNum = reading?.numerator ?? (reading?.rate !== undefined && readingDen !== undefined ? Math.round(reading.rate * readingDen) : undefined);
    if (reading && readingDen !== undefined && readingNum !== undefined) {
      const aNum = Math.min(readingNum, readingDen);
      const aWindow = readingWindow ?? { from: addDays(observedDay, -lag - length + 1), to: addDays(observedDay, -lag) };
      const aLength = daysBetween(aWindow.from, aWindow.to) + 1;
      const overA = count(aWindow);
      const missingDen = Math.max(0, readingDen - overA.den);
      const missingNum = Math.max(0, aNum - overA.num);
      let den = readingDen;
      let num = aNum;
      let leftDays = 0;
      for (let d = window.from; d <= window.to; d = addDays(d, 1)) {
        if (d < aWindow.from || d > aWindow.to) {
          const one = count({ from: d, to: d });
          den += one.den;
          num += one.num;
        }
      }
      for (let d = aWindow.from; d <= aWindow.to; d = addDays(d, 1)) {
        if (d < window.from || d > window.to) {
          const one = count({ from: d, to: d });
          den -= one.den;
          num -= one.num;
          leftDays++;
        }
      }
      den = Math.max(0, den - Math.round((missingDen * leftDays) / aLength));
      num = Math.max(0, num - Math.round((missingNum * leftDays) / aLength));
      projected = { numerator: Math.min(num, den), denominator: den };
    }
    result[key] = {
      local: { numerator: local.num, denominator: local.den, unknown: local.unknown, margin: margin(local.num, local.den, bp, condition), window },
      projected: { ...projected, margin: margin(projected.numerator, projected.denominator, bp, condition) },
      targetBasisPoints: bp,
      condition,
    };
  }
  return result;
}
