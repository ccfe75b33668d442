/**
 * For each metric: its population, window, target and warning rule, from settings unless Amazon's
 * latest reading gives its own (metrics-spec §2: "when an Amazon reading carries its own
 * targetValue/targetCondition, that reading wins"; a reading's `reportingDateRange` sets the window's
 * length and lag).
 */
import { marketplaceById } from '../marketplaces';
import type { AmazonReading, MetricTarget, RateMetricKey, Settings } from '../model';
import type { LocalCalendar } from './calendar';
import type { PopulationId } from './population';
import { readingCounts, readingWindowDays, type DayRange } from './readings';
import { basisPointsOf, type WarningRule } from './targets';

export interface MetricPlan {
  key: RateMetricKey;
  population: PopulationId;
  unit: 'orders' | 'shipments';
  target: MetricTarget;
  targetSource: 'amazon' | 'settings';
  warning: WarningRule;
  /** The report's window, local day indexes. */
  window: DayRange;
  reading: AmazonReading | undefined;
  /** The reading's window as given, or null. */
  readingWindow: DayRange | null;
  /** The reading's counts and the window they cover (given, else the default window on its day), or null. */
  anchor: { num: number; den: number; window: DayRange } | null;
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
};

export function planMetric(
  key: RateMetricKey,
  settings: Settings,
  reading: AmazonReading | undefined,
  calendar: LocalCalendar,
  today: number,
  marketplaceId: string,
): MetricPlan {
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
  const target: MetricTarget =
    reading?.targetValue !== undefined
      ? { basisPoints: basisPointsOf(reading.targetValue), condition: reading.targetCondition ?? configured.target.condition }
      : configured.target;
  return {
    key,
    population: POPULATION[key],
    unit: key === 'vtr.30d' || key === 'otdr.14d' ? 'shipments' : 'orders',
    target,
    targetSource: reading?.targetValue !== undefined ? 'amazon' : 'settings',
    warning: { warningShare: configured.warningShare, warningMargin: configured.warningMargin },
    window,
    reading,
    readingWindow,
    anchor: counts
      ? { ...counts, window: readingWindow ?? { from: observedDay - lag - length + 1, to: observedDay - lag } }
      : null,
    // §2: OTDR outside the US is advisory only (no penalty).
    advisory: key === 'otdr.14d' && marketplaceById(marketplaceId)?.country !== 'US',
  };
}
