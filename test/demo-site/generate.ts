/**
 * generateDemoSeller({ seed, now }): a realistic US seller (Amazon.com, America/Los_Angeles) with
 * ~90 days of MFN and FBA orders ending at `now`, tuned so that several metrics sit just inside their
 * red lines (LSR 10d under 4 %, ODR under 1 %, cancel rate under 2.5 %) and the account has open risks:
 * orders due within hours, an overdue order, an open buyer cancellation request, shipments without
 * tracking, fresh negative feedback and a pending A-to-z claim.
 *
 * Same seed and now → the same account, to the millisecond. Nothing here is real personal data.
 */
import { accountHealthSummary, readingAsOf, type AccountHealthSummary } from './account-health';
import { BUYER_CANCEL_REASONS, CARRIERS, CATALOG, NEGATIVE_COMMENTS, NEUTRAL_COMMENTS, POSITIVE_COMMENTS, REMOVABLE_COMMENTS, trackingIdFor } from './catalog';
import { makeHostile, type HostileFacts } from './hostile';
import type { Channel, DemoChargeback, DemoClaim, DemoFeedback, DemoItem, DemoOrder, DemoSellerData } from './model';
import { Random } from './random';
import { maxUnder, referenceMetrics, type ReferenceMetrics } from './reference-metrics';
import { DAY, HOUR, businessDayAfter, endOfLocalDay, localDay, startOfLocalDay } from './time';

export const DEMO_MARKETPLACE_ID = 'ATVPDKIKX0DER';
export const DEMO_TIME_ZONE = 'America/Los_Angeles';
export const DEMO_HOST = 'sellercentral.amazon.com';
export const DEFAULT_SEED = 20261126;

export interface DemoSellerOptions {
  seed?: number;
  /** The demo's "now" (default: the real current time). Everything is placed relative to it. */
  now?: number | Date;
  days?: number;
  mfnPerDay?: number;
  fbaPerDay?: number;
  /** Hostile strings in every text the pages show (hostile.ts): for browser tests of inert rendering. */
  hostile?: boolean;
}

export interface DemoSeller extends DemoSellerData {
  seed: number;
  now: number;
  host: string;
  /** Orders newest first. */
  orders: DemoOrder[];
  /** metrics-spec §2 applied to the ground truth at `now` (what a perfect local engine would say). */
  expected: ReferenceMetrics;
  /** What Amazon's Account Health shows: the same data as of `readingAsOf` (Amazon lags by days). */
  accountHealth: AccountHealthSummary;
  readingAsOf: number;
  /** With `hostile: true`: where the notable hostile strings are (hostile.ts). */
  hostile?: HostileFacts;
}

const MINUTE = 60_000;

export function generateDemoSeller(options: DemoSellerOptions = {}): DemoSeller {
  const seed = options.seed ?? DEFAULT_SEED;
  const now = options.now === undefined ? Date.now() : +options.now;
  const g = new Generator(seed, now);
  g.background(options.days ?? 90, options.mfnPerDay ?? 7, options.fbaPerDay ?? 2);
  g.recentOpenOrders();
  g.overdue();
  g.autoCancellations();
  g.buyerCancellations();
  g.sellerCancellations();
  g.shipmentsWithoutTracking();
  g.lateShipments();
  g.bulkLateDelivery();
  g.orderDefects();
  g.ordinaryFeedback();

  const data: DemoSellerData = {
    marketplaceId: DEMO_MARKETPLACE_ID,
    timeZone: DEMO_TIME_ZONE,
    orders: g.orders.sort((a, b) => b.orderDate - a.orderDate),
    feedback: g.feedback.sort((a, b) => b.date - a.date),
    claims: g.claims,
    chargebacks: g.chargebacks,
  };
  // Last, so the same seed gives the same account with or without them.
  const hostile = options.hostile ? makeHostile(data, now) : undefined;
  const asOf = readingAsOf(now, DEMO_TIME_ZONE);
  return {
    ...data,
    seed,
    now,
    host: DEMO_HOST,
    expected: referenceMetrics(data, now),
    accountHealth: accountHealthSummary(data, asOf, seed),
    readingAsOf: asOf,
    ...(hostile ? { hostile } : {}),
  };
}

