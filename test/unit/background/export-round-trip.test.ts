import { importAsOptions } from './import-as-options';
import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { openRedlineDb } from '../../../lib/storage/db';
import { createRedlineService, type RedlineService } from '../../../lib/background/service';
import { DEFAULT_SETTINGS } from '../../../lib/model';
import { DemoSite } from '../../demo-site/server';
import { fixture } from '../readers/helpers';

/**
 * Export → delete all → import gives back the same data and the same report (docs/reliability.md).
 * The data: a day of the demo seller captured as the pages load it (orders of every status,
 * feedback, claims, chargebacks, Amazon's readings), a feedback report imported, and settings the
 * seller changed.
 */
const NOW = Date.UTC(2026, 10, 26, 20);
const HOST = 'sellercentral.amazon.com';
const site = new DemoSite({ seed: 5, now: NOW });

let service: RedlineService;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  service = createRedlineService({ db: await openRedlineDb(), now: () => NOW });
});

async function browseTheDemo() {
  const paths = [
    '/orders-api/search?limit=100&orderStatus=all&fulfillmentType=all',
    '/orders-api/search?limit=100&offset=100&orderStatus=all&fulfillmentType=all',
    '/fbmapi/v1/feedbacks?pageSize=100',
    '/chargebacks/api/v1/chargebacks',
    '/gp/guarantee-claims/api/claims',
    '/performance/api/summary',
  ];
  for (const path of paths) {
    const r = site.respond('GET', `https://${HOST}${path}`);
    const entry = await service.captureResponse(
      { type: 'captureResponse', path: path.split('?')[0]!, status: r.status, contentType: r.contentType, body: r.body, observedAt: NOW - 60_000 },
      HOST,
    );
    expect(entry.ok, path).toBe(true);
  }
  await importAsOptions(service, [{ name: 'feedback.tsv', text: fixture('synthetic/feedback_US.tsv') }], true);
  await service.saveSettings({ ...DEFAULT_SETTINGS, warningHorizonHours: 72, countFraudChargebacks: false });
  await service.settled();
}

describe('export, delete all, import', () => {
  it('gives back the same records, settings and report', async () => {
    await browseTheDemo();
    const exported = await service.exportData();
    const before = await service.popupState();
    expect(exported.orders.length).toBeGreaterThan(150);
    expect(exported.defects.length).toBeGreaterThan(5);
    expect(exported.readings.length).toBeGreaterThan(3);
    // Amazon's policy categories from the Account Health summary (storage v5).
    expect(exported.policies.map((p) => p.category)).toContain('listingPolicyViolations');
    expect(before.report!.policyCompliance.length).toBe(exported.policies.length);

    await service.deleteAll();
    expect((await service.popupState()).report).toBeNull();

    const [preview] = await importAsOptions(service, [{ name: 'redline-export.json', text: JSON.stringify(exported, null, 2) }], true);
    expect(preview).toMatchObject({ ok: true, format: 'redline-export', orders: exported.orders.length });

    const again = await service.exportData();
    expect({ ...again, exportedAt: 0 }).toEqual({ ...exported, exportedAt: 0 });
    await service.settled();
    const after = await service.popupState();
    expect(after.report).toEqual(before.report);
    expect(after.scopes).toEqual(before.scopes);
    expect(after.history).toEqual(before.history);
  });

  it('importing the same export twice changes nothing', async () => {
    await browseTheDemo();
    const text = JSON.stringify(await service.exportData());
    await importAsOptions(service, [{ name: 'a.json', text }], true);
    await importAsOptions(service, [{ name: 'a.json', text }], true);
    expect(JSON.stringify({ ...(await service.exportData()), exportedAt: 0 })).toBe(JSON.stringify({ ...JSON.parse(text), exportedAt: 0 }));
  });
});
