/**
 * What the metrics need to know about one order, derived once per order and shared by every metric:
 * its local days, whether and when it was ship-confirmed, whether that was late, whether its tracking
 * is valid. Unknown inputs stay unknown (metrics-spec §7): an order whose status no source gave is
 * neither "shipped" nor "unshipped".
 */
import type { EngineSettings, FulfillmentChannel, Money, Order, Package } from '../model';
import type { BusinessDays, LocalCalendar } from './calendar';
import type { OrderDefects } from './defects';

export interface FactsContext {
  calendar: LocalCalendar;
  /** The marketplace's business days (auto-cancel and invoice deadlines). */
  businessDays: BusinessDays;
  asOf: number;
  /** Local day index of asOf. */
  today: number;
  engine: EngineSettings;
  unknownCarriers: CarrierNames;
  /** Packages of orders whose items are worth less than this leave VTR (spec v2 §2: JP under ¥1,000). */
  vtrExemptBelow: Money | undefined;
  /** UK: OTDR counts only units with a delivery scan (spec v2 §2). */
  otdrScannedOnly: boolean;
  /** The seller's own dispatch rule in hours after payment, or null when off (spec v2 §5). */
  dispatchRuleHours: number | null;
  /** Optional: a carrier's number that cannot be one of its numbers (format or check digit; lib/tracking). */
  trackingLooksWrong?: TrackingNumberCheck;
}

/** Amazon auto-cancels an order still unconfirmed this many business days after its ship-by day (spec v2 §2). */
export const AUTO_CANCEL_BUSINESS_DAYS = 7;

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