class Generator {
  readonly rng: Random;
  readonly orders: DemoOrder[] = [];
  readonly feedback: DemoFeedback[] = [];
  readonly claims: DemoClaim[] = [];
  readonly chargebacks: DemoChargeback[] = [];
  private readonly ids = new Set<string>();
  private readonly tz = DEMO_TIME_ZONE;
  private readonly today: number;

  constructor(
    seed: number,
    private readonly now: number,
  ) {
    this.rng = new Random(seed);
    this.today = localDay(now, this.tz);
  }

  private day(ms: number): number {
    return localDay(ms, this.tz);
  }

  private orderId(): string {
    for (;;) {
      const id = `11${this.rng.int(1, 4)}-${this.rng.digits(7)}-${this.rng.digits(7)}`;
      if (!this.ids.has(id)) {
        this.ids.add(id);
        return id;
      }
    }
  }

  private items(): DemoItem[] {
    const count = this.rng.chance(0.15) ? 2 : 1;
    return this.rng.sample(CATALOG, count).map((p) => ({
      orderItemId: this.rng.digits(14),
      asin: p.asin,
      sellerSku: p.sellerSku,
      title: p.title,
      quantity: this.rng.chance(0.1) ? 2 : 1,
      unitPrice: p.price,
    }));
  }

  /** A new order with Amazon's promise dates; unshipped until ship() or cancel(). */
  private order(channel: Channel, orderDate: number, shipByDay?: number): DemoOrder {
    const handlingDays = channel === 'AFN' ? 1 : this.rng.pick([1, 1, 2]);
    shipByDay ??= this.day(orderDate) + handlingDays;
    const expedited = channel === 'MFN' && this.rng.chance(0.15);
    const [transitMin, transitMax] = channel === 'AFN' || expedited ? [1, 2] : [2, 5];
    const order: DemoOrder = {
      amazonOrderId: this.orderId(),
      channel,
      orderDate,
      earliestShipDate: Math.max(orderDate, startOfLocalDay(shipByDay - 1, this.tz)),
      latestShipDate: endOfLocalDay(shipByDay, this.tz),
      earliestDeliveryDate: startOfLocalDay(shipByDay + transitMin, this.tz),
      latestDeliveryDate: endOfLocalDay(shipByDay + transitMax, this.tz),
      cancellationDate: channel === 'MFN' ? endOfLocalDay(businessDayAfter(shipByDay, 7), this.tz) : null,
      shippingService: expedited ? 'Expedited' : 'Standard',
      items: this.items(),
      status: 'Unshipped',
      shipConfirmedAt: null,
      package: null,
      deliveredAt: null,
      cancelledAt: null,
      cancelledBy: null,
      buyerCancelRequest: null,
      scenarios: [],
    };
    this.orders.push(order);
    return order;
  }

  private ship(order: DemoOrder, at: number, tracked = true): void {
    const carrier = order.channel === 'AFN' ? 'AMZL_US' : this.rng.pick(CARRIERS);
    order.status = 'Shipped';
    order.shipConfirmedAt = at;
    order.package = {
      carrierName: carrier,
      trackingId: !tracked ? null : carrier === 'AMZL_US' ? `TBA${this.rng.digits(12)}` : trackingIdFor(carrier, this.rng),
      shipDate: at,
    };
    // Most parcels arrive inside the promise even when shipped a little late; about 3 % do not.
    const slack = order.latestDeliveryDate - order.latestShipDate;
    const deliveredAt = this.rng.chance(0.03)
      ? Math.max(at, order.latestDeliveryDate) + this.rng.between(0.5 * DAY, 3 * DAY)
      : at + this.rng.between(0.8 * DAY, Math.max(DAY, slack - 0.3 * DAY));
    order.deliveredAt = deliveredAt <= this.now ? deliveredAt : null;
  }

  private cancel(order: DemoOrder, by: 'SELLER' | 'BUYER' | 'AMAZON', at: number): void {
    order.status = 'Canceled';
    order.cancelledBy = by;
    order.cancelledAt = Math.min(at, this.now - 5 * MINUTE);
    order.shipConfirmedAt = null;
    order.package = null;
    order.deliveredAt = null;
  }

