import { importAsOptions } from './import-as-options';
import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { fixture } from '../readers/helpers';
import { openRedlineDb, type RedlineDb } from '../../../lib/storage/db';
import { createRedlineService, type RedlineService } from '../../../lib/background/service';
import { RejectedMessage, routeMessage } from '../../../lib/background/router';
import { computeHealthReport } from '../../../lib/metrics';
import { loadScope } from '../../../lib/storage/repository';
import { forgetCachedReports } from '../../../lib/background/report-cache';
import { DEFAULT_SETTINGS } from '../../../lib/model';
import type { LogEntry } from '../../../lib/storage/records';

const SEARCH = fixture('seller-central/orders-api/search_mfn-unshipped_2021-11.json');
const DETAIL = fixture('seller-central/orders-api/order-detail_2021-11.json');
const SCOPE = 'default|ATVPDKIKX0DER';
// The captured order was placed 2021-11-15; look at it a day later.
const NOW = Date.UTC(2021, 10, 16, 20);
const HOST = 'sellercentral.amazon.com';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const self = { id: ID, origin: `chrome-extension://${ID}/` };
const contentScript = { id: ID, url: `https://${HOST}/orders-v3/mfn/unshipped`, tab: { id: 7, url: `https://${HOST}/orders-v3/mfn/unshipped` } };
const popup = { id: ID, url: `${self.origin}popup.html` };

const capture = (path: string, body: string, status = 200, contentType = 'application/json') => ({
  type: 'captureResponse' as const,
  path,
  status,
  contentType,
  body,
  observedAt: NOW,
});

let db: RedlineDb;
let service: RedlineService;
let changed: number;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openRedlineDb();
  changed = 0;
  service = createRedlineService({ db, now: () => NOW, onReportsChanged: () => void changed++ });
});

