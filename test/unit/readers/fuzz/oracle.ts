/**
 * What a reader may answer to a mutated input (docs/reliability.md, "Oracles"):
 * - always a ReadResult, never an exception, never the safety net's "internal error";
 * - a batch that holds the model's invariants on its own (finite, non-negative numbers, rates in
 *   0..1, a numerator never above its denominator, observedAt = the context's);
 * - for a mutation that keeps the meaning: the very same records;
 * - for a mutation that loses or breaks information: "not recognized", or records that are the
 *   original ones with fields left out, where a value may differ from the original only when it
 *   is the value the mutation wrote (the input said so: reading it is not a lie).
 */
import { Batch, type ReadResult } from '../../../../lib/model';
import { mergeBatches } from '../../../../lib/model/merge';

export type Verdict = string | undefined;

/**
 * A mutation removed a row of an item-level report: the order lost a line, and what sums its lines
 * (`itemsValue`) covers those left. Put in a variant's traces.
 */
export const LINES_REMOVED = Symbol('lines removed');

/** Leaf values by path (`orders.3.shipConfirmation.notAfter`), arrays included. */
export function leaves(value: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) leaves(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.set(prefix, value);
  }
  return out;
}

const RATE_KEYS = new Set(['rate', 'targetValue']);

/** Invariants of any batch, checked independently of the model's schemas. */
export function checkInvariants(result: ReadResult, observedAt: number): Verdict {
  if (!result.ok) return result.detail.includes('internal error') ? `internal error: ${result.detail}` : undefined;
  const parsed = Batch.safeParse(result.batch);
  if (!parsed.success) return `batch does not fit the model: ${parsed.error.issues[0]?.message}`;
  for (const [path, v] of leaves(result.batch)) {
    if (typeof v !== 'number') continue;
    if (!Number.isFinite(v) || v < 0) return `${path} = ${v}`;
    const key = path.split('.').at(-1)!;
    if (RATE_KEYS.has(key) && v > 1) return `${path} = ${v} is not a rate`;
    if (v > Number.MAX_SAFE_INTEGER) return `${path} = ${v} is beyond exact integers`;
  }
  for (const r of result.batch.readings) {
    if (r.numerator !== undefined && r.denominator !== undefined && r.numerator > r.denominator) {
      return `${r.metric}: numerator ${r.numerator} above denominator ${r.denominator}`;
    }
  }
  // Redline's own export keeps each record's observation time; every other source is seen now.
  const records = result.batch.format === 'redline-export' ? [] : [...result.batch.orders, ...result.batch.defects, ...result.batch.readings];
  const stale = records.find((r) => r.observedAt !== observedAt);
  if (stale) return `observedAt ${stale.observedAt} is not the context's ${observedAt}`;
  return undefined;
}

type Keyed = Map<string, Record<string, unknown>>;

/** One record per identity, as storage would keep them (duplicates within a batch merge). */
function keyed(batch: Batch): Keyed {
  const merged = mergeBatches([batch]);
  const map: Keyed = new Map();
  for (const o of merged.orders) map.set(`order|${o.marketplaceId}|${o.orderId}`, o);
  for (const d of merged.defects) map.set(`defect|${d.marketplaceId}|${d.id}`, d);
  for (const r of merged.readings) map.set(`reading|${r.marketplaceId}|${r.metric}`, r);
  return map;
}

/** Meaning kept: the same records (after merging duplicates), in the same format. */
export function sameRecords(original: Batch, result: ReadResult): Verdict {
  if (!result.ok) return `not recognized (${result.reason}: ${result.detail})`;
  if (result.batch.format !== original.format) return `format ${result.batch.format} instead of ${original.format}`;
  const a = keyed(original);
  const b = keyed(result.batch);
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const x = JSON.stringify(a.get(key));
    const y = JSON.stringify(b.get(key));
    if (x !== y) return `${key}: ${x?.slice(0, 200)} became ${y?.slice(0, 200)}`;
  }
  return undefined;
}

