// Faults in Chromium (docs/reliability.md): the seller deletes the extension's database under the
// running worker; capturing again works and stores the data afresh, with no crash in between. A full
// disk fails an import: nothing of it is stored, the options page and the popup say what happened and
// what to do, and saving again once there is room stores it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { syntheticHistory } from '../../lib/metrics/synthetic-history';
import { DEMO_PAGES } from '../demo-site/server';
import { deleteDatabase, readDatabase, storedAll, storedKeys, until } from './database';
import { launchHarness, type Harness } from './harness';
import { watchedPages } from './inert';
import { controlWorker } from './worker-control';

let h: Harness;
beforeAll(async () => {
  h = await launchHarness();
});
afterAll(async () => {
  await h?.close();
});

it('recovers from its database being deleted: the next capture opens a new one and stores', async () => {
  const first = await h.openSellerCentral(DEMO_PAGES.unshipped);
  const before = await until(
    () => readDatabase(h),
    (d) => d.orders.length > 0,
    'the first capture',
  );
  await first.close();
  expect(await deleteDatabase(h)).toBe('deleted');
  const page = await h.openSellerCentral(DEMO_PAGES.unshipped);
  const after = await until(
    () => readDatabase(h),
    (d) => d.orders.length > 0,
    'a capture after the deletion',
  );
  expect(after.orders.map((o) => o.orderId).sort()).toEqual(before.orders.map((o) => o.orderId).sort());
  expect(after.log.every((e) => e.ok)).toBe(true);
  await page.close();
});

it('a full disk: nothing of the import is stored, the options page and popup say what to do, and saving again stores it', async () => {
  const worker = await controlWorker(h);
  const pages = watchedPages(() => h.context);
  const { orders } = syntheticHistory({ seed: 5, orders: 200, defects: 0, asOf: Date.now(), days: 60, marketplaceId: 'ATVPDKIKX0DER' });
  const file = {
    name: 'redline-export.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'redline-export', version: 1, exportedAt: Date.now(), orders, defects: [], readings: [] })),
  };
  const ids = async () => new Set(((await storedKeys(h, 'orders')) as [string, string][]).map((k) => k[1]));
  const before = await ids();

  const options = await pages.open(`chrome-extension://${h.extensionId}/options.html`);
  await options.setInputFiles('[data-test-id=import-input]', [file]);
  await options.locator('[data-test-id=import-preview] tbody tr:not(.not-recognised)').waitFor();
  // IndexedDB refuses the writes as on a full disk. The error's words need not say "quota": the log's name does.
  await worker.failWrites('QuotaExceededError', 'The transaction was aborted.');
  await options.click('.actions .button-primary');
  const status = options.locator('section[aria-labelledby=import-title] [role=status]');
  await expect
    .poll(() => status.textContent(), { timeout: 30_000 })
    .toMatch(/^Not saved: the disk, or the browser’s storage for extensions, is full\. Free disk space, or delete old data/);
  expect(await ids()).toEqual(before);
  const log = await storedAll<{ ok: boolean; reason?: string; detail?: string; source: string }>(h, 'log');
  expect(log.at(-1)).toMatchObject({ ok: false, reason: 'storageFailed', source: file.name, detail: expect.stringMatching(/^QuotaExceededError: /) });

  const popup = await pages.open(`chrome-extension://${h.extensionId}/popup.html`);
  const notice = popup.locator('[role=alert][data-problem=quota]');
  await notice.waitFor();
  expect((await notice.innerText()).replace(/[\u2068\u2069]/g, '')).toMatch(
    /Disk full: Redline could not save\s+The browser refused to store the data from file redline-export\.json: the disk[^.]* is full\. Free disk space, or delete old data on Redline’s options page/,
  );
  await popup.close();

  // Room again: the same preview is saved, once.
  await worker.restoreWrites();
  await options.click('.actions .button-primary');
  await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/Saved 1 file/);
  expect(await ids()).toEqual(new Set([...before, ...orders.map((o) => o.orderId)]));
  expect(pages.problems()).toEqual([]);
  await options.close();
  await worker.close();
});
