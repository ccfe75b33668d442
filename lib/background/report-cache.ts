import { HealthReport } from '../metrics/report-schema';
import type { RedlineDb } from '../storage/db';

/**
 * The latest report per scope, kept in memory and in the database so the popup opens instantly,
 * even right after the service worker was stopped and restarted. A cached report that no longer
 * fits the schema (written by an older version) is treated as missing and recomputed.
 */
const key = (scope: string) => `report:${scope}`;
const memory = new Map<string, HealthReport>();

export async function readCachedReport(db: RedlineDb, scope: string): Promise<HealthReport | undefined> {
  const cached = memory.get(scope);
  if (cached) return cached;
  const parsed = HealthReport.safeParse(await db.get('meta', key(scope)));
  if (!parsed.success) return undefined;
  memory.set(scope, parsed.data);
  return parsed.data;
}

export async function writeCachedReport(db: RedlineDb, scope: string, report: HealthReport): Promise<void> {
  memory.set(scope, report);
  await db.put('meta', report, key(scope));
}

export function forgetCachedReports(): void {
  memory.clear();
}
