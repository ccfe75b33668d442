/**
 * Launches Debian Chromium with the built extension and the demo Seller Central behind every Seller
 * Central host. Every other http(s) request is aborted and recorded, so a test can prove the extension
 * makes no request of its own (seller-central.md, privacy rules).
 *
 *   const h = await launchHarness();
 *   const page = await h.openSellerCentral(DEMO_PAGES.unshipped);
 *   const popup = await h.openPopup();
 *   const n = await h.evaluateInServiceWorker(() => 1 + 1);
 *   expect(h.extensionRequests()).toEqual([]);
 *   await h.close();
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Request, type Route, type Worker } from 'playwright-core';
import type { WxtBrowser } from 'wxt/browser';
import { SELLER_CENTRAL_HOSTS } from '../../lib/marketplaces';
import { DEMO_PAGE_REQUEST_HEADER, DemoSite, type DemoSiteOptions } from '../demo-site/server';
import { CHROMIUM_INSTALL_HELP, extensionLoadError, findChromium } from './chromium';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CHROME_EXTENSION_DIR = join(PROJECT_ROOT, '.output/chrome-mv3');
export const DEFAULT_HOST = 'sellercentral.amazon.com';

/**
 * The extension APIs as seen inside `evaluate` callbacks (service worker, popup): Node's types do not
 * know `chrome`, and callbacks cannot import. `(globalThis as ExtensionGlobal).chrome.runtime.id`.
 */
export type ExtensionGlobal = typeof globalThis & { chrome: WxtBrowser };

export interface HarnessOptions {
  /** Default true; false opens a window (needs a display). */
  headless?: boolean;
  /** The unpacked extension to load; default `.output/chrome-mv3` (run `wxt build` first). */
  extensionDir?: string;
  /** A ready demo site, or options to build one (seed, now, signedOut…). Default: seed 20261126, now = real time. */
  demo?: DemoSite | DemoSiteOptions;
  viewport?: { width: number; height: number };
  /**
   * The browser's UI language (default `en-US`): chrome.i18n and navigator.language follow it. Languages
   * other than en-US need Debian's `chromium-l10n` package.
   */
  locale?: string;
}

export interface RecordedRequest {
  url: string;
  method: string;
  resourceType: string;
  /** Who asked: a page, the extension's service worker, or an extension page (popup, options). */
  source: 'page' | 'service-worker' | 'extension-page';
  /** Served by the demo site, or aborted (any host that is not Seller Central). */
  outcome: 'demo' | 'blocked';
  /** Carried the demo pages' own marker header (their fetches of the JSON endpoints). */
  fromDemoPage: boolean;
}

export interface Harness {
  context: BrowserContext;
  demo: DemoSite;
  extensionId: string;
  /** Every http(s) request the browser context made, in order. */
  requests: RecordedRequest[];
  /** Requests that went anywhere but Seller Central (all were aborted). */
  blockedRequests(): RecordedRequest[];
  /**
   * Requests the demo pages did not make themselves: from the service worker or an extension page, to a
   * foreign host, or a fetch/XHR to Seller Central without the demo pages' marker. Should stay empty.
   */
  extensionRequests(): RecordedRequest[];
  /** `https://sellercentral.amazon.com` + path (or another Seller Central host). */
  url(path: string, host?: string): string;
  /** A new tab on a demo Seller Central page, after its `load` event. */
  openSellerCentral(path: string, host?: string): Promise<Page>;
  /** The toolbar popup, opened as a tab (`chrome-extension://<id>/popup.html`). */
  openPopup(): Promise<Page>;
  /** The extension's service worker, fetched afresh (MV3 workers stop when idle, ~30 s). */
  serviceWorker(): Promise<Worker>;
  /** Runs `fn` in the service worker; the worker is looked up again on every call. */
  evaluateInServiceWorker<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** `evaluateInServiceWorker`, by the name the driver-neutral reads use (test/e2e/driver.ts, database.ts). */
  evaluateInExtension<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  close(): Promise<void>;
}

function isSellerCentral(url: URL): boolean {
  return url.protocol === 'https:' && SELLER_CENTRAL_HOSTS.includes(url.hostname);
}

function sourceOf(request: Request): RecordedRequest['source'] {
  if (request.serviceWorker()) return 'service-worker';
  try {
    return request.frame().url().startsWith('chrome-extension://') ? 'extension-page' : 'page';
  } catch {
    return 'service-worker'; // requests without a frame come from workers
  }
}

