/**
 * For each metric: its population, window, target and warning rule (metrics-spec v2 §1.1, §2). The
 * target is the one Amazon's latest reading carries ("a reading's own target still wins"), else the
 * seller's own where options set one, else the marketplace's (targets-table.ts). A reading's
 * `reportingDateRange` sets the window's length and lag.
 */
import { marketplaceById } from '../marketplaces';
import {
  isEnforcedOn,
  METRIC_UNITS,
  targetRule,
  type AmazonReading,
  type MetricTarget,
  type MetricUnit,
  type RateMetricKey,
  type Settings,
  type TargetRule,
} from '../model';
import { dateOfDay, type LocalCalendar } from './calendar';
import type { PopulationId } from './population';
import { readingCounts, readingWindowDays, type DayRange } from './readings';
import { basisPointsOf, type WarningRule } from './targets';

export type TargetSource = 'settings' | 'amazon' | 'marketplace';

export interface MetricPlan {
  key: RateMetricKey;
  population: PopulationId;
  unit: MetricUnit;
  target: MetricTarget;
  targetSource: TargetSource;
  /** The marketplace's rule: whether and since when Amazon enforces it. */
  rule: TargetRule;
  /** The warning rule, and the population below which the metric is `insufficient` (spec v2 §3). */
  warning: WarningRule;
  /** The report's window, local day indexes. */
  window: DayRange;
  reading: AmazonReading | undefined;
  /** The reading's window as given, or null. */
  readingWindow: DayRange | null;
  /** The reading's counts and the window they cover (given, else the default window on its day), or null. */
  anchor: { num: number; den: number; window: DayRange } | null;
  /** No penalty attached today (OTDR outside the US, UK and DE; a rule before its `since`). */
  advisory: boolean;
}

const POPULATION: Record<RateMetricKey, PopulationId> = {
  'odr.mfn': 'odr.mfn',
  'odr.afn': 'odr.afn',
  'lsr.10d': 'lsr',
  'lsr.30d': 'lsr',
  'cr.7d': 'cr',
  'vtr.30d': 'vtr',
  'otdr.14d': 'otdr',
  'idr.7d': 'idr',
};

/** UK [A]: "no OTDR figure for fewer than 20 units". */
const UK_OTDR_MINIMUM_UNITS = 20;

function targetOf(reading: AmazonReading | undefined, configured: MetricTarget | undefined, rule: TargetRule): { target: MetricTarget; source: TargetSource } {
  if (reading?.targetValue !== undefined) {
    return { target: { basisPoints: basisPointsOf(reading.targetValue), condition: reading.targetCondition ?? rule.target.condition }, source: 'amazon' };
  }
  if (configured) return { target: configured, source: 'settings' };
  return { target: rule.target, source: 'marketplace' };
}

/** The plan of a metric in a marketplace, or null where the metric does not exist there (IDR outside the EU five and the UK). */
export function planMetric(
  key: RateMetricKey,
  settings: Settings,
  reading: AmazonReading | undefined,
  calendar: LocalCalendar,
  today: number,
  marketplaceId: string,
): MetricPlan | null {
  const country = marketplaceById(marketplaceId)?.country;
  const rule = targetRule(country, key);
  if (!rule) return null;
  const configured = settings.metrics[key];
  const readingWindow = reading ? readingWindowDays(reading, calendar) : null;
  const observedDay = reading ? calendar.dayOf(reading.observedAt) : today;
  let length = configured.windowDays;
  let lag = configured.lagDays;
  if (readingWindow) {
    length = readingWindow.to - readingWindow.from + 1;
    lag = Math.max(0, observedDay - readingWindow.to);
  }
  const window = { from: today - lag - length + 1, to: today - lag };
  const counts = reading ? readingCounts(reading) : null;
  const { target, source } = targetOf(reading, configured.target, rule);
  const ukOtdr = key === 'otdr.14d' && country === 'UK';
  return {
    key,
    population: POPULATION[key],
    unit: METRIC_UNITS[key],
    target,
    targetSource: source,
    rule,
    warning: {
      warningShare: configured.warningShare,
      warningMargin: configured.warningMargin,
      // The seller's minimum applies while the figure is local only (no reading); Amazon's own floor always.
      insufficientBelow: Math.max(reading ? 0 : settings.minimumPopulation, ukOtdr ? UK_OTDR_MINIMUM_UNITS : 0),
    },
    window,
    reading,
    readingWindow,
    anchor: counts ? { ...counts, window: readingWindow ?? { from: observedDay - lag - length + 1, to: observedDay - lag } } : null,
    advisory: !isEnforcedOn(rule, dateOfDay(today)),
  };
}
