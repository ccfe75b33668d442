/**
 * Storage, worker and popup figures in Debian Chromium, through the extension's real message path
 * (an extension page sends captureResponse as the content script does; imports go through the options page).
 *
 * Order: with the demo seller's few hundred orders (baselines), then import 2 × 50,000 synthetic
 * orders (lib/metrics/synthetic-history.ts, one year, 5,000 defects) as Redline export files, then
 * again with 100,000 orders stored (the budgets).
 */
import type { Page } from 'playwright-core';
import { trimCapturedBody } from '../../lib/capture/trim';
import { syntheticHistory } from '../../lib/metrics/synthetic-history';
import { storedOrder } from '../../lib/storage/records';
import type { Harness } from '../e2e/harness';
import { BLANK_PAGE } from './baseline-extensions';
import { median, round, type Figure } from './figures';
import { rawPutMs, timedMessage, workerHeapUsed } from './worker';

const US = 'ATVPDKIKX0DER';
const SCOPE = `default|${US}`;
const RUNS = 5;
/** What the popup may add to the browser's own floor (a blank extension page) before its first meaningful paint. */
const POPUP_OVER_BLANK_MS = 25;

/**
 * Popup tab opened → its figures (or first-run screen) painted, ms since navigation start, as the
 * browser saw it. When the popup had figures kept from the last one (remembered.ts; marked "checking
 * for newer figures", mark `redline:popup-kept`), they are rendered with the first content the page
 * has, so that is the first contentful paint; otherwise it is Element Timing's render time of the
 * live summary (`elementtiming` in Popup.tsx). `live` is the live summary's paint either way.
 * `observed` is the old method: Playwright found the live summary, then the next animation frame;
 * its polling and injected script add 50–150 ms here even to a static page (docs/performance.md).
 */
interface PopupPaint {
  ms: number;
  live: number;
  /** First contentful paint (the popup draws nothing before its figures or first-run screen, or an error). */
  fcp: number;
  observed: number;
  /** Navigation start → the popup's script asks the worker (page and script load). */
  ask: number;
  /** Asked → answered (the worker's popupState and the message round trip). */
  answer: number;
}

const LIVE = '.summary:not(.summary-kept), .first-run';

async function popupPaint(h: Harness): Promise<PopupPaint> {
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/popup.html`, { waitUntil: 'commit' });
  // Not painted within 20 s counts as not measured (NaN fails the budget) rather than ending the run.
  const painted = await page.waitForSelector(LIVE, { timeout: 20_000 }).then(
    () => true,
    () => false,
  );
  if (!painted)
    console.warn(
      `popup not painted within 20 s; it shows: ${(
        await page
          .locator('body')
          .innerText()
          .catch(() => '?')
      ).slice(0, 200)}`,
    );
  const times = !painted
    ? { ms: Number.NaN, live: Number.NaN, fcp: Number.NaN, observed: Number.NaN, ask: Number.NaN, answer: Number.NaN }
    : await page.evaluate(
        () =>
          new Promise<PopupPaint>((resolve) =>
            requestAnimationFrame(() => {
              const observed = performance.now();
              // No helper function here: tsx would wrap it in its `__name`, which the page does not have.
              const [ask, answer, kept] = ['redline:popup-ask', 'redline:popup-answer', 'redline:popup-kept'].map(
                (name) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN,
              );
              const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN;
              // Kept figures rendered before any content: the first contentful paint is theirs.
              const first = fcp >= kept! ? fcp : Infinity;
              let live = Infinity;
              new PerformanceObserver((list, observer) => {
                const paints = list.getEntries() as (PerformanceEntry & { identifier: string; renderTime: number })[];
                for (const e of paints) {
                  const t = e.renderTime || e.startTime;
                  if (['summary', 'first-run'].includes(e.identifier)) live = Math.min(live, t);
                }
                if (!Number.isFinite(live)) return; // the live summary's entry comes with its frame
                observer.disconnect();
                resolve({ ms: Math.min(first, live), live, fcp, observed, ask: ask!, answer: answer! - ask! });
              }).observe({ type: 'element', buffered: true });
              setTimeout(() => resolve({ ms: Number.NaN, live: Number.NaN, fcp, observed, ask: ask!, answer: answer! - ask! }), 5_000);
            }),
          ),
      );
  await page.close();
  return times;
}

/** The blank extension page (baseline-extensions.ts) opened in a new tab → its first contentful paint, ms. */
async function blankPagePaint(h: Harness): Promise<number> {
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/${BLANK_PAGE}`, { waitUntil: 'load' });
  const fcp = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) => {
          const fcp = list.getEntriesByName('first-contentful-paint')[0];
          if (fcp) resolve(fcp.startTime);
        }).observe({ type: 'paint', buffered: true });
        setTimeout(() => resolve(Number.NaN), 5_000);
      }),
  );
  await page.close();
  return fcp;
}