export async function launchHarness(options: HarnessOptions = {}): Promise<Harness> {
  const extensionDir = resolve(options.extensionDir ?? CHROME_EXTENSION_DIR);
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run \`npx wxt build\` first.`);
  }
  const executablePath = findChromium();
  if (!executablePath) throw new Error(CHROMIUM_INSTALL_HELP);
  const demo = options.demo instanceof DemoSite ? options.demo : new DemoSite(options.demo);

  // The browser loads a copy: a `wxt build` while tests run (another terminal, another engineer)
  // must not swap the extension's files under a running browser.
  const tempRoot = mkdtempSync(join(tmpdir(), 'redline-e2e-'));
  const userDataDir = join(tempRoot, 'profile');
  const loadedDir = join(tempRoot, 'extension');
  cpSync(extensionDir, loadedDir, { recursive: true });
  const locale = options.locale ?? 'en-US';
  const posixLocale = locale.replace('-', '_');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: options.headless ?? true,
    viewport: options.viewport ?? { width: 1366, height: 900 },
    locale,
    // On Linux, Chromium takes its UI language (and so chrome.i18n's) from the environment and --lang.
    env: { ...process.env, LANGUAGE: posixLocale, LANG: `${posixLocale}.UTF-8` },
    args: [
      `--lang=${locale}`,
      `--disable-extensions-except=${loadedDir}`,
      `--load-extension=${loadedDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });

  const requests: RecordedRequest[] = [];
  // One handler for everything: Seller Central → the demo site; any other http(s) host → aborted.
  await context.route('**/*', async (route: Route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return route.continue();
    const headers = request.headers(); // includes custom headers; allHeaders() would wait for extra network info
    const record: RecordedRequest = {
      url: request.url(),
      method: request.method(),
      resourceType: request.resourceType(),
      source: sourceOf(request),
      outcome: isSellerCentral(url) ? 'demo' : 'blocked',
      fromDemoPage: headers[DEMO_PAGE_REQUEST_HEADER] === '1',
    };
    requests.push(record);
    if (record.outcome === 'blocked') return route.abort('blockedbyclient');
    const response = demo.respond(request.method(), url, request.postData() ?? undefined);
    return route.fulfill({ status: response.status, contentType: response.contentType, body: response.body });
  });

  // A stopped worker can stay listed for a moment; skip the ones Playwright reported closed.
  const closedWorkers = new WeakSet<Worker>();
  const watch = (w: Worker) => w.on('close', () => closedWorkers.add(w));
  context.serviceWorkers().forEach(watch);
  context.on('serviceworker', watch);
  const findWorker = () =>
    context
      .serviceWorkers()
      .filter((w) => w.url().startsWith('chrome-extension://') && !closedWorkers.has(w))
      .at(-1);
  let firstWorker = findWorker();
  if (!firstWorker) {
    try {
      firstWorker = await context.waitForEvent('serviceworker', { timeout: 15_000 });
    } catch {
      await context.close();
      const reason = await extensionLoadError(executablePath, loadedDir);
      rmSync(tempRoot, { recursive: true, force: true });
      throw new Error(
        `The extension's service worker did not start. ${reason ?? 'Chromium logged no load error: check background.js for an error at startup.'}`,
      );
    }
  }
  const extensionId = new URL(firstWorker.url()).host;

  const harness: Harness = {
    context,
    demo,
    extensionId,
    requests,
    blockedRequests: () => requests.filter((r) => r.outcome === 'blocked'),
    extensionRequests: () =>
      requests.filter((r) => r.source !== 'page' || r.outcome === 'blocked' || ((r.resourceType === 'fetch' || r.resourceType === 'xhr') && !r.fromDemoPage)),
    url: (path, host = DEFAULT_HOST) => `https://${host}${path}`,
    async openSellerCentral(path, host) {
      const page = await context.newPage();
      await page.goto(harness.url(path, host), { waitUntil: 'load' });
      return page;
    },
    async openPopup() {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/popup.html`, { waitUntil: 'load' });
      return page;
    },
    async serviceWorker() {
      const running = findWorker();
      if (running) return running;
      // A stopped worker starts again for an extension event; a message from an extension page is one.
      const waiting = context.waitForEvent('serviceworker', { timeout: 15_000 });
      waiting.catch(() => undefined); // awaited below only when needed
      const page = await harness.openPopup();
      await page.evaluate('chrome.runtime.sendMessage({ type: "ping" }).catch(() => undefined)').catch(() => undefined);
      const worker = findWorker() ?? (await waiting);
      await page.close();
      return worker;
    },
    async evaluateInServiceWorker(fn, arg) {
      const worker = await harness.serviceWorker();
      try {
        return await worker.evaluate(fn as (a: unknown) => never, arg);
      } catch (error) {
        // The worker stopped between lookup and evaluate: wake it and try once more.
        if (!/closed/i.test(String(error))) throw error;
        closedWorkers.add(worker);
        return (await harness.serviceWorker()).evaluate(fn as (a: unknown) => never, arg);
      }
    },
    evaluateInExtension: (fn, arg) => harness.evaluateInServiceWorker(fn, arg),
    async close() {
      await context.close();
      rmSync(tempRoot, { recursive: true, force: true });
    },
  };
  return harness;
}
