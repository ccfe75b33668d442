import { reportOrdersFrom } from '../metrics';
import type { Settings } from '../model';
import type { RedlineDb } from '../storage/db';
import { loadForReport, type ScopeData } from '../storage/repository';

/**
 * What a report of `scope`'s marketplace at `asOf` can see, and no more: the engine says from which
 * reach orders count (`reportOrdersFrom`, given Amazon's readings and the settings' windows), storage
 * loads those through its index. A superset serves a later `asOf` with the same settings too.
 */
export function loadReportData(db: RedlineDb, scope: string, marketplaceId: string, settings: Settings, asOf: number): Promise<ScopeData> {
  return loadForReport(db, scope, (readings) => reportOrdersFrom(readings, asOf, settings, marketplaceId));
}