  /** Orders that no scenario has claimed yet, matching `filter`. */
  private ordinary(filter: (o: DemoOrder) => boolean): DemoOrder[] {
    return this.orders.filter((o) => o.scenarios.length === 0 && filter(o));
  }

  private inDays(ms: number, first: number, last: number): boolean {
    const d = this.day(ms);
    return d >= this.today - first && d <= this.today - last;
  }

  background(days: number, mfnPerDay: number, fbaPerDay: number): void {
    for (let back = days - 1; back >= 0; back--) {
      const day = this.today - back;
      const start = startOfLocalDay(day, this.tz);
      const end = Math.min(startOfLocalDay(day + 1, this.tz), this.now);
      const share = (end - start) / DAY; // today is only partly over
      const weekend = [0, 6].includes(new Date(day * DAY).getUTCDay());
      const mfn = Math.round((mfnPerDay + (weekend ? 1 : 0) + this.rng.int(-1, 1)) * share);
      const fba = Math.round((fbaPerDay + this.rng.int(-1, 1)) * share);
      for (let i = 0; i < mfn + fba; i++) {
        const order = this.order(i < mfn ? 'MFN' : 'AFN', this.rng.between(start, end));
        // Sellers confirm at least 2 h before the deadline, so no open order is minutes from it when a test runs.
        const latest = order.channel === 'MFN' ? Math.min(30 * HOUR, order.latestShipDate - order.orderDate - 2 * HOUR) : 20 * HOUR;
        const shipAt = order.orderDate + this.rng.between(2 * HOUR, Math.max(2.5 * HOUR, latest));
        if (shipAt <= this.now) this.ship(order, shipAt);
      }
    }
  }

  /** Payment-pending orders placed minutes ago, and unshipped MFN orders due within hours. */
  recentOpenOrders(): void {
    for (const channel of ['MFN', 'AFN'] as const) {
      const order = this.order(channel, this.now - this.rng.between(5 * MINUTE, 40 * MINUTE));
      order.status = 'Pending';
      order.scenarios.push('pending');
    }
    const dueDay = endOfLocalDay(this.today, this.tz) - this.now >= 2 * HOUR ? this.today : this.today + 1;
    for (let i = 0; i < 3; i++) {
      const order = this.order('MFN', this.now - this.rng.between(1 * HOUR, 20 * HOUR), dueDay);
      order.scenarios.push('due-soon');
    }
  }

  /** One MFN order five days past its ship-by date, days before Amazon would auto-cancel it (7 business days). */
  overdue(): void {
    const pick = this.ordinary((o) => o.channel === 'MFN' && o.status === 'Shipped' && this.day(o.latestShipDate) === this.today - 5);
    const order = pick.length ? this.rng.pick(pick) : null;
    if (!order) return;
    order.status = 'Unshipped';
    order.shipConfirmedAt = null;
    order.package = null;
    order.deliveredAt = null;
    order.scenarios.push('overdue');
  }

  /**
   * Spec v2 §2, the auto-cancel: one unconfirmed MFN order whose deadline (`cancellationDate`) falls
   * 3–70 h from now (ends of business days: over a weekend the next is up to ~2.5 days off), flagged at
   * risk of it by Amazon (it counts as late until then), and one Amazon cancelled for a missing
   * confirmation 3–5 days ago, which counts in the cancel rate on that day and no longer as late.
   * Not 1–2 days ago: Amazon's reading (as of two days back) would still count it as a late shipment
   * while today's pages show it cancelled, so the reading's LSR would hold one order more than Redline
   * can see, and on some days be over the line because of it.
   */
  autoCancellations(): void {
    const unship = (o: DemoOrder) => {
      o.status = 'Unshipped';
      o.shipConfirmedAt = null;
      o.package = null;
      o.deliveredAt = null;
    };
    const soon = this.ordinary(
      (o) =>
        o.channel === 'MFN' &&
        o.status === 'Shipped' &&
        o.cancellationDate !== null &&
        o.cancellationDate - this.now >= 3 * HOUR &&
        o.cancellationDate - this.now <= 70 * HOUR,
    );
    const atRisk = soon.length ? this.rng.pick(soon) : null;
    if (atRisk) {
      unship(atRisk);
      atRisk.scenarios.push('auto-cancel-soon');
    }
    const past = this.ordinary((o) => o.channel === 'MFN' && o.status === 'Shipped' && o.cancellationDate !== null && this.inDays(o.cancellationDate, 5, 3));
    const cancelled = past.length ? this.rng.pick(past) : null;
    if (cancelled) {
      this.cancel(cancelled, 'AMAZON', cancelled.cancellationDate!);
      cancelled.scenarios.push('auto-cancelled');
    }
  }