/** The model's words for statuses, channels and parties: a written value may decide which one applies. */
const DERIVED_WORDS = new Set([
  ...['pending', 'unshipped', 'partiallyShipped', 'shipped', 'cancelled', 'MFN', 'AFN', 'SELLER', 'AMAZON', 'BUYER', 'lt', 'gt'],
  ...['open', 'grantedSellerFault', 'refundedBySeller', 'grantedAmazonFunded', 'denied', 'withdrawn', 'decidedAgainstSeller', 'decidedForSeller'],
]);

/**
 * Is `value` what the mutation wrote (a string as given, trimmed or cut; a number in seconds or ms),
 * or a fact it decides: a yes/no, a status word, a sighting at the capture time (`observedAt`)?
 */
function traced(value: unknown, traces: readonly unknown[], observedAt: number): boolean {
  if (traces.some((t) => typeof t !== 'symbol') && (typeof value === 'boolean' || DERIVED_WORDS.has(value as string) || value === observedAt)) return true;
  return traces.some((t) => {
    if (typeof t === 'string' && typeof value === 'string') {
      const s = t.trim();
      return s !== '' && (value === s || value.includes(s) || s.startsWith(value));
    }
    if (typeof t === 'number' && typeof value === 'number') {
      return [t, t * 1000, Math.round(t * 1000), Math.round(t), t / 100].some((c) => Math.abs(c - value) <= Math.abs(c) * 1e-12);
    }
    if (typeof t === 'string' && typeof value === 'number') return traced(value, [Number(t.trim())], observedAt);
    return false;
  });
}

const isNumberLike = (t: unknown) => (typeof t === 'number' && Number.isFinite(t)) || (typeof t === 'string' && t.trim() !== '' && Number.isFinite(Number(t)));

/**
 * An order's lines are a set: each line read must be one of the original's, field by field (a field
 * the mutation wrote may differ). A line lost from the middle does not shift the others.
 */
function linesFrom(original: unknown, read: unknown, traces: readonly unknown[], observedAt: number): Verdict {
  const before = Array.isArray(original) ? original.map((l) => leaves(l)) : [];
  for (const [i, line] of (Array.isArray(read) ? read : []).entries()) {
    const fields = [...leaves(line)];
    const matches = before.some((old) => fields.every(([path, value]) => old.get(path) === value || traced(value, traces, observedAt)));
    if (!matches) return `items.${i} ${JSON.stringify(line).slice(0, 120)} is none of the original lines`;
  }
  return undefined;
}

/**
 * Information lost or broken: "not recognized", or the original records with fields left out. A
 * record or value that is neither the original's nor the mutation's own is a wrong number. A sum of an
 * order's lines (`itemsValue`) may move with a number the mutation wrote, or drop with a line it removed.
 */
export function noNewFacts(original: Batch, result: ReadResult, traces: readonly unknown[], observedAt: number): Verdict {
  if (!result.ok) return undefined;
  if (result.batch.format !== original.format) return `format ${result.batch.format} instead of ${original.format}`;
  const before = keyed(original);
  for (const [key, record] of keyed(result.batch)) {
    const old = before.get(key);
    if (!old) {
      if (!traces.some((t) => typeof t === 'string' && t.trim() !== '' && key.includes(t.trim()))) return `new record ${key}`;
      continue;
    }
    const lines = linesFrom(old.items, record.items, traces, observedAt);
    if (lines) return `${key} ${lines}`;
    const oldLeaves = leaves(old);
    for (const [path, value] of leaves(record)) {
      if (path.startsWith('items.') || oldLeaves.get(path) === value || traced(value, traces, observedAt)) continue;
      const was = oldLeaves.get(path);
      if (
        path === 'itemsValue.amount' &&
        (traces.some(isNumberLike) || (traces.includes(LINES_REMOVED) && typeof was === 'number' && typeof value === 'number' && value < was))
      )
        continue;
      return `${key} ${path}: ${JSON.stringify(oldLeaves.get(path))} became ${JSON.stringify(value)?.slice(0, 80)}`;
    }
  }
  return undefined;
}
