/**
 * What the metrics need to know about one order, derived once per order and shared by every metric:
 * its local days, whether and when it was ship-confirmed, whether that was late, whether its tracking
 * is valid. Unknown inputs stay unknown (metrics-spec §7): an order whose status no source gave is
 * neither "shipped" nor "unshipped".
 */
import type { EngineSettings, FulfillmentChannel, Order, Package } from '../model';
import type { LocalCalendar } from './calendar';
import type { OrderDefects } from './defects';

export interface FactsContext {
  calendar: LocalCalendar;
  asOf: number;
  /** Local day index of asOf. */
  today: number;
  engine: EngineSettings;
  unknownCarriers: CarrierNames;
  /** Optional: a carrier's number that cannot be one of its numbers (format or check digit; lib/tracking). */
  trackingLooksWrong?: TrackingNumberCheck;
}

/** True when `trackingNumber` is known not to be a number of `carrier`; false when fine or not checkable. */
export type TrackingNumberCheck = (carrier: string, trackingNumber: string) => boolean;

/**
 * Case-insensitive carrier names (`engine.unknownCarriers`). Checks the length first: almost every
 * carrier (`UPS`, `USPS`, `DHL`) differs in length from `other` and `unknown`, so the pass over
 * 100,000 shipments lower-cases (allocates) almost nothing.
 */
export class CarrierNames {
  private readonly names: ReadonlySet<string>;
  private readonly lengths: ReadonlySet<number>;
  constructor(names: readonly string[]) {
    this.names = new Set(names.map((n) => n.trim().toLowerCase()));
    this.lengths = new Set([...this.names].map((n) => n.length));
  }
  has(carrier: string): boolean {
    const name = carrier.trim();
    return this.lengths.has(name.length) && this.names.has(name.toLowerCase());
  }
}

export type ShipState = 'confirmed' | 'unconfirmed' | 'unknown';
export type Lateness = 'late' | 'onTime' | 'unknown';
export type TrackingState = 'valid' | 'invalid' | 'unknown';

function dayOrNaN(calendar: LocalCalendar, instant: number | undefined): number {
  return instant === undefined || !Number.isFinite(instant) ? Number.NaN : calendar.dayOf(instant);
}

function blank(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}

function earliestShipTime(packages: readonly Package[] | undefined): number | undefined {
  let earliest: number | undefined;
  if (packages) for (const p of packages) if (p.shipTime !== undefined && (earliest === undefined || p.shipTime < earliest)) earliest = p.shipTime;
  return earliest;
}

/**
 * Confirmed when a source shows it: a confirmation time, a first sighting as shipped, a package ship
 * time, or a shipped status. Unconfirmed only when the status says unshipped or pending. Anything else
 * (no status, or cancelled without a shipment) is unknown.
 */
function shipStateOf(order: Order, exactAt: number | undefined): ShipState {
  if (exactAt !== undefined || order.shipConfirmation?.notAfter !== undefined) return 'confirmed';
  if (order.status === 'shipped' || order.status === 'partiallyShipped') return 'confirmed';
  if (order.status === 'unshipped' || order.status === 'pending') return 'unconfirmed';
  return 'unknown';
}

/**
 * §2 LSR: the moment of confirmation counts. Exact time → compare it. A bracket (notBefore, notAfter]
 * decides when it lies wholly after or wholly before the deadline. Else Amazon's own `Late` flag
 * [decision]. Else unknown.
 */
function latenessOf(order: Order, exactAt: number | undefined): Lateness {
  const deadline = order.latestShipDate;
  if (deadline === undefined) return 'unknown';
  if (exactAt !== undefined) return exactAt > deadline ? 'late' : 'onTime';
  const bracket = order.shipConfirmation;
  if (bracket?.notBefore !== undefined && bracket.notBefore >= deadline) return 'late';
  if (bracket?.notAfter !== undefined && bracket.notAfter <= deadline) return 'onTime';
  if (order.amazonLate !== undefined) return order.amazonLate ? 'late' : 'onTime';
  return 'unknown';
}

/**
 * §2 VTR: every package has a carrier and a tracking number; where scan data is known, at least one
 * carrier scan. No package list from the source: unknown. An empty list: no tracking at all.
 */
