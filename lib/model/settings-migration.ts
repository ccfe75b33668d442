import { DEFAULT_METRIC_SETTINGS, DEFAULT_SETTINGS, type MetricSettings } from './settings';

/**
 * Settings written by an earlier version → the current shape (`Settings.version`), losing nothing the
 * seller chose. Used when settings are read from storage and when a Redline export is imported.
 *
 * Version 1 (before the v2 rules) stored a target for every metric, Amazon's global default unless the
 * seller changed it, and a few v1 defaults that v2 corrects. So:
 * - a target equal to v1's default is dropped: the marketplace's own target (targets-table.ts) applies;
 *   a target the seller changed is kept as theirs;
 * - VTR's v1 window (30 days, no lag) becomes v2's (30 days with a two-week latency), and any other
 *   window the seller changed is kept;
 * - `countFraudChargebacks: true` was v1's default and is not distinguishable from a choice: v2 leaves
 *   fraud chargebacks out by default (spec v2 §2.1), so it becomes false; the options page shows it.
 * Fields that did not exist take their defaults.
 */

type Loose = Record<string, unknown>;

const V1_TARGETS: Record<string, { basisPoints: number; condition: string }> = {
  'odr.mfn': { basisPoints: 100, condition: 'lt' },
  'odr.afn': { basisPoints: 100, condition: 'lt' },
  'lsr.10d': { basisPoints: 400, condition: 'lt' },
  'lsr.30d': { basisPoints: 400, condition: 'lt' },
  'cr.7d': { basisPoints: 250, condition: 'lt' },
  'vtr.30d': { basisPoints: 9500, condition: 'gt' },
  'otdr.14d': { basisPoints: 9000, condition: 'gt' },
};

const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);

function migrateMetricV1(key: string, stored: unknown): unknown {
  if (!isObject(stored)) return stored;
  const out: Loose = { ...stored };
  const target = out.target;
  const v1 = V1_TARGETS[key];
  if (isObject(target) && v1 && target.basisPoints === v1.basisPoints && target.condition === v1.condition) delete out.target;
  if (key === 'vtr.30d' && out.windowDays === 30 && out.lagDays === 0) out.lagDays = DEFAULT_METRIC_SETTINGS['vtr.30d'].lagDays;
  return out;
}

function fromV1(stored: Loose): Loose {
  const metrics = isObject(stored.metrics) ? stored.metrics : {};
  return {
    ...stored,
    version: 2,
    metrics: Object.fromEntries(Object.entries(metrics).map(([key, m]) => [key, migrateMetricV1(key, m)])),
    countFraudChargebacks: false,
  };
}

/** Any stored settings → the current version's shape with every field present (validation is the caller's). */
export function migrateSettings(stored: unknown): unknown {
  if (!isObject(stored)) return stored;
  const current = stored.version === undefined ? fromV1(stored) : stored;
  const metrics = isObject(current.metrics) ? (current.metrics as Record<string, MetricSettings>) : {};
  return { ...DEFAULT_SETTINGS, ...current, metrics: { ...DEFAULT_SETTINGS.metrics, ...metrics } };
}
