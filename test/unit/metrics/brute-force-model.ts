/**
 * A deliberately simple model of metrics-spec v2 §2–§4 (and the engine's documented decisions) to check
 * the engine against: for each metric it loops over every order, finds each order's defects by
 * scanning all defects, and turns every instant into a local date with its own Intl call; business
 * days and the end of a local day are found by walking dates and probing Intl. No buckets, no caches,
 * no prefix sums, no shared code with the engine. Slow on purpose; only for property tests on small
 * histories. Counts are in each metric's unit: orders, packages (VTR) or units (OTDR).
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
/** A verdict with its weight in the metric's unit, and how much of it is bad. */
interface Weighed {
  v: Verdict;
  w: number;
  bad: number;
}
const OUT: Weighed = { v: 'out', w: 0, bad: 0 };
const one = (v: Verdict): Weighed => (v === 'out' ? OUT : { v, w: 1, bad: v === 'bad' ? 1 : 0 });
const weighed = (v: Verdict, w: number, bad = w): Weighed => (v === 'out' ? OUT : { v, w, bad: v === 'bad' ? bad : 0 });

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

/** 0 Sunday … 6 Saturday. */
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/** The n-th Monday-to-Friday date after `date` that is not a holiday. */
function businessDayAfter(date: string, n: number, holidays: readonly string[]): string {
  let d = date;
  for (let counted = 0; counted < n;) {
    d = addDays(d, 1);
    if (weekday(d) !== 0 && weekday(d) !== 6 && !holidays.includes(d)) counted++;
  }
  return d;
}

/** The last millisecond whose local date is `date`: the first minute of a later date, probed with Intl, less 1 ms. */
function endOfLocalDate(date: string, timeZone: string): number {
  let lo = Date.parse(`${date}T00:00:00Z`) - 15 * 3_600_000; // on or before `date` in every zone
  let hi = Date.parse(`${date}T00:00:00Z`) + 40 * 3_600_000; // after it in every zone
  while (hi - lo > 60_000) {
    const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
    if (localDate(mid, timeZone) > date) hi = mid;
    else lo = mid;
  }
  return hi - 1;
}

const COUNTRY: Record<string, string> = {
  ATVPDKIKX0DER: 'US',
  A1F83G8C2ARO7P: 'UK',
  A1PA6795UKMFR9: 'DE',
  A13V1IB3VIYZZH: 'FR',
  APJ6JRA9NG5V4: 'IT',
  A1RKKUPIHCS9HS: 'ES',
  A1VC38T7YXB528: 'JP',
};