function trackingOf(packages: readonly Package[] | undefined): TrackingState {
  if (packages === undefined) return 'unknown';
  if (packages.length === 0) return 'invalid';
  let scanKnown = false;
  let scanned = false;
  for (const p of packages) {
    if (blank(p.carrier) || blank(p.trackingNumber)) return 'invalid';
    if (p.carrierScanned !== undefined) scanKnown = true;
    if (p.carrierScanned === true) scanned = true;
  }
  return !scanKnown || scanned ? 'valid' : 'invalid';
}

function trackingAtRiskOf(packages: readonly Package[] | undefined, unknownCarriers: CarrierNames): boolean {
  if (packages === undefined) return false;
  if (packages.length === 0) return true;
  for (const p of packages) {
    if (blank(p.carrier) || blank(p.trackingNumber) || unknownCarriers.has(p.carrier!)) return true;
  }
  return false;
}

/**
 * The facts of one order. The pass over orders reuses one instance for every order (`read` overwrites
 * every field), so counting 100,000 orders allocates nothing per order.
 */
export class OrderFacts {
  order!: Order;
  defects: OrderDefects | undefined;
  /** The order's channel, else the one its defects give. */
  channel: FulfillmentChannel | undefined;
  cancelled = false;
  /** Local day indexes; NaN when the instant is unknown (or not needed: AFN orders get only `orderDay`). */
  orderDay = Number.NaN;
  shipByDay = Number.NaN;
  deliverByDay = Number.NaN;
  deliveredDay = Number.NaN;
  ship: ShipState = 'unknown';
  /** Best known instant of the ship confirmation (exact, else its bracket), for placing it on a day; NaN when unknown. */
  confirmedAt = Number.NaN;
  /** Day the confirmation counts on in VTR (NaN when unknown). */
  confirmDay = Number.NaN;
  /** For confirmed orders: was the confirmation after latestShipDate (§2 LSR)? */
  lateness: Lateness = 'unknown';
  /** Unconfirmed and past latestShipDate: it will be late whenever confirmed (§2 LSR). */
  overdue = false;
  tracking: TrackingState = 'unknown';
  /** Some package lacks a carrier or a tracking number, or names an unknown carrier (§5). */
  trackingAtRisk = false;

  constructor(private readonly ctx: FactsContext) {}

  read(order: Order, defects: OrderDefects | undefined): this {
    const { calendar, asOf } = this.ctx;
    this.order = order;
    this.defects = defects;
    const channel = order.channel ?? defects?.channel;
    this.channel = channel;
    this.cancelled = order.status === 'cancelled';
    this.orderDay = dayOrNaN(calendar, order.orderDate);
    const exactAt = order.shipConfirmation?.at ?? earliestShipTime(order.packages);
    const ship = shipStateOf(order, exactAt);
    this.ship = ship;
    this.confirmedAt = exactAt ?? order.shipConfirmation?.notAfter ?? order.shipConfirmation?.notBefore ?? Number.NaN;
    this.overdue = ship === 'unconfirmed' && order.latestShipDate !== undefined && asOf > order.latestShipDate;
    if (channel === 'AFN') {
      // Only ODR counts FBA orders; what the seller-fulfilled metrics need is skipped.
      this.shipByDay = this.deliverByDay = this.deliveredDay = this.confirmDay = Number.NaN;
      this.lateness = 'unknown';
      this.tracking = 'unknown';
      this.trackingAtRisk = false;
      return this;
    }
    this.shipByDay = dayOrNaN(calendar, order.latestShipDate);
    this.deliverByDay = dayOrNaN(calendar, order.latestDeliveryDate);
    this.deliveredDay = dayOrNaN(calendar, order.deliveredAt);
    this.confirmDay = dayOrNaN(calendar, this.confirmedAt);
    // [decision, engine.confirmationDayFallback] A shipped order whose confirmation time no source gave
    // is placed on its ship-by day: most confirmations happen by then, and leaving every such order out
    // would empty VTR for sellers whose only source is the orders list.
    if (ship === 'confirmed' && Number.isNaN(this.confirmDay) && this.ctx.engine.confirmationDayFallback === 'latestShipDate') {
      this.confirmDay = this.shipByDay;
    }
    this.lateness = ship === 'confirmed' ? latenessOf(order, exactAt) : 'unknown';
    this.tracking = trackingOf(order.packages);
    this.trackingAtRisk = ship === 'confirmed' && trackingAtRiskOf(order.packages, this.ctx.unknownCarriers);
    return this;
  }
}