describe('background service', () => {
  it('stores a captured orders page and caches the report the popup reads', async () => {
    const entry = await routeMessage(service, capture('/orders-api/search', SEARCH), contentScript, self);
    expect(entry).toMatchObject({ ok: true, format: expect.stringContaining('orders-api'), orders: 1 });
    await service.settled();
    const state = await service.popupState();
    expect(state.scope).toBe(SCOPE);
    expect(state.report?.marketplaceId).toBe('ATVPDKIKX0DER');
    expect(changed).toBe(1);
    // The cached report is the engine's report on the same data.
    const data = await loadScope(db, SCOPE);
    expect(state.report).toEqual(computeHealthReport(data, NOW, DEFAULT_SETTINGS, 'ATVPDKIKX0DER'));
  });

  it('does not double-count the same capture, nor the same order from search and detail', async () => {
    await service.captureResponse(capture('/orders-api/search', SEARCH), HOST);
    await service.captureResponse(capture('/orders-api/search', SEARCH), HOST);
    await service.captureResponse(capture('/orders-api/order/114-7941379-5480234', DETAIL), HOST);
    expect((await loadScope(db, SCOPE)).orders).toHaveLength(1);
  });

  it.each([
    ['an HTML sign-in page', capture('/orders-api/search', '<!doctype html><html><form name="signIn"></form></html>', 200, 'text/html')],
    ['a 401', capture('/orders-api/search', '', 401)],
    ['a 403 {"reason":"sign_in"}', capture('/orders-api/search', '{"reason":"sign_in"}', 403)],
  ])('stores nothing and reports "signed out" for %s, keeping what was stored', async (_label, signedOut) => {
    await service.captureResponse(capture('/orders-api/search', SEARCH), HOST);
    const before = await loadScope(db, SCOPE);
    await service.captureResponse(signedOut, HOST);
    expect(await loadScope(db, SCOPE)).toEqual(before);
    await service.settled();
    const state = await service.popupState();
    expect(state.problem).toMatchObject({ ok: false, reason: 'signedOut' });
    expect(state.report).not.toBeNull();
  });

  it('keeps a signed-out marketplace in the roll-up as signed out, with its scope, never as zero orders', async () => {
    await service.captureResponse(capture('/orders-api/search', SEARCH), HOST);
    await service.captureResponse(capture('/orders-api/search', '', 401), 'sellercentral.amazon.de');
    await service.settled();
    const state = await service.popupState();
    expect(state.scopes).toEqual([SCOPE]); // nothing stored for Germany
    expect(state.overview.map((s) => [s.scope, s.state, s.hasReport, s.signedOut])).toEqual([
      ['default|A1PA6795UKMFR9', 'signedOut', false, true],
      [SCOPE, expect.any(String), true, false],
    ]);
    // The unified European host names no single marketplace: its failure has no scope.
    const entry = await service.captureResponse(capture('/orders-api/search', '', 401), 'sellercentral-europe.amazon.com');
    expect(entry.scope).toBeUndefined();
  });

  it('lists the orders behind a metric for the report the popup shows', async () => {
    const later = createRedlineService({ db, now: () => Date.UTC(2021, 10, 25, 20) });
    await later.captureResponse(capture('/orders-api/search', SEARCH), HOST);
    await later.settled();
    const { report } = await later.popupState();
    const lsr = report!.metrics['lsr.10d'];
    const e = await routeMessage(later, { type: 'explainMetric', metric: 'lsr.10d' }, popup, self);
    expect(e).toMatchObject({ key: 'lsr.10d', marketplaceId: 'ATVPDKIKX0DER', counted: { bad: lsr.local.numerator, total: lsr.local.denominator } });
    // The unshipped order is overdue by then: a late shipment, listed.
    expect((e as { bad: { orderId: string }[] }).bad.map((o) => o.orderId)).toEqual(['114-7941379-5480234']);
    await expect(routeMessage(later, { type: 'explainMetric', metric: 'lsr.10d' }, contentScript, self)).rejects.toThrow(RejectedMessage);
    await expect(routeMessage(later, { type: 'explainMetric', metric: 'nope' }, popup, self)).rejects.toThrow(RejectedMessage);
  });

  it('reports risks for the orders a page shows', async () => {
    // The captured order is unshipped and due 2021-11-18 07:59 UTC: within 48 h of NOW + 1 day.
    const later = createRedlineService({ db, now: () => Date.UTC(2021, 10, 17, 20) });
    await later.captureResponse(capture('/orders-api/search', SEARCH), HOST);
    await later.settled();
    const risks = await later.orderRisks(['114-7941379-5480234', '111-1111111-1111111']);
    expect(risks.map((r) => r.orderId)).toEqual(['114-7941379-5480234']);
    expect(risks[0]!.risks.map((r) => r.kind)).toContain('lateShipment');
  });

  it('previews an import without storing it, then stores it on commit', async () => {
    const files = [
      { name: 'orders.json', text: SEARCH },
      { name: 'notes.txt', text: 'hello' },
    ];
    const previews = await importAsOptions(service, files, false);
    expect(previews[0]).toMatchObject({ ok: true, orders: 1, marketplaces: ['ATVPDKIKX0DER'] });
    expect(previews[1]).toMatchObject({ ok: false, reason: 'unknownFormat' });
    expect(await service.popupState()).toMatchObject({ scopes: [] });
    await importAsOptions(service, files, true);
    expect((await service.popupState()).scopes).toEqual([SCOPE]);
  });

  it('answers a capture once it is written, then recomputes once for a burst and says so', async () => {
    // The first round is held at its end, so the captures after it find a recompute in flight.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let rounds = 0;
    const gated = createRedlineService({ db, now: () => NOW, onReportsChanged: () => (++rounds === 1 ? held : undefined) });
    await gated.captureResponse(capture('/orders-api/search', SEARCH), HOST);
    expect((await loadScope(db, SCOPE)).orders).toHaveLength(1);
    await gated.captureResponse(capture('/orders-api/order/114-7941379-5480234', DETAIL), HOST);
    await gated.captureResponse(capture('/orders-api/search', SEARCH), HOST);
    expect(await gated.popupState()).toMatchObject({ scope: SCOPE, computing: true });
    release();
    await gated.settled();
    expect(rounds).toBe(2);
    const state = await gated.popupState();
    expect(state).toMatchObject({ computing: false });
    expect(state.report).toEqual(computeHealthReport(await loadScope(db, SCOPE), NOW, DEFAULT_SETTINGS, 'ATVPDKIKX0DER'));
  });

  it('makes the report again when data is stored but its cached report is gone', async () => {
    await service.captureResponse(capture('/orders-api/search', SEARCH), HOST);
    await service.settled();
    forgetCachedReports();
    await db.delete('meta', `report:${SCOPE}`);
    expect(await service.popupState()).toMatchObject({ report: null, computing: true });
    await service.settled();
    expect((await service.popupState()).report?.marketplaceId).toBe('ATVPDKIKX0DER');
  });

  it('computes reports after a recompute with nothing to do (settings saved, or the alarm, before any data)', async () => {
    await service.saveSettings({ ...DEFAULT_SETTINGS, warningHorizonHours: 72 });
    await service.tick();
    await service.captureResponse(capture('/orders-api/search', SEARCH), HOST);
    // Polled with timers, not `settled()`: with the bug, `settled()` spun forever on a resolved promise.
    const ready = async () => {
      const state = await service.popupState();
      return state.report !== null && !state.computing;
    };
    for (let i = 0; i < 100 && !(await ready()); i++) await new Promise((r) => setTimeout(r, 10));
    expect(await service.popupState()).toMatchObject({ computing: false, report: { marketplaceId: 'ATVPDKIKX0DER' } });
  });

  it('deletes everything on request, even with a recompute in flight', async () => {
    await service.captureResponse(capture('/orders-api/search', SEARCH), HOST);
    await service.deleteAll();
    expect(await service.popupState()).toMatchObject({ scopes: [], report: null });
    await service.settled();
    expect(await service.popupState()).toMatchObject({ scopes: [], report: null, computing: false });
  });
});

