import type { MetricKey, RateMetricKey, ReadResult, Settings } from '../model';
import { parseBatch } from '../model/batch';
import { computeHealthReport } from '../metrics';
import { explainMetric } from '../metrics/explain';
import type { HealthReport } from '../metrics/report-schema';
import { endpointPage, readResponse } from '../readers/endpoints';
import { readAccountHealth } from '../dom/account-health';
import { marketplacesForHost } from '../marketplaces';
import type { MessageOf } from '../messaging/protocol';
import type { RedlineDb } from '../storage/db';
import { readMeta, writeMeta } from '../storage/meta';
import { amendLatestFailure, appendLog, applyBatch, clearAll, loadAll, pruneBefore, recentLog } from '../storage/repository';
import { jsonShape } from '../shape-report/json';
import { problemOf } from '../shape-report/report-text';
import { DEFAULT_ACCOUNT, parseScopeKey, scopeKey } from '../storage/scope';
import type { LogEntry } from '../storage/records';
import { createPreventionService, ENGINE_CHECKS } from './prevention';
import { ReportInputs } from './report-data';
import { forgetCachedReports, readCachedReport, writeCachedReport } from './report-cache';
import { pageTotals, scopeOverview } from './overview';
import type { ScopedReport } from './toolbar';

const DAY_MS = 86_400_000;

export interface ServiceDeps {
  db: RedlineDb;
  now: () => number;
  /** Called after the reports changed (toolbar badge, notifications), with every scope's latest report. */
  onReportsChanged?: (reports: ScopedReport[]) => void | Promise<void>;
  /** Called last by `deleteAll`: what the background keeps outside the database (notification state) goes too. */
  onAllDataDeleted?: () => void | Promise<void>;
}

/**
 * Everything the background worker does, as plain async functions over the database, so that
 * unit tests call them directly and the worker entry only wires messages to them.
 */