/** Spec v2 §1.1, written out again: the marketplace's target, or null where the metric does not exist. */
function marketplaceTarget(key: RateMetricKey, country: string | undefined): { bp: number; condition: 'lt' | 'gt' } | null {
  if (key === 'idr.7d') return country && ['UK', 'DE', 'FR', 'IT', 'ES'].includes(country) ? { bp: 500, condition: 'lt' } : null;
  if (key === 'otdr.14d') return { bp: country && ['US', 'UK', 'DE'].includes(country) ? 9000 : 9700, condition: 'gt' };
  const bp = { 'odr.mfn': 100, 'odr.afn': 100, 'lsr.10d': 400, 'lsr.30d': 400, 'cr.7d': 250, 'vtr.30d': 9500 }[key];
  return { bp, condition: key === 'vtr.30d' ? 'gt' : 'lt' };
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
): Partial<Record<RateMetricKey, BruteMetric>> {
  const tz = marketplaceTimeZone(marketplaceId);
  const country = COUNTRY[marketplaceId];
  const engine = settings.engine ?? DEFAULT_ENGINE_SETTINGS;
  const holidays = settings.holidays[marketplaceId] ?? [];
  const exemptBelow = settings.vtrExemptBelow[marketplaceId];
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
  const protectedClaim = (d: Defect) =>
    d.kind === 'claim' &&
    d.protection?.claimsProtectedService === true &&
    d.protection.lateDeliveryRiskLabel === false &&
    d.protection.onTimeFirstScan === true;
  // Spec v2 §2.1: open claims are risks, not defects; "granted" counts unless all three protection conditions hold.
  const countingClaim = (d: Defect, o: Order) =>
    d.kind === 'claim' &&
    (d.status === 'grantedSellerFault' ||
      d.status === 'refundedBySeller' ||
      (d.status === 'granted' && !protectedClaim(d)) ||
      ((d.status === 'grantedAmazonFunded' || (d.status === 'granted' && protectedClaim(d))) && sellerOrAmazonCancelled(o)));
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

  // Spec v2 §2: the auto-cancel deadline and whether the order has been auto-cancelled, and when.
  const autoCancelDeadline = (o: Order): number | undefined => {
    if (o.autoCancelDate !== undefined) return o.autoCancelDate;
    const shipBy = dateOf(o.latestShipDate);
    return shipBy === undefined ? undefined : endOfLocalDate(businessDayAfter(shipBy, 7, holidays), tz);
  };
  const autoCancel = (o: Order): { at: number } | 'early' | null => {
    if (channelOf(o) === 'AFN') return null;
    const deadline = autoCancelDeadline(o);
    if (deadline === undefined) return null;
    if (isUnconfirmed(o)) return asOf > deadline ? { at: deadline } : null;
    if (!cancelled(o) || o.cancellation?.by !== 'AMAZON' || isConfirmed(o)) return null;
    const at = o.cancellation.at;
    if (at !== undefined) {
      if (o.latestShipDate === undefined) return null;
      return at > o.latestShipDate ? { at } : 'early';
    }
    return asOf > deadline ? { at: deadline } : null;
  };
  const autoCancelledAt = (o: Order) => {
    const a = autoCancel(o);
    return a !== null && a !== 'early' ? a.at : undefined;
  };

  const deliveredAt = (o: Order): number | undefined => {
    if (o.deliveredAt !== undefined) return o.deliveredAt;
    const ps = o.packages ?? [];
    if (ps.length === 0 || ps.some((p) => p.deliveredAt === undefined)) return undefined;
    return Math.max(...ps.map((p) => p.deliveredAt!));
  };
  const packageValid = (o: Order, p: NonNullable<Order['packages']>[number]) => {
    if (blank(p.carrier) || blank(p.trackingNumber) || p.carrierScanned === false) return false;
    const delivered = p.deliveredAt ?? deliveredAt(o);
    return p.trackingEnteredAt === undefined || delivered === undefined || p.trackingEnteredAt <= delivered;
  };
  /** Packages and how many lack valid tracking; null when no package list is known. */
  const packagesOf = (o: Order): { all: number; invalid: number } | null => {
    if (o.packages === undefined) return null;
    if (o.packages.length === 0) return { all: 1, invalid: 1 };
    return { all: o.packages.length, invalid: o.packages.filter((p) => !packageValid(o, p)).length };
  };
  const unitsOf = (o: Order): number | undefined => {
    if (!o.items || o.items.length === 0) return undefined;
    let n = 0;
    for (const i of o.items) {
      const q = i.quantityShipped !== undefined && i.quantityShipped > 0 ? i.quantityShipped : i.quantityOrdered;
      if (q === undefined) return undefined;
      n += q;
    }
    return n;
  };
  const exempt = (o: Order) =>
    exemptBelow !== undefined && o.itemsValue !== undefined && o.itemsValue.currency === exemptBelow.currency && o.itemsValue.amount < exemptBelow.amount;

  const verdicts: Record<string, (o: Order, window: { from: string; to: string }) => Weighed> = {};
  const inWindow = (date: string | undefined, w: { from: string; to: string }) => date !== undefined && date >= w.from && date <= w.to;

  const odr =
    (channel: 'MFN' | 'AFN') =>
    (o: Order, w: { from: string; to: string }): Weighed => {
      if (!inWindow(dateOf(o.orderDate), w)) return OUT;
      const c = channelOf(o);
      if (c === undefined) return one('unknown');
      if (c !== channel) return OUT;
      return one(defective(o) ? 'bad' : 'good');
    };
  verdicts['odr.mfn'] = odr('MFN');
  verdicts['odr.afn'] = odr('AFN');

  const lsr = (o: Order, w: { from: string; to: string }): Weighed => {
    if (!inWindow(dateOf(o.latestShipDate), w)) return OUT;
    const c = channelOf(o);
    if (c === 'AFN' || cancelled(o) || autoCancelledAt(o) !== undefined) return OUT;
    if (c === undefined) return one('unknown');
    const deadline = o.latestShipDate!;
    if (isConfirmed(o)) {
      const exact = exactConfirmation(o);
      if (exact !== undefined) return one(exact > deadline ? 'bad' : 'good');
      if (o.shipConfirmation?.notBefore !== undefined && o.shipConfirmation.notBefore >= deadline) return one('bad');
      if (o.shipConfirmation?.notAfter !== undefined && o.shipConfirmation.notAfter <= deadline) return one('good');
      if (o.amazonLate !== undefined) return one(o.amazonLate ? 'bad' : 'good');
      return one('unknown');
    }
    if (isUnconfirmed(o)) return one(asOf > deadline ? 'bad' : 'out');
    return one('unknown');
  };
  verdicts['lsr.10d'] = lsr;
  verdicts['lsr.30d'] = lsr;

  const buyerAsked = (o: Order) => o.cancellation?.buyerRequested === true || o.cancellation?.by === 'BUYER' || o.buyerCancelRequestOpen === true;
  verdicts['cr.7d'] = (o, w) => {
    const c = channelOf(o);
    if (c === 'AFN') return OUT;
    if (c === undefined) return inWindow(dateOf(o.orderDate), w) ? one('unknown') : OUT;
    const auto = autoCancel(o);
    // Spec v2 §2: an auto-cancel counts on its own day, not the order's.
    if (auto !== null && auto !== 'early') return inWindow(dateOf(auto.at), w) ? one(buyerAsked(o) ? 'good' : 'bad') : OUT;
    if (!inWindow(dateOf(o.orderDate), w)) return OUT;
    const k = o.cancellation;
    if (k === undefined && !cancelled(o)) return one(o.status === undefined ? 'unknown' : 'good');
    if (buyerAsked(o)) return one('good');
    if (k?.by === 'AMAZON') return one(auto === 'early' ? 'good' : 'bad');
    if (k?.by === 'SELLER') return one(k.buyerRequested === false || engine.countCancelsWithUnknownRequester ? 'bad' : 'unknown');
    return one('unknown');
  };

  // Spec v2 §2: packages, by promised delivery date.
  verdicts['vtr.30d'] = (o, w) => {
    const c = channelOf(o);
    if (c === 'AFN' || cancelled(o) || autoCancelledAt(o) !== undefined || exempt(o)) return OUT;
    if (isUnconfirmed(o) && c !== undefined) return OUT;
    const promised = dateOf(o.latestDeliveryDate);
    const packages = packagesOf(o);
    const all = packages?.all ?? 1;
    // No promise: the packages cannot be windowed, and are unknown on the ship-by date.
    if (promised === undefined || c === undefined || !isConfirmed(o) || packages === null) {
      return inWindow(promised ?? dateOf(o.latestShipDate), w) ? weighed('unknown', all) : OUT;
    }
    if (!inWindow(promised, w)) return OUT;
    return weighed(packages.invalid > 0 ? 'bad' : 'good', packages.all, packages.invalid);
  };

  // Spec v2 §2: units, by promised delivery date; UK counts only units with a delivery scan.
  verdicts['otdr.14d'] = (o, w) => {
    const promised = dateOf(o.latestDeliveryDate);
    if (!inWindow(promised, w)) return OUT;
    const c = channelOf(o);
    if (c === 'AFN' || cancelled(o) || autoCancelledAt(o) !== undefined) return OUT;
    if (c === undefined) return one('unknown');
    if (o.deliveryProtected === true) return OUT;
    let v: Verdict;
    if (isConfirmed(o)) {
      const packages = packagesOf(o);
      const delivered = deliveredAt(o);
      if (packages !== null && packages.invalid > 0) v = 'out';
      else if (packages === null) v = 'unknown';
      else if (delivered !== undefined) v = dateOf(delivered)! <= promised! ? 'good' : 'bad';
      else if (promised! >= today) v = 'out';
      else v = country === 'UK' ? 'out' : 'unknown';
    } else if (isUnconfirmed(o)) {
      v = 'out';
    } else {
      v = 'unknown';
    }
    if (v === 'out') return OUT;
    const units = unitsOf(o);
    return units === undefined ? one('unknown') : weighed(v, units);
  };

  // Spec v2 §2: Amazon Business orders by order date; invoice due by the end of the business day after confirmation.
  verdicts['idr.7d'] = (o, w) => {
    if (!inWindow(dateOf(o.orderDate), w)) return OUT;
    if (o.businessOrder !== true || cancelled(o) || autoCancelledAt(o) !== undefined) return OUT;
    if (isUnconfirmed(o)) return OUT;
    if (!isConfirmed(o) || o.invoice?.status === undefined) return one('unknown');
    let confirmDate: string | undefined;
    if (channelOf(o) !== 'AFN') {
      confirmDate = dateOf(exactConfirmation(o) ?? o.shipConfirmation?.notAfter ?? o.shipConfirmation?.notBefore);
      if (confirmDate === undefined && engine.confirmationDayFallback === 'latestShipDate') confirmDate = dateOf(o.latestShipDate);
    }
    const deadline = confirmDate === undefined ? undefined : endOfLocalDate(businessDayAfter(confirmDate, 1, holidays), tz);
    if (o.invoice.status === 'uploaded')
      return one(o.invoice.uploadedAt === undefined || deadline === undefined ? 'good' : o.invoice.uploadedAt > deadline ? 'bad' : 'good');
    if (deadline === undefined) return one('unknown');
    return one(asOf > deadline ? 'bad' : 'out');
  };

  const result: Partial<Record<RateMetricKey, BruteMetric>> = {};
  for (const key of RATE_METRICS) {
    const table = marketplaceTarget(key, country);
    if (!table) continue;
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
    // The reading's target, else the seller's own, else the marketplace's.
    const bp = reading?.targetValue !== undefined ? Math.round(reading.targetValue * 10000) : (configured.target?.basisPoints ?? table.bp);
    const condition = reading?.targetValue !== undefined ? (reading.targetCondition ?? table.condition) : (configured.target?.condition ?? table.condition);

    const count = (w: { from: string; to: string }) => {
      let bad = 0;
      let den = 0;
      let unknown = 0;
      for (const o of orders) {
        const v = verdicts[key]!(o, w);
        if (v.v === 'good' || v.v === 'bad') den += v.w;
        if (v.v === 'bad') bad += v.bad;
        if (v.v === 'unknown') unknown += v.w;
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
