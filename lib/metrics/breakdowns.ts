/**
 * Breakdowns (metrics-spec v2 §3.1): a metric's bad events by SKU/ASIN, category, carrier and shipping
 * service, worst first. Amazon acts per listing and per category now (since 2026-02-28 Amazon US
 * deactivates the listings that pull OTDR down most [3P]; VTR is enforced per category [A]), so the
 * seller needs to know which listings and carriers cost the most.
 *
 * The pass keeps the few orders placed in or near a breakdown window (a month of orders, not a year);
 * the report groups them per metric window. Local data only: Amazon's reading has no breakdown.
 */
import type { Order } from '../model';
import type { Placement } from './day-counts';
import type { OrderFacts } from './order-facts';
import type { DayRange } from './readings';
import type { Breakdown, BreakdownRow } from './report-schema';

/** Rows listed per dimension; the rest are counted in `more`. */
export const BREAKDOWN_ROWS = 10;

/**
 * The orders a breakdown may need, kept by the pass: for each, what the breakdown reads of it, read
 * once (orders come in many shapes, so reading them again per metric would be a slow lookup each
 * time), in parallel arrays (a month of orders without an object each: less for the collector).
 */
export class BreakdownEntries {
  readonly items: Order['items'][] = [];
  readonly carrier: string[] = [];
  readonly service: string[] = [];
  readonly category: string[] = [];
  readonly day: number[] = [];
  /** In the metric's unit: the order's units (OTDR), packages (VTR), or 1 order (LSR). */
  readonly weight: number[] = [];
  readonly bad: number[] = [];
  constructor(
    private readonly range: DayRange | undefined,
    /** OTDR: each line's own units are its share of the order's. */
    readonly byUnits = false,
  ) {}

  get length(): number {
    return this.day.length;
  }

  /** Keeps the order if its placement counts (good or bad) on a day of the range. */
  add(facts: OrderFacts, at: Placement): void {
    const range = this.range;
    if (!range || (at.membership !== 'good' && at.membership !== 'bad') || at.day < range.from || at.day > range.to) return;
    const order = facts.order;
    const first = order.packages?.[0];
    this.items.push(order.items);
    // Keys as the readers give them (they trim); '' = not known.
    this.carrier.push(first?.carrier ?? '');
    this.service.push(order.shippingService ?? first?.shippingService ?? '');
    this.category.push(facts.category ?? '');
    this.day.push(at.day);
    this.weight.push(at.weight);
    this.bad.push(at.badWeight);
  }
}

type Row = { bad: number; total: number; asin: string | null };
type Tally = Map<string, Row>;

function tallyBad(map: Tally, key: string, bad: number, total: number, asin: string | null = null): void {
  const row = map.get(key);
  if (row) {
    row.bad += bad;
    row.total += total;
    row.asin ??= asin;
  } else {
    map.set(key, { bad, total, asin });
  }
}

/** A key with a bad event gets the good entries' weight too, for its total; keys without one are never listed. */
function tallyGood(map: Tally, key: string, total: number): void {
  const row = map.get(key);
  if (row) row.total += total;
}

function rowsOf(map: Tally): { rows: BreakdownRow[]; more: number } {
  const rows = [...map.entries()]
    .map(([key, r]) => ({ key, asin: r.asin, bad: r.bad, total: r.total }))
    .sort((a, b) => b.bad - a.bad || b.total - a.total || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { rows: rows.slice(0, BREAKDOWN_ROWS), more: Math.max(0, rows.length - BREAKDOWN_ROWS) };
}

const unitsOf = (item: NonNullable<Order['items']>[number]): number =>
  item.quantityShipped !== undefined && item.quantityShipped > 0 ? item.quantityShipped : (item.quantityOrdered ?? 0);

/**
 * The breakdown of the entries placed in `window`. `''` keys stand for "not known" (no SKU, category,
 * carrier or service). Two passes: the few entries with a bad event make the rows; the rest only add
 * to the totals of those rows, so most orders cost one lookup per dimension and allocate nothing.
 */
export function breakdownOf(entries: BreakdownEntries, window: DayRange): Breakdown {
  const bySku: Tally = new Map();
  const byCategory: Tally = new Map();
  const byCarrier: Tally = new Map();
  const byService: Tally = new Map();
  const { byUnits, day, bad, weight } = entries;
  for (let i = 0; i < entries.length; i++) {
    if (bad[i] === 0 || day[i]! < window.from || day[i]! > window.to) continue;
    const b = bad[i]!;
    const w = weight[i]!;
    tallyBad(byCategory, entries.category[i]!, b, w);
    tallyBad(byCarrier, entries.carrier[i]!, b, w);
    tallyBad(byService, entries.service[i]!, b, w);
    const items = entries.items[i];
    if (!items || items.length === 0) tallyBad(bySku, '', b, w);
    else
      for (const item of items) {
        const units = byUnits ? unitsOf(item) : 0;
        tallyBad(bySku, item.sku ?? item.asin ?? '', byUnits ? units : b, byUnits ? units : w, item.asin ?? null);
      }
  }
  if (byCategory.size > 0) {
    for (let i = 0; i < entries.length; i++) {
      if (bad[i] !== 0 || day[i]! < window.from || day[i]! > window.to) continue;
      const w = weight[i]!;
      tallyGood(byCategory, entries.category[i]!, w);
      tallyGood(byCarrier, entries.carrier[i]!, w);
      tallyGood(byService, entries.service[i]!, w);
      const items = entries.items[i];
      if (!items || items.length === 0) tallyGood(bySku, '', w);
      else for (const item of items) tallyGood(bySku, item.sku ?? item.asin ?? '', byUnits ? unitsOf(item) : w);
    }
  }
  return { bySku: rowsOf(bySku), byCategory: rowsOf(byCategory), byCarrier: rowsOf(byCarrier), byShippingService: rowsOf(byService) };
}