export function createRedlineService({ db, now, onReportsChanged, onAllDataDeleted }: ServiceDeps) {
  const inputs = new ReportInputs(db);
  async function accountId(): Promise<string> {
    return (await readMeta(db, 'accountId')) ?? DEFAULT_ACCOUNT;
  }

  /** Every scope's latest report (the toolbar and notifications look at all marketplaces). */
  async function allReports(): Promise<ScopedReport[]> {
    const reports: ScopedReport[] = [];
    for (const scope of await inputs.scopes()) {
      const report = await readCachedReport(db, scope);
      if (report) reports.push({ scope, report });
    }
    return reports;
  }

  async function recomputeNow(scopes: readonly string[]): Promise<void> {
    const settings = await readMeta(db, 'settings');
    let changed = false;
    for (const scope of scopes) {
      const parsed = parseScopeKey(scope);
      if (!parsed) continue;
      const asOf = now();
      const data = await inputs.get(scope, settings, asOf);
      await writeCachedReport(db, scope, computeHealthReport(data, asOf, settings, parsed.marketplaceId, ENGINE_CHECKS));
      changed = true;
    }
    if (changed) await onReportsChanged?.(await allReports());
  }

  /**
   * Scopes whose report is out of date, and the one loop that brings them up to date. A capture is
   * answered as soon as it is written; its scope is recomputed here, after it. Captures that arrive
   * meanwhile join the next round, so a burst of pages costs one recompute, not one each, and the popup
   * never waits behind a queue of them (it shows the cached report, and refreshes on `reportsChanged`).
   */
  const stale = new Set<string>();
  let recomputing: Promise<void> | null = null;

  function recompute(scopes: readonly string[]): Promise<void> {
    for (const scope of scopes) stale.add(scope);
    // Nothing to do: the loop below would finish before `??=` assigns it, leaving `recomputing` set for good.
    if (!stale.size) return recomputing ?? Promise.resolve();
    recomputing ??= (async () => {
      try {
        while (stale.size) {
          const round = [...stale];
          stale.clear();
          await recomputeNow(round).catch((error: unknown) => console.warn('Redline: recompute failed', error));
        }
      } finally {
        // No await between the loop's last check and here: a scope marked stale now starts a new loop.
        recomputing = null;
      }
    })();
    return recomputing;
  }

  /** What a failed capture says besides its reason: the page and its shape, and the scope of its host (a signed-out marketplace). */
  type Looked = Pick<LogEntry, 'page' | 'missing' | 'shape' | 'scope'>;

  /** The scope of a page on a host that serves one marketplace: a failure there (signed out) belongs to it. */
  async function hostScope(host: string): Promise<string | undefined> {
    const markets = marketplacesForHost(host);
    return markets.length === 1 ? scopeKey({ accountId: await accountId(), marketplaceId: markets[0]!.marketplaceId }) : undefined;
  }

  async function logFailure(origin: LogEntry['origin'], source: string, reason: string, detail: string, looked?: Looked): Promise<LogEntry> {
    const entry: LogEntry = { at: now(), origin, source, ok: false, reason, detail, orders: 0, defects: 0, readings: 0, ...looked };
    await appendLog(db, entry);
    return entry;
  }

  /** `looked`: for a page's answer that was not recognized, which page it was and its shape (the popup and data log show them). */
  async function store(result: ReadResult, origin: LogEntry['origin'], source: string, looked?: Looked): Promise<LogEntry> {
    if (!result.ok) return logFailure(origin, source, result.reason, result.detail, looked);
    const at = now();
    let counts: Awaited<ReturnType<typeof applyBatch>>;
    try {
      counts = await applyBatch(db, await accountId(), result.batch);
      inputs.written(counts.written);
    } catch (error) {
      // Nothing of the batch was written (one transaction). Say why where the seller looks (a full
      // disk: QuotaExceededError), if the log can still be written; the caller gets the error too.
      const detail = (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 500);
      await appendLog(db, { at, origin, source, ok: false, reason: 'storageFailed', detail, orders: 0, defects: 0, readings: 0 }).catch(() => {});
      throw error;
    }
    const entry: LogEntry = {
      at,
      origin,
      source,
      ok: true,
      format: result.batch.format,
      scope: counts.changedScopes[0],
      orders: result.batch.orders.length,
      defects: result.batch.defects.length,
      readings: result.batch.readings.length,
      ...(result.batch.tables ? { tables: result.batch.tables } : {}),
    };
    // Independent transactions, at once: each would otherwise wait for the one before to commit.
    const [active] = await Promise.all([counts.changedScopes.length ? readMeta(db, 'activeScope') : undefined, appendLog(db, entry)]);
    if (counts.changedScopes.length && !active) await writeMeta(db, 'activeScope', counts.changedScopes[0]!);
    if (counts.changedScopes.length) void recompute(counts.changedScopes);
    return entry;
  }

  async function activeScope(requested?: string): Promise<string | undefined> {
    const scopes = await inputs.scopes();
    if (requested && scopes.includes(requested)) return requested;
    const active = await readMeta(db, 'activeScope');
    return active && scopes.includes(active) ? active : scopes[0];
  }

  async function readingHistory(
    scope: string,
    since: number,
  ): Promise<Partial<Record<MetricKey, { day: string; rate: number | null; score: number | null }[]>>> {
    const readings = await db.getAllFromIndex('readings', 'scope', scope);
    const history: Partial<Record<MetricKey, { day: string; rate: number | null; score: number | null }[]>> = {};
    for (const r of readings.filter((r) => r.observedAt >= since).sort((a, b) => a.day.localeCompare(b.day))) {
      (history[r.metric] ??= []).push({ day: r.day, rate: r.rate ?? null, score: r.score ?? null });
    }
    return history;
  }

  return {
    recompute,
    /** Resolves once no report is out of date (tests; the alarm tick). */
    settled: async () => {
      while (recomputing) await recomputing;
    },
    // Issue 9, "act before Amazon counts it": tracking, cancel, feedback-removal and dispute answers.
    ...createPreventionService({ db, now, inputs }),

    async captureResponse(m: MessageOf<'captureResponse'>, host: string) {
      const hostMarketplaces = marketplacesForHost(host);
      const result = readResponse(m.path, m.status, m.contentType, m.body, {
        observedAt: m.observedAt,
        ...(hostMarketplaces.length === 1 ? { marketplaceId: hostMarketplaces[0]!.marketplaceId } : {}),
        ...(m.paging ? { paging: m.paging } : {}),
      });
      // A shape that changed (not a sign-in page, not an empty body): say which page, and how it looked.
      const page = endpointPage(m.path);
      const changed = !result.ok && page && (result.reason === 'invalid' || result.reason === 'unknownFormat');
      const scope = result.ok ? undefined : await hostScope(host);
      return store(result, 'capture', m.path, {
        ...(changed ? { page, missing: problemOf(result.detail), shape: jsonShape(m.body) } : {}),
        ...(scope ? { scope } : {}),
      });
    },

    async captureDom(m: MessageOf<'captureDom'>, host: string) {
      const hostMarketplaces = marketplacesForHost(host);
      // The European unified host serves several marketplaces; a reading we cannot place is not stored
      // (and the page is not "different": its own reason, so the content script sends no shape).
      if (hostMarketplaces.length !== 1) return logFailure('capture', m.path, 'ambiguousMarketplace', `marketplace of ${host} is ambiguous`);
      const result: ReadResult =
        m.page === 'accountHealth'
          ? readAccountHealth(m.extraction, { lang: m.lang, marketplaceId: hostMarketplaces[0]!.marketplaceId, observedAt: m.observedAt })
          : { ok: false, reason: 'unknownFormat', detail: `no DOM reader for ${m.page}` };
      return store(result, 'capture', m.path);
    },

    async pageNotRecognized(m: MessageOf<'pageNotRecognized'>) {
      const looked = { ...(m.page ? { page: m.page } : {}), ...(m.missing ? { missing: m.missing } : {}), ...(m.shape ? { shape: m.shape } : {}) };
      if (m.shape && (await amendLatestFailure(db, m.path, now(), 120_000, looked))) return;
      await logFailure('capture', m.path, m.reason, m.detail, looked);
    },

    /** The options page's data log: the newest entries first. */
    dataLog: () => recentLog(db, 40),

    /** Risks of the orders a page shows, from the cached reports of every scope. */
    async orderRisks(orderIds: string[]) {
      const wanted = new Set(orderIds);
      const risks: HealthReport['atRiskOrders'] = [];
      for (const scope of await inputs.scopes()) {
        const report = await readCachedReport(db, scope);
        for (const order of report?.atRiskOrders ?? []) if (wanted.has(order.orderId)) risks.push(order);
      }
      return risks;
    },

    /** What a Seller Central page overlays besides order risks: its marketplace's reports (active scope first). */
    async pageContext(host: string) {
      const settings = await readMeta(db, 'settings');
      const marketplaceIds = new Set(marketplacesForHost(host).map((m) => m.marketplaceId));
      const active = await activeScope();
      const scopes = (await inputs.scopes())
        .filter((s) => marketplaceIds.has(parseScopeKey(s)?.marketplaceId ?? ''))
        .sort((a, b) => Number(b === active) - Number(a === active));
      const reports: HealthReport[] = [];
      for (const scope of scopes) {
        const report = await readCachedReport(db, scope);
        if (report) reports.push(report);
      }
      return { showQuietMarks: settings.showQuietMarks, dispatchRuleHours: settings.dispatchRuleHours, reports };
    },

    async popupState(requested?: string) {
      // Independent reads at once: while what-ifs run, each await can wait behind one of them.
      const [scopes, scope, log] = await Promise.all([inputs.scopes(), activeScope(requested), recentLog(db, 20)]);
      const [cached, history, reports] = await Promise.all([
        scope ? readCachedReport(db, scope) : undefined,
        scope ? readingHistory(scope, now() - 90 * DAY_MS) : undefined,
        // Cached in the worker's memory after the first read: every scope's report for the roll-up.
        Promise.all(scopes.map(async (s) => [s, (await readCachedReport(db, s)) ?? null] as const)),
      ]);
      const report = cached ?? null;
      // Data but no report (a cached one from an older version no longer fits): make one; `reportsChanged` follows.
      if (scope && !report) void recompute([scope]);
      return {
        scopes,
        scope: scope ?? null,
        report,
        /** The report is being brought up to date: a `reportsChanged` broadcast follows. */
        // Stale scopes and a missing report (just scheduled above) both mean a recompute is running.
        computing: recomputing !== null,
        /** Amazon's readings of the last 90 days per metric, oldest first: the charts' history. */
        history: history ?? {},
        lastCapture: log.find((e) => e.ok) ?? null,
        /** The newest problem, when nothing succeeded after it (e.g. "signed out"). */
        problem: log[0] && !log[0].ok ? log[0] : null,
        /** Every scope Redline knows, summed up, worst first (a few numbers each: the roll-up). */
        overview: scopeOverview(new Map(reports), log),
        /** What the pages of this scope said about their tables' size ("Manage Orders lists ~170"). */
        pageTotals: scope ? pageTotals(log, scope) : [],
      };
    },

    /**
     * "Which orders make this" for one metric of a scope: placed as of the cached report's instant, so
     * the list matches the figures the popup shows (a newer capture brings a new report, and the popup asks again).
     */
    async explain(metric: RateMetricKey, requested?: string) {
      const scope = await activeScope(requested);
      const marketplaceId = scope ? parseScopeKey(scope)?.marketplaceId : undefined;
      if (!scope || !marketplaceId) return null;
      const [settings, report] = await Promise.all([readMeta(db, 'settings'), readCachedReport(db, scope)]);
      const asOf = report?.asOf ?? now();
      return explainMetric(await inputs.get(scope, settings, asOf), asOf, settings, marketplaceId, metric, ENGINE_CHECKS);
    },

    async setActiveScope(scope: string) {
      if ((await inputs.scopes()).includes(scope)) await writeMeta(db, 'activeScope', scope);
    },

    settings: () => readMeta(db, 'settings'),

    async saveSettings(settings: Settings) {
      await writeMeta(db, 'settings', settings);
      await recompute(await inputs.scopes());
    },

    /** What the options page reads imported files with: the marketplace of the active scope, for formats that name none. */
    async importContext() {
      const marketplaceId = parseScopeKey((await activeScope()) ?? '')?.marketplaceId;
      return marketplaceId ? { marketplaceId } : {};
    },

    /**
     * The batches the options page read from the seller's files (lib/readers/import-files.ts), stored
     * in order. Each is validated here (`parseBatch`) before anything is written.
     */
    async importBatches(files: { name: string; batch: unknown }[]) {
      const batches = files.map((f) => ({ name: f.name, batch: parseBatch(f.batch) }));
      for (const { name, batch } of batches) {
        // Redline's own export carries the seller's settings too: restored first, so the report is the same.
        if (batch.settings) await writeMeta(db, 'settings', batch.settings);
        await store({ ok: true, batch }, 'import', name);
      }
    },

    async exportData() {
      const { orders, defects, readings, policies } = await loadAll(db);
      // `reachAt` is derived (recomputed when imported): not part of the file.
      const exported = orders.map(({ reachAt: _derived, ...order }) => order);
      return {
        format: 'redline-export',
        version: 1,
        exportedAt: now(),
        settings: await readMeta(db, 'settings'),
        orders: exported,
        defects,
        readings,
        policies,
      };
    },

    async deleteAll() {
      // A recompute in flight would write back the report of what is being deleted.
      stale.clear();
      while (recomputing) await recomputing;
      await clearAll(db);
      inputs.forget();
      forgetCachedReports();
      await onReportsChanged?.([]);
      await onAllDataDeleted?.();
    },

    /** Alarm tick: time alone changes the numbers (deadlines pass, orders leave windows). */
    async tick() {
      const settings = await readMeta(db, 'settings');
      if (await pruneBefore(db, now() - settings.retentionDays * DAY_MS)) inputs.forget();
      return recompute(await inputs.scopes());
    },
  };
}

export type RedlineService = ReturnType<typeof createRedlineService>;
