// Hostile strings in real Chromium (docs/reliability.md): the hostile demo Seller Central
// (test/demo-site/hostile.ts) puts markup, script, `javascript:`, bidi controls, zero-width characters
// and 1 MB strings into titles, SKUs, ASINs, order ids, carriers, feedback, claims and chargebacks.
// Browsing it with the extension, then opening the popup and the options page: no payload runs (in the
// pages, the popup or the options page; no dialog), no element of a payload exists in our UI, data
// shows literally where it is shown, the layout holds, and nothing fails but the one input the readers
// must refuse — which the popup names.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LONE_SURROGATE, PAYLOADS, PWNED, RLO, ZERO_WIDTH, type HostileFacts } from '../demo-site/hostile';
import { DEMO_PAGES } from '../demo-site/server';
import { ask, readDatabase, until, type StoredSnapshot } from './database';
import { launchHarness, type Harness } from './harness';
import { armPayloadTrap, boxesOutside, payloadElements, trapReport, watchedPages } from './inert';

const FSI = '\u2068';
const PDI = '\u2069';
const POPUP_WIDTH = 400;

let h: Harness;
let facts: HostileFacts;
const pages = watchedPages(() => h.context);

beforeAll(async () => {
  h = await launchHarness({ demo: { hostile: true } });
  await armPayloadTrap(h.context);
  facts = h.demo.seller.hostile!;
  // Three days ahead: the orders due soon (with hostile ids) are at risk whatever the time of day.
  const popup = await h.openPopup();
  const settings = await ask<Record<string, unknown>>(popup, { type: 'getSettings' });
  await ask(popup, { type: 'saveSettings', settings: { ...settings, warningHorizonHours: 72 } });
  await popup.close();
});
afterAll(async () => {
  await h?.close();
});

/** A page of ours or Seller Central's, watched for dialogs, uncaught errors and Redline's failure warnings. */
const open = (path: string): Promise<Page> => pages.open(path.startsWith('/') ? h.url(path) : path);
const extensionPage = (name: 'popup' | 'options') => open(`chrome-extension://${h.extensionId}/${name}.html`);

/** Nothing ran, no dialog, no payload element in our UI (`where`), no failure warning so far. */
async function expectInert(page: Page, where: 'document' | 'redline-hosts'): Promise<void> {
  expect(await trapReport(page)).toEqual({ pwned: [], cspViolations: [] });
  expect(await payloadElements(page, where)).toEqual([]);
  expect(pages.problems()).toEqual([]);
  // An `<img src=x>` made from data would have asked for it.
  expect(h.requests.filter((r) => /\/x$/.test(new URL(r.url).pathname))).toEqual([]);
}

/** Opens a page and waits until its capture of `endpoint` reached the worker (stored, or refused and logged). */
async function capture(path: string, endpoint: string): Promise<Page> {
  const logged = (await readDatabase(h)).log.length;
  const page = await open(path);
  await until(
    () => readDatabase(h),
    (d) => d.log.slice(logged).some((e) => e.source === endpoint),
    `the capture of ${endpoint} from ${path}`,
    30_000,
  );
  return page;
}

const VISITS: [string, string][] = [
  [DEMO_PAGES.unshipped, '/orders-api/search'],
  [DEMO_PAGES.shipped, '/orders-api/search'],
  [DEMO_PAGES.fba, '/orders-api/search'],
  [DEMO_PAGES.feedback, '/fbmapi/v1/feedbacks'],
  [DEMO_PAGES.claims, '/gp/guarantee-claims/api/claims'],
  [DEMO_PAGES.accountHealth, '/performance/api/summary'],
  [DEMO_PAGES.chargebacks, '/chargebacks/api/v1/chargebacks'],
];

let browsed: Promise<StoredSnapshot> | undefined;
/** Every page of the hostile demo, captured once (whichever test runs first), each checked inert. */
function browseAll(): Promise<StoredSnapshot> {
  browsed ??= (async () => {
    for (const [path, endpoint] of VISITS) {
      const page = await capture(path, endpoint);
      await expectInert(page, 'redline-hosts');
      await page.close();
    }
    return readDatabase(h);
  })();
  return browsed;
}

