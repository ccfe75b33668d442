import { reportOrdersFrom } from '../metrics';
import type { Settings } from '../model';
import type { RedlineDb } from '../storage/db';
import type { StoredDefect, StoredOrder, StoredPolicyReading, StoredReading } from '../storage/records';
import { listScopes, loadForReport, type ScopeData, type WrittenRecords } from '../storage/repository';
import { parseScopeKey } from '../storage/scope';

interface Held {
  /** Orders reaching this instant are all here (`reportOrdersFrom` when loaded). */
  from: number;
  settings: string;
  orders: Map<string, StoredOrder>;
  defects: Map<string, StoredDefect>;
  readings: Map<string, StoredReading>;
  policies: Map<string, StoredPolicyReading>;
}

/**
 * What each scope's report reads, kept in the worker between recomputes. Reading a year of 100,000
 * orders out of IndexedDB takes about a second in Chromium (lib/storage/order-days.ts), and every other
 * request of the extension (the popup's) queues behind it; the engine on them takes milliseconds. So a
 * scope is loaded once per worker life: the
 * engine says from which reach orders count (`reportOrdersFrom`, given Amazon's readings and the
 * settings' windows), storage loads those and the orders with defects (`loadForReport`), and every
 * write after that is applied here too (`written`). The worker is the database's only writer.
 *
 * What is held may be more than a report needs (time moves the reach forward; an order written here
 * keeps its place whatever its reach), never less: the engine leaves out what it cannot see, so the
 * report is the same (test/unit/storage/report-data.test.ts). Settings that change the windows, or
 * readings that move them earlier, load the scope again; deletions (retention, "delete all") forget it.
 */
export class ReportInputs {
  private readonly held = new Map<string, Held>();
  private scopeList: Promise<string[]> | undefined;
  /** Bumped by every write and every forget: a load that saw one start under it is not kept (it may have missed it). */
  private generation = 0;

  constructor(private readonly db: RedlineDb) {}

  async get(scope: string, settings: Settings, asOf: number): Promise<ScopeData> {
    const marketplaceId = parseScopeKey(scope)?.marketplaceId ?? '';
    const key = JSON.stringify(settings);
    const held = this.held.get(scope);
    if (held && held.settings === key) {
      const readings = [...held.readings.values()];
      if (reportOrdersFrom(readings, asOf, settings, marketplaceId) >= held.from) {
        return { orders: [...held.orders.values()], defects: [...held.defects.values()], readings, policies: [...held.policies.values()] };
      }
    }
    let from = Number.NEGATIVE_INFINITY;
    const generation = this.generation;
    const data = await loadForReport(this.db, scope, (readings) => (from = reportOrdersFrom(readings, asOf, settings, marketplaceId)));
    // Written meanwhile: this report may miss it, and the write has marked the scope stale, so the next
    // round loads again. Holding this load would keep it missing.
    if (generation !== this.generation) return data;
    this.held.set(scope, {
      from,
      settings: key,
      orders: new Map(data.orders.map((o) => [o.orderId, o])),
      defects: new Map(data.defects.map((d) => [d.id, d])),
      readings: new Map(data.readings.map((r) => [`${r.metric}\n${r.day}`, r])),
      policies: new Map(data.policies.map((p) => [`${p.category}\n${p.day}`, p])),
    });
    return data;
  }

  /** Every scope with data, for switchers and pages; kept, and extended by writes. */
  scopes(): Promise<string[]> {
    this.scopeList ??= listScopes(this.db).catch((error: unknown) => {
      this.scopeList = undefined;
      throw error;
    });
    return this.scopeList;
  }

  /** What applyBatch just wrote: held scopes take it in; a new scope joins the list. */
  written(records: WrittenRecords): void {
    this.generation++;
    for (const order of records.orders) this.held.get(order.scope)?.orders.set(order.orderId, order);
    for (const defect of records.defects) this.held.get(defect.scope)?.defects.set(defect.id, defect);
    for (const reading of records.readings) this.held.get(reading.scope)?.readings.set(`${reading.metric}\n${reading.day}`, reading);
    for (const policy of records.policies) this.held.get(policy.scope)?.policies.set(`${policy.category}\n${policy.day}`, policy);
    const added = new Set<string>();
    for (const list of [records.orders, records.defects, records.readings, records.policies]) for (const r of list) added.add(r.scope);
    const known = this.scopeList;
    if (known && added.size) this.scopeList = known.then((scopes) => [...new Set([...scopes, ...added])].sort());
  }

  /** Records were deleted: everything is read again when next needed. */
  forget(): void {
    this.generation++;
    this.held.clear();
    this.scopeList = undefined;
  }
}