  buyerCancellations(): void {
    const recent = this.ordinary((o) => o.channel === 'MFN' && this.inDays(o.orderDate, 6, 1));
    const older = this.ordinary((o) => o.channel === 'MFN' && this.inDays(o.orderDate, 80, 8));
    for (const order of [...this.rng.sample(recent, 2), ...this.rng.sample(older, 2)]) {
      const requestedAt = order.orderDate + this.rng.between(15 * MINUTE, 3 * HOUR);
      order.buyerCancelRequest = { requestedAt, reason: this.rng.pick(BUYER_CANCEL_REASONS) };
      this.cancel(order, 'BUYER', requestedAt + this.rng.between(30 * MINUTE, 4 * HOUR));
      order.scenarios.push('buyer-cancel');
    }
    // A request the seller has not acted on yet: cancelling it does not hurt, shipping it would be wrong.
    const open = this.orders.filter((o) => o.channel === 'MFN' && o.status === 'Unshipped' && o.scenarios.length === 0);
    const order = open.length ? this.rng.pick(open) : null;
    if (order) {
      order.buyerCancelRequest = {
        requestedAt: Math.min(this.now - 10 * MINUTE, order.orderDate + this.rng.between(20 * MINUTE, 2 * HOUR)),
        reason: this.rng.pick(BUYER_CANCEL_REASONS),
      };
      order.scenarios.push('buyer-cancel-open');
    }
  }

  /** As many seller cancellations in the last 7 days as keep the cancel rate under 2.5 %, plus older ones. */
  sellerCancellations(): void {
    const { den, num } = referenceMetrics(this.data(), this.now).cr7d; // num: the auto-cancel, when it is in the window
    const recent = this.ordinary((o) => o.channel === 'MFN' && this.inDays(o.orderDate, 6, 0) && o.orderDate < this.now - 3 * HOUR);
    const older = this.ordinary((o) => o.channel === 'MFN' && this.inDays(o.orderDate, 89, 8));
    for (const order of [...this.rng.sample(recent, Math.max(0, maxUnder(0.025, den) - num)), ...this.rng.sample(older, 3)]) {
      this.cancel(order, 'SELLER', order.orderDate + this.rng.between(2 * HOUR, 12 * HOUR));
      order.scenarios.push('seller-cancel');
    }
  }

  shipmentsWithoutTracking(): void {
    const shipped = (first: number, last: number) =>
      this.ordinary((o) => o.channel === 'MFN' && o.shipConfirmedAt !== null && this.inDays(o.shipConfirmedAt, first, last));
    // The fresh one was confirmed 2–20 h ago: a day to add tracking leaves hours, not seconds, on its clock.
    const fresh = this.ordinary(
      (o) => o.channel === 'MFN' && o.shipConfirmedAt !== null && o.shipConfirmedAt > this.now - 20 * HOUR && o.shipConfirmedAt < this.now - 2 * HOUR,
    );
    // Spec v2: VTR counts packages by their promised delivery day, two weeks back (days −43 … −14).
    const promised = (first: number, last: number) =>
      this.ordinary((o) => o.channel === 'MFN' && o.shipConfirmedAt !== null && this.inDays(o.latestDeliveryDate, first, last));
    const chosen = [...this.rng.sample(fresh, 1), ...this.rng.sample(promised(40, 16), 2), ...this.rng.sample(shipped(89, 45), 2)];
    for (const order of chosen) {
      order.package!.trackingId = null;
      if (this.rng.chance(0.5)) order.package!.carrierName = 'Other';
      order.scenarios.push('no-tracking');
    }
  }

