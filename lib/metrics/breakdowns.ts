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

interface Entry {
  order: Order;
  day: number;
  /** In the metric's unit: the order's units (OTDR), packages (VTR), or 1 order (LSR). */
  weight: number;
  bad: number;
  category: string;
  /** OTDR: each line's own units are its share of the order's. */
  byUnits: boolean;
}

/** Rows listed per dimension; the rest are counted in `more`. */
export const BREAKDOWN_ROWS = 10;

export class BreakdownEntries {
  readonly entries: Entry[] = [];
  constructor(private readonly range: DayRange | undefined) {}

  /** Keeps the order if its placement counts (good or bad) on a day of the range. */
  add(facts: OrderFacts, at: Placement, byUnits = false): void {
    const range = this.range;
    if (!range || (at.membership !== 'good' && at.membership !== 'bad') || at.day < range.from || at.day > range.to) return;
    this.entries.push({ order: facts.order, day: at.day, weight: at.weight, bad: at.badWeight, category: facts.category ?? '', byUnits });
  }
}

type Tally = Map<string, { bad: number; total: number; asin: string | null }>;

function tally(map: Tally, key: string, bad: number, total: number, asin: string | null = null): void {
  const row = map.get(key);
  if (row) {
    row.bad += bad;
    row.total += total;
    row.asin ??= asin;
  } else {
    map.set(key, { bad, total, asin });
  }
}

function rowsOf(map: Tally): { rows: BreakdownRow[]; more: number } {
  const rows = [...map.entries()]
    .filter(([, r]) => r.bad > 0)
    .map(([key, r]) => ({ key, asin: r.asin, bad: r.bad, total: r.total }))
    .sort((a, b) => b.bad - a.bad || b.total - a.total || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { rows: rows.slice(0, BREAKDOWN_ROWS), more: Math.max(0, rows.length - BREAKDOWN_ROWS) };
}

const carrierOf = (order: Order): string => order.packages?.find((p) => p.carrier?.trim())?.carrier?.trim() ?? '';
const serviceOf = (order: Order): string =>
  order.shippingService?.trim() || order.packages?.find((p) => p.shippingService?.trim())?.shippingService?.trim() || '';

/** The breakdown of the entries placed in `window`. `''` keys stand for "not known" (no SKU, category, carrier or service). */
export function breakdownOf(entries: BreakdownEntries, window: DayRange): Breakdown {
  const bySku: Tally = new Map();
  const byCategory: Tally = new Map();
  const byCarrier: Tally = new Map();
  const byService: Tally = new Map();
  for (const e of entries.entries) {
    if (e.day < window.from || e.day > window.to) continue;
    tally(byCategory, e.category, e.bad, e.weight);
    tally(byCarrier, carrierOf(e.order), e.bad, e.weight);
    tally(byService, serviceOf(e.order), e.bad, e.weight);
    const items = e.order.items ?? [];
    if (items.length === 0) tally(bySku, '', e.bad, e.weight);
    for (const item of items) {
      const units = item.quantityShipped !== undefined && item.quantityShipped > 0 ? item.quantityShipped : (item.quantityOrdered ?? 0);
      const share = e.byUnits ? units : e.weight;
      tally(bySku, item.sku ?? item.asin ?? '', e.bad > 0 ? (e.byUnits ? units : e.bad) : 0, share, item.asin ?? null);
    }
  }
  return { bySku: rowsOf(bySku), byCategory: rowsOf(byCategory), byCarrier: rowsOf(byCarrier), byShippingService: rowsOf(byService) };
}
