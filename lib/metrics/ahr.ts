/**
 * The Account Health Rating: read from Amazon, never computed (metrics-spec §2).
 */
import type { AmazonReading } from '../model';
import type { LocalCalendar } from './calendar';
import { rangeDates, readingWindowDays, type DayRange } from './readings';
import type { AhrReport, AhrStatus } from './report-schema';

export function ahrStatusOf(score: number | null): AhrStatus {
  if (score === null) return 'unknown';
  if (score >= 200) return 'healthy'; // §2: Healthy 200–1000, At risk 100–199, Unhealthy 0–99
  return score >= 100 ? 'atRisk' : 'unhealthy';
}

export function ahrReport(reading: AmazonReading | undefined, calendar: LocalCalendar, asOf: number): AhrReport {
  const score = reading?.score ?? null;
  let window: DayRange | null = reading ? readingWindowDays(reading, calendar) : null;
  if (reading && !window) {
    const observed = calendar.dayOf(reading.observedAt);
    window = { from: observed - 179, to: observed }; // §2: the last 180 days
  }
  return {
    key: 'ahr',
    unit: 'points',
    score,
    status: ahrStatusOf(score),
    window: window ? rangeDates(window) : null,
    amazon: reading
      ? { observedAt: reading.observedAt, ageMs: Math.max(0, asOf - reading.observedAt), source: reading.source, score, status: reading.status ?? null }
      : null,
  };
}