/**
 * `runs` popups, each followed by a blank extension page (into `blank`), so the baseline sees the same machine.
 */
async function popupPaints(h: Harness, runs: number, blank: number[] = []): Promise<PopupPaint[]> {
  const paints: PopupPaint[] = [];
  for (let i = 0; i < runs; i++) {
    paints.push(await popupPaint(h));
    blank.push(await blankPagePaint(h));
  }
  return paints;
}

const phases = (paints: PopupPaint[]) => {
  const m = (f: (p: PopupPaint) => number) => round(median(paints.map(f)), 0);
  return `live answer painted ${m((p) => p.live)} ms, first contentful paint ${m((p) => p.fcp)} ms, found by Playwright ${m((p) => p.observed)} ms; page and script ${m((p) => p.ask)} ms, worker answer ${m((p) => p.answer)} ms (medians)`;
};

/**
 * Until the worker has no report left to recompute (a capture or import is answered once written;
 * the report follows). ms waited. Steady-state figures are measured from a settled worker: a seller's
 * captures come seconds apart, not back to back.
 */
async function settled(page: Page): Promise<number> {
  const start = Date.now();
  for (;;) {
    const state = await page.evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value?: { computing?: boolean } }> } };
      };
      return chrome.runtime.sendMessage({ type: 'getPopupState' });
    });
    if (state.ok && state.value?.computing === false) return Date.now() - start;
    if (Date.now() - start > 120_000) throw new Error('the worker did not settle within 2 minutes');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function repeat(runs: number, measure: () => Promise<number>): Promise<number[]> {
  const values: number[] = [];
  for (let i = 0; i < runs; i++) values.push(await measure());
  return values;
}

/**
 * An import as a seller makes it: the file chosen on the options page (read and previewed), then
 * "Save". ms from the click to "Saved" on the page (a MutationObserver in the page: no polling).
 * NaN when it does not say so within two minutes.
 */
async function importThroughOptions(h: Harness, file: { name: string; text: string }): Promise<number> {
  const options = await h.context.newPage();
  await options.goto(`chrome-extension://${h.extensionId}/options.html`);
  await options.setInputFiles('[data-test-id=import-input]', [{ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) }]);
  await options.locator('[data-test-id=import-preview] tbody tr:not(.not-recognised)').first().waitFor({ timeout: 120_000 });
  const ms = await options.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const status = 'section[aria-labelledby=import-title] [role=status]';
        const start = performance.now();
        const observer = new MutationObserver(() => {
          if (!/Saved/.test(document.querySelector(status)?.textContent ?? '')) return;
          observer.disconnect();
          resolve(performance.now() - start);
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        setTimeout(() => resolve(Number.NaN), 120_000);
        (document.querySelector('.actions .button-primary') as HTMLButtonElement).click();
      }),
  );
  await options.close();
  return ms;
}

function exportFile(name: string, part: ReturnType<typeof syntheticHistory>) {
  const text = JSON.stringify({ format: 'redline-export', version: 1, exportedAt: Date.now(), ...part });
  return { name, text };
}