/** Empty or only spaces; checks the first character before trimming (a trim per package of a year adds up). */
function blank(text: string | undefined): boolean {
  return text === undefined || text.length === 0 || (text.charCodeAt(0) <= 32 && text.trim() === '');
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
 * §2 VTR, per package: a carrier and a tracking number, entered before delivery where both times are
 * known, and no known absence of a carrier scan. Tracking entered after delivery "is invalid" [A].
 */
function packageValid(p: Package, orderDeliveredAt: number | undefined): boolean {
  if (blank(p.carrier) || blank(p.trackingNumber) || p.carrierScanned === false) return false;
  const delivered = p.deliveredAt ?? orderDeliveredAt;
  return p.trackingEnteredAt === undefined || delivered === undefined || p.trackingEnteredAt <= delivered;
}

/** When every package is known delivered, the last delivery; else the order's own delivery time. */
function deliveredAtOf(order: Order): number | undefined {
  if (order.deliveredAt !== undefined) return order.deliveredAt;
  const packages = order.packages;
  if (!packages || packages.length === 0) return undefined;
  let last = 0;
  for (const p of packages) {
    if (p.deliveredAt === undefined) return undefined;
    if (p.deliveredAt > last) last = p.deliveredAt;
  }
  return last;
}

/**
 * Units the order shipped (OTDR counts units, spec v2 §2): each line's shipped quantity, else its
 * ordered quantity; NaN when any line's quantity, or the lines themselves, are unknown.
 */
function unitsOf(order: Order): number {
  const items = order.items;
  if (!items || items.length === 0) return Number.NaN;
  let units = 0;
  for (const item of items) {
    const q = item.quantityShipped !== undefined && item.quantityShipped > 0 ? item.quantityShipped : item.quantityOrdered;
    if (q === undefined) return Number.NaN;
    units += q;
  }
  return units;
}

/** The order's product category: its first line that names one (spec v2 §2: VTR per category). */
function categoryOf(order: Order): string | undefined {
  const items = order.items;
  if (items) for (const item of items) if (item.category !== undefined && item.category.trim() !== '') return item.category;
  return undefined;
}

/** §2: packages of an order worth less than the marketplace's exemption leave VTR (same currency only). */
function isVtrExempt(order: Order, below: Money | undefined): boolean {
  const value = order.itemsValue;
  return below !== undefined && value !== undefined && value.currency === below.currency && value.amount < below.amount;
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
  /** An Amazon Business order (IDR's population), as a source says. */
  business = false;
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
  /** VTR counts packages (spec v2 §2): how many the order shipped in (a confirmation without any is one, invalid), and how many lack valid tracking. */
  packages = 0;
  invalidPackages = 0;
  /** Shipped units (OTDR), NaN when unknown. */
  units = Number.NaN;
  category: string | undefined = undefined;
  vtrExempt = false;
  /**
   * Amazon's auto-cancel deadline (spec v2 §2): `cancellationDate` where the page gives it, else the end
   * of the 7th business day after the ship-by day; NaN when neither is known.
   */
  autoCancelAt = Number.NaN;
  /** Auto-cancelled for a missing confirmation (by now, or as Amazon's cancellation shows): a CR defect on `autoCancelDay`, out of LSR. */
  autoCancelled = false;
  autoCancelDay = Number.NaN;
  /** Cancelled by Amazon before the ship-by date: for payment or fraud, not counted in CR [3P]. */
  cancelledByAmazonEarly = false;

  constructor(private readonly ctx: FactsContext) {}

  read(order: Order, defects: OrderDefects | undefined): this {
    const { calendar, asOf } = this.ctx;
    this.order = order;
    this.defects = defects;
    const channel = order.channel ?? defects?.channel;
    this.channel = channel;
    this.cancelled = order.status === 'cancelled';
    this.business = order.businessOrder === true;
    this.orderDay = dayOrNaN(calendar, order.orderDate);
    const exactAt = order.shipConfirmation?.at ?? earliestShipTime(order.packages);
    const ship = shipStateOf(order, exactAt);
    this.ship = ship;
    this.confirmedAt = exactAt ?? order.shipConfirmation?.notAfter ?? order.shipConfirmation?.notBefore ?? Number.NaN;
    this.category = undefined;
    this.units = Number.NaN;
    this.packages = this.invalidPackages = 0;
    this.vtrExempt = false;
    this.autoCancelAt = this.autoCancelDay = Number.NaN;
    this.autoCancelled = this.cancelledByAmazonEarly = false;
    if (channel === 'AFN') {
      // Only ODR counts FBA orders; what the seller-fulfilled metrics need is skipped.
      this.overdue = false;
      this.shipByDay = this.deliverByDay = this.deliveredDay = this.confirmDay = Number.NaN;
      this.lateness = 'unknown';
      this.tracking = 'unknown';
      this.trackingAtRisk = false;
      return this;
    }
    this.shipByDay = dayOrNaN(calendar, order.latestShipDate);
    this.readAutoCancel(order, ship);
    this.overdue = ship === 'unconfirmed' && order.latestShipDate !== undefined && asOf > order.latestShipDate && !this.autoCancelled;
    this.deliverByDay = dayOrNaN(calendar, order.latestDeliveryDate);
    const deliveredAt = deliveredAtOf(order);
    this.deliveredDay = dayOrNaN(calendar, deliveredAt);
    this.units = unitsOf(order);
    this.category = categoryOf(order);
    this.vtrExempt = isVtrExempt(order, this.ctx.vtrExemptBelow);
    this.confirmDay = dayOrNaN(calendar, this.confirmedAt);
    // [decision, engine.confirmationDayFallback] A shipped order whose confirmation time no source gave
    // is placed on its ship-by day: most confirmations happen by then, and leaving every such order out
    // would empty VTR for sellers whose only source is the orders list.
    if (ship === 'confirmed' && Number.isNaN(this.confirmDay) && this.ctx.engine.confirmationDayFallback === 'latestShipDate') {
      this.confirmDay = this.shipByDay;
    }
    this.lateness = ship === 'confirmed' ? latenessOf(order, exactAt) : 'unknown';
    this.readTracking(order.packages, deliveredAt);
    this.trackingAtRisk = ship === 'confirmed' && trackingAtRiskOf(order.packages, this.ctx.unknownCarriers);
    return this;
  }

  /**
   * VTR per package (spec v2 §2). No package list from the source: unknown. An empty list: the order
   * was confirmed without tracking, one package without it.
   */
  private readTracking(packages: readonly Package[] | undefined, deliveredAt: number | undefined): void {
    if (packages === undefined) {
      this.tracking = 'unknown';
      this.packages = 1;
      this.invalidPackages = 0;
      return;
    }
    if (packages.length === 0) {
      this.tracking = 'invalid';
      this.packages = this.invalidPackages = 1;
      return;
    }
    let invalid = 0;
    for (const p of packages) if (!packageValid(p, deliveredAt)) invalid += 1;
    this.packages = packages.length;
    this.invalidPackages = invalid;
    this.tracking = invalid === 0 ? 'valid' : 'invalid';
  }

  /**
   * Spec v2 §2, the auto-cancel deadline: an MFN order unconfirmed 7 business days after its ship-by day
   * is cancelled by Amazon, and from then counts in CR on that day instead of in LSR. An order still
   * seen unconfirmed past the deadline has been cancelled since. An order Amazon cancelled is an
   * auto-cancel when it was cancelled after its ship-by date, or, with no time given, once the deadline
   * has passed; cancelled before the ship-by date it was for payment or fraud, which does not count.
   */
  private readAutoCancel(order: Order, ship: ShipState): void {
    const cancellation = order.cancellation;
    const amazonCancelled = this.cancelled && cancellation?.by === 'AMAZON' && ship !== 'confirmed';
    // Only an unconfirmed order or one Amazon cancelled can have been auto-cancelled: the deadline (a
    // business-day walk and a day's end) is worked out for those few, not for every shipped order.
    if (ship !== 'unconfirmed' && !amazonCancelled) return;
    const { calendar, businessDays, asOf } = this.ctx;
    const deadline =
      order.autoCancelDate ?? (Number.isNaN(this.shipByDay) ? Number.NaN : calendar.endOf(businessDays.after(this.shipByDay, AUTO_CANCEL_BUSINESS_DAYS)));
    this.autoCancelAt = deadline;
    if (Number.isNaN(deadline)) return;
    if (ship === 'unconfirmed') {
      if (asOf > deadline) this.markAutoCancelled(deadline);
      return;
    }
    if (!cancellation) return;
    const at = cancellation.at;
    if (at !== undefined) {
      // With no ship-by date known, when Amazon cancelled says nothing: counted, as any Amazon cancellation.
      if (order.latestShipDate === undefined) return;
      if (at > order.latestShipDate) this.markAutoCancelled(at);
      else this.cancelledByAmazonEarly = true;
    } else if (asOf > deadline) {
      this.markAutoCancelled(deadline);
    }
  }

  private markAutoCancelled(at: number): void {
    this.autoCancelled = true;
    this.autoCancelDay = this.ctx.calendar.dayOf(at);
  }
}