  /** Late confirmations: LSR 10d just under 4 %, LSR 30d near 3 %, and a few older ones. */
  lateShipments(): void {
    const makeLate = (first: number, last: number, count: number) => {
      const candidates = this.ordinary(
        (o) => o.channel === 'MFN' && o.status === 'Shipped' && this.inDays(o.latestShipDate, first, last) && o.latestShipDate < this.now - 2 * HOUR,
      );
      for (const order of this.rng.sample(candidates, count)) {
        const delay = this.rng.between(HOUR, Math.max(HOUR, Math.min(36 * HOUR, this.now - order.latestShipDate - HOUR)));
        this.ship(order, order.latestShipDate + delay);
        order.scenarios.push('late-shipment');
      }
    };
    // Under 4 % both now and in Amazon's lagged reading (its 10 days end two days back): the demo shows
    // a metric close to its line, and Amazon's own figure agrees.
    const room = (c: { num: number; den: number }) => maxUnder(0.04, c.den) - c.num;
    const lsr10 = referenceMetrics(this.data(), this.now).lsr10d;
    const lsr10Reading = referenceMetrics(this.data(), readingAsOf(this.now, this.tz)).lsr10d;
    makeLate(9, 2, Math.min(room(lsr10), room(lsr10Reading)));
    // The last two days are not in Amazon's reading yet: they can bring today's rate up to the line alone.
    makeLate(1, 0, room(referenceMetrics(this.data(), this.now).lsr10d));
    const lsr30 = referenceMetrics(this.data(), this.now).lsr30d;
    const target30 = Math.min(maxUnder(0.04, lsr30.den), Math.max(lsr30.num, Math.round(0.03 * lsr30.den)));
    // Older than Amazon's 10 days (which reach day −11), so they weigh on the 30-day rate only.
    makeLate(29, 12, target30 - lsr30.num);
    makeLate(89, 31, 3);
  }

  /**
   * Spec v2 §6: OTDR counts units. One order of 6 units, promised within OTDR's window (days −20 … −7),
   * arrives a day late: it costs 6, not 1.
   */
  bulkLateDelivery(): void {
    const candidates = this.ordinary(
      (o) => o.channel === 'MFN' && o.deliveredAt !== null && !!o.package?.trackingId && this.inDays(o.latestDeliveryDate, 18, 9),
    );
    const order = candidates.length ? this.rng.pick(candidates) : null;
    if (!order) return;
    order.items = [{ ...order.items[0]!, quantity: 6 }];
    order.deliveredAt = Math.min(this.now - HOUR, order.latestDeliveryDate + this.rng.between(6 * HOUR, DAY));
    order.scenarios.push('late-delivery-bulk');
  }

  private delivered(first: number, last: number, channel: Channel = 'MFN'): DemoOrder[] {
    return this.ordinary((o) => o.channel === channel && o.deliveredAt !== null && !!o.package?.trackingId && this.inDays(o.orderDate, first, last));
  }

  /** `comment`: a fixed text (the random pick still happens, so the rest of the account stays the same). */
  private addFeedback(order: DemoOrder, rating: DemoFeedback['rating'], status: DemoFeedback['status'] = 'ACTIVE', comment?: string): void {
    const base = order.deliveredAt ?? order.latestDeliveryDate;
    const comments = rating <= 2 ? NEGATIVE_COMMENTS : rating === 3 ? NEUTRAL_COMMENTS : POSITIVE_COMMENTS;
    const feedbackId = `FB${this.rng.digits(10)}`;
    const picked = this.rng.pick(comments);
    this.feedback.push({
      feedbackId,
      orderId: order.amazonOrderId,
      rating,
      comments: comment ?? picked,
      date: Math.min(this.now - HOUR, base + this.rng.between(0.5 * DAY, 6 * DAY)),
      status,
      arrivedOnTime: rating >= 3 || this.rng.chance(0.3),
      itemAsDescribed: rating >= 3,
      customerServiceOk: rating >= 4 ? true : rating <= 2 ? false : null,
    });
  }