export async function storageFigures(h: Harness): Promise<Figure[]> {
  const page: Page = await h.openPopup(); // any extension page: the sender the worker trusts for every message
  // The body as the content script sends it: trimmed to the fields the readers read (lib/capture/trim.ts).
  const searchBody = trimCapturedBody(
    '/orders-api/search',
    h.demo.respond('GET', new URL(h.url('/orders-api/search?limit=100&offset=100&fulfillmentType=mfn&orderStatus=shipped'))).body,
  );
  const recomputes: number[] = [];
  const capture = async () => {
    await settled(page);
    const { ms, answer } = await timedMessage(page, {
      type: 'captureResponse',
      path: '/orders-api/search',
      status: 200,
      contentType: 'application/json',
      body: searchBody,
      observedAt: Date.now(),
    });
    if (!answer.ok) throw new Error(`capture failed: ${answer.error}`);
    recomputes.push(await settled(page));
    return ms;
  };

  // Baselines with the demo seller's data (the page figures captured it).
  const heapSmall = await workerHeapUsed(h, page);
  const popupSmall = await popupPaints(h, RUNS);
  await capture(); // the first capture of these orders adds them; the timed ones update them, as a revisit does
  const captureSmall = await repeat(RUNS, capture);

  const history = syntheticHistory({ seed: 11, orders: 100_000, defects: 5_000, asOf: Date.now(), days: 365, marketplaceId: US, readings: true });
  const half = history.orders.length / 2;
  const first = exportFile('orders-1.json', { orders: history.orders.slice(0, half), defects: [], readings: [] });
  const second = exportFile('orders-2.json', { orders: history.orders.slice(half), defects: history.defects, readings: history.readings });
  const rawPut = await rawPutMs(
    h,
    history.orders.slice(0, half).map((o) => storedOrder(o, SCOPE)),
  );
  const rawPut100 = await rawPutMs(
    h,
    history.orders.slice(0, 100).map((o) => storedOrder(o, SCOPE)),
  );
  await settled(page);
  const importFirst = await importThroughOptions(h, first);
  const reportAfterFirst = await settled(page);
  const importSecond = await importThroughOptions(h, second);
  const reportAfterSecond = await settled(page);

  // With 100,000 orders stored.
  recomputes.length = 0;
  const captureBig = await repeat(RUNS, capture);
  const blank: number[] = [];
  const popupBig = await popupPaints(h, RUNS, blank);
  const heapBig = await workerHeapUsed(h, page);
  await page.close();

  const MB = 2 ** 20;
  return [
    {
      name: 'capture of one /orders-api/search response (100 orders) to stored, 100,000 orders stored, median round trip',
      value: median(captureBig),
      unit: 'ms',
      budget: 50,
      baseline: { name: 'raw IndexedDB put of 100 orders in the worker', value: rawPut100 },
      note: `runs: ${captureBig.map((v) => round(v, 0)).join(', ')}; with the demo's ~800 orders stored: median ${round(median(captureSmall))} ms. Answered once written; the report follows in a median ${round(median(recomputes), 0)} ms (runs: ${recomputes.map((v) => round(v, 0)).join(', ')}), then reportsChanged.`,
    },
    {
      name: 'import of 50,000 orders from a file into IndexedDB (options page: "Save" clicked → "Saved" shown)',
      value: importFirst,
      unit: 'ms',
      budget: 5000,
      baseline: { name: 'raw IndexedDB bulk put of the same 50,000 records', value: rawPut },
      ratioBudget: 2,
      note: `ratio ≤ 2 = at least half the raw speed; the next 50,000 (+5,000 defects, onto 50,000 stored): ${round(importSecond, 0)} ms; file ${round(first.text.length / MB, 1)} MB. Report ready after the answer: ${round(reportAfterFirst, 0)} ms, then ${round(reportAfterSecond, 0)} ms`,
    },
    {
      name: 'popup: open to first meaningful paint, 100,000 orders stored, median',
      value: median(popupBig.map((p) => p.ms)),
      unit: 'ms',
      // The floor is the browser's: a blank extension page in a new tab, measured between the popups.
      budget: round(median(blank) + POPUP_OVER_BLANK_MS, 0),
      baseline: { name: 'a blank extension page (no script), first contentful paint, same run', value: median(blank) },
      note: `budget = blank page + ${POPUP_OVER_BLANK_MS} ms; runs: ${popupBig.map((p) => round(p.ms, 0)).join(', ')} (the figures kept from the last popup, marked as being checked, or the live ones); blank page: ${blank.map((v) => round(v, 0)).join(', ')}; ${phases(popupBig)}; demo seller only: median ${round(median(popupSmall.map((p) => p.ms)), 0)} ms, ${phases(popupSmall)}`,
    },
    {
      name: 'service worker JS heap after GC, 100,000 orders stored',
      value: heapBig / MB,
      unit: 'MB',
      budget: 50,
      baseline: { name: 'with the demo seller only', value: heapSmall / MB },
    },
  ];
}
