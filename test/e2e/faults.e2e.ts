// Faults in Chromium (docs/reliability.md): the seller deletes the extension's database under the
// running worker; capturing again works and stores the data afresh, with no crash in between.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PAGES } from '../demo-site/server';
import { deleteDatabase, readDatabase, until } from './database';
import { launchHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await launchHarness();
});
afterAll(async () => {
  await h?.close();
});

it('recovers from its database being deleted: the next capture opens a new one and stores', async () => {
  const first = await h.openSellerCentral(DEMO_PAGES.unshipped);
  const before = await until(() => readDatabase(h), (d) => d.orders.length > 0, 'the first capture');
  await first.close();
  expect(await deleteDatabase(h)).toBe('deleted');
  const page = await h.openSellerCentral(DEMO_PAGES.unshipped);
  const after = await until(() => readDatabase(h), (d) => d.orders.length > 0, 'a capture after the deletion');
  expect(after.orders.map((o) => o.orderId).sort()).toEqual(before.orders.map((o) => o.orderId).sort());
  expect(after.log.every((e) => e.ok)).toBe(true);
  await page.close();
});