  private addClaim(order: DemoOrder, status: DemoClaim['status']): void {
    const filedAt =
      status === 'PENDING'
        ? this.now - this.rng.between(6 * HOUR, 40 * HOUR) // filed lately: its 72 hours to respond are still running
        : Math.min(this.now - 2 * HOUR, order.latestDeliveryDate + this.rng.between(DAY, 5 * DAY));
    this.claims.push({
      claimId: this.rng.digits(11),
      orderId: order.amazonOrderId,
      filedAt,
      status,
      reason: status === 'DENIED' ? 'Item not as described' : 'Item not received',
      amount: order.items.reduce((sum, i) => sum + i.unitPrice * i.quantity, 0),
      respondBy: status === 'PENDING' ? filedAt + 3 * DAY : null,
    });
  }

  /**
   * ODR: as many defective MFN orders in Amazon's window (days −73 … −14) as keep it under 1 %:
   * one order with both a 1-star feedback and a granted claim (one defect), a chargeback, then
   * negative feedback. Plus defects that do not count, and fresh ones that will enter the window.
   */
  orderDefects(): void {
    const { den } = referenceMetrics(this.data(), this.now).odrMfn;
    const inWindow = this.rng.sample(this.delivered(73, 14), maxUnder(0.01, den) + 3);
    inWindow.slice(0, maxUnder(0.01, den)).forEach((order, i) => {
      if (i === 0) {
        this.addFeedback(order, 1);
        this.addClaim(order, 'GRANTED');
        order.scenarios.push('negative-feedback', 'claim');
      } else if (i === 1) {
        const chargebackFiled = Math.max(order.orderDate + DAY, this.now - this.rng.between(DAY, 4 * DAY));
        this.chargebacks.push({
          id: `CB-${this.rng.digits(9)}`,
          orderId: order.amazonOrderId,
          // Filed a few days ago, after the order left the shop: its 7 days to respond are still running.
          filedAt: chargebackFiled,
          status: 'OPEN',
          reasonCode: 'Merchandise not received',
          amount: order.items.reduce((sum, it) => sum + it.unitPrice * it.quantity, 0),
          respondBy: chargebackFiled + 7 * DAY,
        });
        order.scenarios.push('chargeback');
      } else {
        this.addFeedback(order, this.rng.pick([1, 2] as const));
        order.scenarios.push('negative-feedback');
      }
    });
    const [removed, denied] = inWindow.slice(-2);
    if (removed) {
      this.addFeedback(removed, 1, 'REMOVED');
      removed.scenarios.push('removed-feedback');
    }
    if (denied) {
      this.addClaim(denied, 'DENIED');
      denied.scenarios.push('claim');
    }
    const afn = this.rng.sample(this.delivered(73, 14, 'AFN'), 1)[0];
    if (afn) {
      this.addFeedback(afn, 2, 'ACTIVE', REMOVABLE_COMMENTS.fbaDelivery);
      afn.scenarios.push('negative-feedback');
    }
    const [freshFeedback, freshClaim] = this.rng.sample(this.delivered(13, 5), 2);
    if (freshFeedback) {
      this.addFeedback(freshFeedback, 2, 'ACTIVE', REMOVABLE_COMMENTS.productReview);
      freshFeedback.scenarios.push('negative-feedback');
    }
    if (freshClaim) {
      this.addClaim(freshClaim, 'PENDING');
      freshClaim.scenarios.push('claim');
    }
  }

  /** About 6 % of delivered orders get feedback; nearly all of it positive. */
  ordinaryFeedback(): void {
    for (const order of this.ordinary((o) => o.deliveredAt !== null)) {
      if (!this.rng.chance(0.06)) continue;
      this.addFeedback(order, this.rng.chance(0.1) ? 3 : this.rng.chance(0.75) ? 5 : 4);
    }
  }

  private data(): DemoSellerData {
    return {
      marketplaceId: DEMO_MARKETPLACE_ID,
      timeZone: this.tz,
      orders: this.orders,
      feedback: this.feedback,
      claims: this.claims,
      chargebacks: this.chargebacks,
    };
  }
}