type PopupState = { report: { atRiskOrders: { orderId: string }[] } | null };

/** The popup, once the report (recomputed after the data was written) lists the orders with hostile ids. */
async function popupWithReport(): Promise<Page> {
  const probe = await h.openPopup();
  await until(
    () => ask<PopupState>(probe, { type: 'getPopupState' }),
    (s) => facts.orderIds.every((id) => s.report?.atRiskOrders.some((o) => o.orderId === id)),
    'a report listing the orders with hostile ids',
  );
  await probe.close();
  const popup = await extensionPage('popup');
  await popup.waitForSelector('#risks .risk-list');
  return popup;
}

/** Text as the seller reads it: bidi controls and zero-width characters are invisible. */
const visible = (text: string) => text.replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u061C]/g, '');

describe('browsing the hostile demo', () => {
  it('stores the hostile data as text; only the 1 MB chargeback id is refused, and the popup names the page', async () => {
    const data = await browseAll();
    expect(data.orders.map((o) => o.orderId)).toEqual(expect.arrayContaining([...facts.orderIds, facts.reused!.orderId]));
    const comment = data.defects.find((d) => d.orderId === facts.bigCommentOrderId)?.comment;
    expect(comment).toHaveLength(5000); // the reader keeps the first 5,000 characters of a comment
    expect(data.defects.some((d) => typeof d.comment === 'string' && d.comment.includes(PAYLOADS.img('feedback-0')))).toBe(true);
    const carriers = data.orders.flatMap((o) => ((o.packages ?? []) as { carrier?: string }[]).map((p) => p.carrier ?? ''));
    expect(carriers.filter((c) => c.includes(`${PWNED}('carrier-`))).not.toEqual([]);
    // Nothing "not recognized" because of odd characters: the one refusal is the over-long id.
    expect(data.log.filter((e) => !e.ok).map((e) => [e.source, e.reason])).toEqual([['/chargebacks/api/v1/chargebacks', 'invalid']]);

    // Refused again as the newest capture: the popup says which page, in a notice that fits.
    const page = await capture(DEMO_PAGES.chargebacks, '/chargebacks/api/v1/chargebacks');
    await page.close();
    const popup = await extensionPage('popup');
    const notice = popup.locator('[role=alert]');
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(/Page not recognized[\s\S]*Chargebacks/);
    expect(await boxesOutside(popup, 'body')).toEqual([]);
    await expectInert(popup, 'document');
    await popup.close();
  });
});