describe('message routing', () => {
  it('rejects a malformed message', async () => {
    await expect(routeMessage(service, { type: 'deleteAllData', extra: 1, scope: 3 }, popup, self)).resolves.toBeUndefined();
    await expect(routeMessage(service, { type: 'nope' }, popup, self)).rejects.toBeInstanceOf(RejectedMessage);
    await expect(routeMessage(service, { type: 'captureResponse', path: 1 }, contentScript, self)).rejects.toBeInstanceOf(RejectedMessage);
  });

  it('rejects a content script asking to delete data, and any other extension', async () => {
    await expect(routeMessage(service, { type: 'deleteAllData' }, contentScript, self)).rejects.toBeInstanceOf(RejectedMessage);
    const other = { id: 'otherotherotherotherotherotherot', url: 'chrome-extension://otherotherotherotherotherotherot/x.html' };
    await expect(routeMessage(service, capture('/orders-api/search', SEARCH), other, self)).rejects.toBeInstanceOf(RejectedMessage);
    expect(await service.popupState()).toMatchObject({ scopes: [] });
  });
});

describe('import of files that do not name their marketplace', () => {
  const FEEDBACK = fixture('synthetic/feedback_US.tsv');

  it('reads them as the marketplace the seller chose', async () => {
    const [preview] = await importAsOptions(service, [{ name: 'feedback.tsv', text: FEEDBACK }], false, 'ATVPDKIKX0DER');
    expect(preview).toMatchObject({ ok: true, marketplaces: ['ATVPDKIKX0DER'] });
    expect(preview!.defects).toBeGreaterThan(0);
  });

  it('reads them as the active marketplace when none is chosen', async () => {
    await service.captureResponse(capture('/orders-api/search', SEARCH), HOST);
    const [preview] = await importAsOptions(service, [{ name: 'feedback.tsv', text: FEEDBACK }], false);
    expect(preview).toMatchObject({ ok: true, marketplaces: ['ATVPDKIKX0DER'] });
  });

  it('says so when there is nothing to go by', async () => {
    const [preview] = await importAsOptions(service, [{ name: 'feedback.tsv', text: FEEDBACK }], false);
    expect(preview).toMatchObject({ ok: false });
  });
});

describe('"this page looks different" in the data log', () => {
  it('a page answer Amazon changed (a renamed key) is logged with its page, what did not match and its shape, without values', async () => {
    const renamed = SEARCH.replace(/"amazonOrderId"/g, '"orderIdentifier"');
    const entry = await routeMessage(service, capture('/orders-api/search', renamed), contentScript, self);
    expect(entry).toMatchObject({
      ok: false,
      reason: 'invalid',
      page: 'manageOrders',
      missing: 'orders.#.amazonOrderId: Invalid input: expected string, received undefined',
    });
    const [logged] = (await routeMessage(service, { type: 'getDataLog' }, popup, self)) as LogEntry[];
    expect(logged).toMatchObject({ page: 'manageOrders', shape: expect.stringContaining('orderIdentifier: string') });
    expect(logged!.shape).not.toMatch(/\d|Pods custom|KALUOLAN/);
  });

  it('a sign-in page or an empty body is not a changed page: no shape', async () => {
    const entry = await service.captureResponse(capture('/orders-api/search', '{"reason":"sign_in"}', 403), HOST);
    expect(entry).toMatchObject({ ok: false, reason: 'signedOut' });
    expect(entry).not.toHaveProperty('shape');
  });

  it('a page the content script could not read is logged with its shape; one sent after a failed capture joins that entry', async () => {
    const looked = {
      type: 'pageNotRecognized' as const,
      path: '/performance/dashboard',
      reason: 'unknownFormat',
      detail: 'no metric row: the page layout may have changed',
      page: 'accountHealth',
      missing: 'no metric row',
      shape: 'main\n  div.a-row',
      observedAt: NOW,
    };
    await routeMessage(service, looked, contentScript, self);
    expect(await service.dataLog()).toMatchObject([{ ok: false, page: 'accountHealth', missing: 'no metric row', shape: 'main\n  div.a-row' }]);
    // Rows found, no figure read: the capture fails first, then its shape arrives and joins it.
    await service.captureDom(
      { type: 'captureDom', page: 'accountHealth', path: '/performance/dashboard', lang: 'en-US', extraction: { rows: [], ahr: null }, observedAt: NOW },
      HOST,
    );
    await service.pageNotRecognized({ ...looked, missing: 'no rate' });
    const log = await service.dataLog();
    expect(log).toHaveLength(2);
    expect(log[0]).toMatchObject({
      reason: 'unknownFormat',
      detail: 'no Account Health metric found on the page',
      missing: 'no rate',
      shape: 'main\n  div.a-row',
    });
  });

  it('the data log is for Redline’s own pages only', async () => {
    await expect(routeMessage(service, { type: 'getDataLog' }, contentScript, self)).rejects.toBeInstanceOf(RejectedMessage);
  });
});