describe('Seller Central pages with our overlays', () => {
  it('Manage Orders: badges inert and inside their rows, the row of the 1 MB title too', async () => {
    await browseAll();
    const page = await open(DEMO_PAGES.unshipped);
    const big = page.locator(`redline-badge[data-redline-order="${facts.bigTitleOrderId}"]`);
    await big.waitFor({ state: 'attached', timeout: 30_000 });
    const badges = await page.$$eval('redline-badge', (hosts) =>
      hosts.map((host) => {
        const box = host.getBoundingClientRect();
        const row = host.closest('tr')!.getBoundingClientRect();
        const label = host.shadowRoot!.querySelector('.badge')!;
        return {
          order: (host as HTMLElement).dataset.redlineOrder!,
          inRow: box.top >= row.top && box.bottom <= row.bottom && box.left >= row.left && box.right <= row.right,
          width: box.width,
          clipped: label.scrollWidth <= label.clientWidth + 1,
        };
      }),
    );
    expect(badges.length).toBeGreaterThan(1);
    for (const badge of badges) expect(badge).toMatchObject({ inRow: true, clipped: true });
    expect(Math.max(...badges.map((b) => b.width))).toBeLessThanOrEqual(280);
    // Orders whose ids are not Amazon's get no badge (no row can be tied to them), and none is made up.
    expect(badges.map((b) => b.order).every((id) => /^\d{3}-\d{7}-\d{7}$/.test(id))).toBe(true);
    await big.hover();
    await expect.poll(() => big.evaluate((host) => host.shadowRoot!.querySelector('.tip')!.matches(':popover-open'))).toBe(true);
    await expectInert(page, 'redline-hosts');
    await page.close();

    const detail = await open(DEMO_PAGES.orderDetail(facts.bigTitleOrderId!));
    await detail.locator('#order-id redline-badge').waitFor({ state: 'attached', timeout: 30_000 });
    await expectInert(detail, 'redline-hosts');
    await detail.close();
  });

  it('Feedback Manager: the note quotes the matched words of a 1 MB comment as text, clipped, inside the note', async () => {
    await browseAll();
    const page = await open(DEMO_PAGES.feedback);
    const note = page.locator('kat-table-row', { has: page.locator(`kat-link[label="${facts.bigCommentOrderId}"]`) }).locator('redline-note');
    await note.waitFor({ state: 'attached', timeout: 30_000 });
    const shown = await note.evaluate((host) => {
      const box = host.shadowRoot!.querySelector('.note')!;
      const right = box.getBoundingClientRect().right;
      return {
        width: host.getBoundingClientRect().width,
        overflow: box.scrollWidth - box.clientWidth,
        outside: [...box.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > right + 1).length,
        chips: [...box.querySelectorAll('.chip')].map((c) => c.textContent ?? ''),
      };
    });
    expect(shown.width).toBeLessThanOrEqual(460);
    expect(shown).toMatchObject({ overflow: 0, outside: 0 });
    const long = shown.chips.find((c) => visible(c).includes('productSSS'));
    expect(long, JSON.stringify(shown.chips)).toBeDefined();
    expect(long!.length).toBeLessThan(100); // the 4,990-letter word, clipped with an ellipsis
    expect(long).toContain('…');
    await expectInert(page, 'redline-hosts');
    await page.close();
  });

  it('Confirm shipment: a tracking number already used names the order with a hostile id, as text', async () => {
    await browseAll();
    const reused = facts.reused!;
    const page = await open(DEMO_PAGES.confirmShipment(facts.bigTitleOrderId!));
    await page.selectOption("[data-test-id='tvs-carrier-dropdown'] > select", reused.carrier);
    await page.fill("input[data-test-id='text-input-tracking-id']", reused.trackingId);
    const note = page.locator('redline-note[data-redline-state="reused"]');
    await note.waitFor({ state: 'attached', timeout: 30_000 });
    const title = await note.evaluate((host) => host.shadowRoot!.querySelector('.title')!.textContent!);
    expect(title).toContain(`${FSI}${reused.orderId}${PDI}`);
    expect(await boxesOutside(page, 'redline-note')).toEqual([]);
    await expectInert(page, 'redline-hosts');
    await page.close();
  });
});

describe('the popup', () => {
  it('lists the orders with hostile ids literally, each isolated, and stays 400 px wide', async () => {
    await browseAll();
    const popup = await popupWithReport();
    const more = popup.locator('#risks > .link-button');
    if (await more.count()) await more.click(); // show every at-risk order
    const rows = await popup.$$eval('#risks .risk-order', (items) =>
      items.map((item) => {
        const id = item.querySelector('.risk-id > *')!;
        return { data: (item as HTMLElement).dataset.order!, text: id.textContent!, isolate: getComputedStyle(id).unicodeBidi, link: id.tagName === 'A' };
      }),
    );
    // Literal text, bidi-isolated from the rest of the line, never a link (not an Amazon order id).
    for (const orderId of facts.orderIds)
      expect(rows.find((r) => r.data === orderId)).toEqual({ data: orderId, text: orderId, isolate: 'isolate', link: false });
    // The buyer's words that matched, the 4,990-letter one clipped.
    await popup.locator('#removable .evidence').first().waitFor();
    const evidence = await popup.locator('#removable .evidence').allTextContents();
    expect(evidence).toEqual(expect.arrayContaining(['Defective', `product${'S'.repeat(32)}…`]));
    expect(await popup.locator('#removable .evidence').evaluateAll((els) => els.map((e) => getComputedStyle(e).unicodeBidi))).not.toContain('normal');
    expect(await boxesOutside(popup, 'body')).toEqual([]);
    // As a tab the page is wider than the popup's 400 px body: the body must not scroll sideways, and a
    // clipped 1 MB word keeps the height that of a normal list (the popup window shows at most 600 px and scrolls).
    const size = await popup.evaluate(() => ({ width: document.body.scrollWidth, height: document.body.scrollHeight }));
    expect(size.width, JSON.stringify(size)).toBeLessThanOrEqual(POPUP_WIDTH);
    expect(size.height, JSON.stringify(size)).toBeLessThan(4000);
    await expectInert(popup, 'document');
    await popup.close();
  });
});

describe('the options page', () => {
  const fileName = `${PAYLOADS.img('file-name')}${PDI}${RLO}txt.exe${ZERO_WIDTH}${'W'.repeat(400)}`;
  const refusedName = `${RLO}${PAYLOADS.script('file-name-2')}${LONE_SURROGATE}.json`;
  const importedIds = [PAYLOADS.script('import-1'), `${RLO}${PAYLOADS.javascript('import-2')}`];

  it('previews files with hostile names and contents as text, imports them, and the popup names the file isolated', async () => {
    await browseAll();
    const day = new Date(Date.now() - 3 * 86_400_000).toISOString().replace(/\.\d+Z$/, '+00:00');
    const report = [
      'amazon-order-id\tpurchase-date\torder-status\tfulfillment-channel\tsales-channel\tproduct-name\tsku',
      ...importedIds.map((id, i) => `${id}\t${day}\tShipped\tMerchant\tAmazon.com\t${PAYLOADS.alert()}\tsku-${PAYLOADS.svg(`import-sku-${i}`)}`),
    ].join('\n');
    const refused = JSON.stringify({
      chargebacks: [{ id: PAYLOADS.svg('detail'), status: 'CLOSED', filingDate: day, relatedOrders: [{ orderId: '111-0000000-0000001' }] }],
    });

    const options = await extensionPage('options');
    await options.setInputFiles('[data-test-id=import-input]', [
      { name: fileName, mimeType: 'text/tab-separated-values', buffer: Buffer.from(report) },
      { name: refusedName, mimeType: 'application/json', buffer: Buffer.from(refused) },
    ]);
    const preview = options.locator('[data-test-id=import-preview]');
    await preview.waitFor();
    const names = await preview.locator('.file-name').allTextContents();
    expect(names).toEqual([fileName.slice(0, 300), refusedName].map((n) => n.replace(LONE_SURROGATE, '\uFFFD')));
    expect(await preview.locator('.file-name').evaluateAll((cells) => cells.map((c) => getComputedStyle(c).unicodeBidi))).toEqual(['isolate', 'isolate']);
    expect(await preview.locator('tr.not-recognised').last().innerText()).toContain(PAYLOADS.svg('detail'));
    expect(await boxesOutside(options, 'main')).toEqual([]);
    expect(await options.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
    await expectInert(options, 'document');

    await options.click('.actions .button-primary');
    const status = options.locator('section[aria-labelledby=import-title] [role=status]');
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/Saved 1 file/);
    const data = await until(
      () => readDatabase(h),
      (d) => importedIds.every((id) => d.orders.some((o) => o.orderId === id)),
      'the imported orders',
    );
    expect(data.log[data.log.length - 1]).toMatchObject({ ok: true, origin: 'import', source: fileName.slice(0, 300) });
    await expectInert(options, 'document');
    await options.close();

    const popup = await extensionPage('popup');
    const freshness = popup.locator('.freshness');
    await freshness.waitFor();
    // The name sits inside one isolate (its own PDI dropped), clipped, so its RLO cannot reverse the links after it.
    expect(await freshness.textContent()).toContain(`file ${FSI}${fileName.replace(PDI, '').slice(0, 79)}…${PDI} · refresh:`);
    expect(await boxesOutside(popup, 'body')).toEqual([]);
    await expectInert(popup, 'document');
    await popup.close();
  });

  it('nothing made a request of its own, and no payload ever ran', () => {
    expect(h.extensionRequests()).toEqual([]);
    expect(pages.problems()).toEqual([]);
    expect(PWNED).toBe('__redlinePwned');
  });
});
