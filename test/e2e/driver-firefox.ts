/**
 * The driver-neutral harness (driver.ts) in real Firefox: Debian's Firefox ESR driven by puppeteer-core
 * over WebDriver BiDi, the built `.output/firefox-mv2` installed as a temporary add-on (toolchain.md,
 * "End-to-end tests in real Firefox").
 *
 * Nothing reaches the network: every tab the harness opens intercepts its requests before they leave,
 * serves Seller Central hosts from the demo site and aborts every other host; every other request
 * (the background page's, Firefox's own, a tab the harness did not open) goes to a local proxy that
 * refuses and records it (refusing-proxy.ts). Both count in `strayRequests()`.
 */
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type HTTPRequest, type Page } from 'puppeteer-core';
import { SELLER_CENTRAL_HOSTS } from '../../lib/marketplaces';
import { DEMO_PAGE_REQUEST_HEADER, DemoSite } from '../demo-site/server';
import type { DriverOptions, ExtensionDriver, StrayRequest, TestPage, ToolbarBadgeState } from './driver';
import { FIREFOX_INSTALL_HELP, findFirefox } from './firefox';
import { DEFAULT_HOST, PROJECT_ROOT } from './harness';
import { startRefusingProxy } from './refusing-proxy';

export const FIREFOX_EXTENSION_DIR = join(PROJECT_ROOT, '.output/firefox-mv2');

/** What the demo pages load by themselves besides their fetches (which carry the marker header). */
const DEMO_PAGE_ASSET = /^\/(demo-assets\/|favicon\.ico$)/;

interface BidiConnection {
  send(method: 'browsingContext.navigate', params: { context: string; url: string; wait: 'complete' }): Promise<unknown>;
}

/** The extension's pages are navigated with BiDi itself: puppeteer's `goto` never resolves on `moz-extension:`. */
async function navigateExtensionPage(browser: Browser, page: Page, url: string): Promise<void> {
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  await connection.send('browsingContext.navigate', { context, url, wait: 'complete' });
}

function testPage(page: Page): TestPage {
  return {
    evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => never, arg) as never,
    waitFor: (selector, timeoutMs = 15_000) => page.waitForSelector(selector, { timeout: timeoutMs }).then(() => undefined),
    click: (selector) => page.click(selector),
    text: (selector) => page.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector),
    async setInputFiles(selector, paths) {
      const input = (await page.waitForSelector(selector)) as ElementHandle<HTMLInputElement> | null;
      if (!input) throw new Error(`no ${selector}`);
      await input.uploadFile(...paths);
    },
    screenshot: (path) => page.screenshot({ path }).then(() => undefined),
    close: () => page.close(),
  };
}

export async function launchFirefoxDriver(options: DriverOptions & { extensionDir?: string } = {}): Promise<ExtensionDriver> {
  const extensionDir = resolve(options.extensionDir ?? FIREFOX_EXTENSION_DIR);
  const manifestPath = join(extensionDir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`No built extension at ${extensionDir}: run \`npx wxt build -b firefox\` first.`);
  const executablePath = findFirefox();
  if (!executablePath) throw new Error(FIREFOX_INSTALL_HELP);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { browser_specific_settings?: { gecko?: { id?: string } } };
  const geckoId = manifest.browser_specific_settings?.gecko?.id;
  if (!geckoId) throw new Error('The Firefox manifest has no browser_specific_settings.gecko.id.');
  const demo = options.demo instanceof DemoSite ? options.demo : new DemoSite(options.demo);

  // A copy, as in Chromium: a build while tests run must not change the add-on under the browser.
  const tempRoot = mkdtempSync(join(tmpdir(), 'redline-e2e-firefox-'));
  const loadedDir = join(tempRoot, 'extension');
  cpSync(extensionDir, loadedDir, { recursive: true });
  const proxy = await startRefusingProxy();
  // BiDi does not say which moz-extension:// host the add-on got: fix it before the install.
  const uuid = randomUUID();
  const origin = `moz-extension://${uuid}`;

  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: true,
      defaultViewport: { width: 1366, height: 900 },
      args: ['--remote-allow-system-access'],
      // No connection but to this machine (the proxy is local): Firefox's own services cannot reach out either.
      env: { ...process.env, MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1' },
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
        'services.settings.server': 'data:,#none/v1', // no Remote Settings polling
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.share_proxy_settings': true,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': true,
        // The background page's and the pages' console on Firefox's stdout, read into problems().
        'devtools.console.stdout.content': true,
        'devtools.console.stdout.chrome': true,
      },
    });
  } catch (error) {
    await proxy.close();
    rmSync(tempRoot, { recursive: true, force: true });
    throw error;
  }

  const problems: string[] = [];
  let pendingLine = '';
  const readLog = (chunk: Buffer) => {
    const lines = (pendingLine + chunk.toString()).split('\n');
    pendingLine = lines.pop() ?? '';
    for (const line of lines) {
      if (/console\.(warn|error): "?Redline: /.test(line) || (line.includes(origin) && /error/i.test(line))) problems.push(line.slice(0, 400));
    }
  };
  browser.process()?.stdout?.on('data', readLog);
  browser.process()?.stderr?.on('data', readLog);

  const intercepted: { request: StrayRequest; served: boolean; fromDemoPage: boolean }[] = [];
  const onRequest = (seenBy: string) => (request: HTTPRequest) => {
    const url = new URL(request.url());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return void request.continue().catch(() => undefined);
    const sellerCentral = url.protocol === 'https:' && SELLER_CENTRAL_HOSTS.includes(url.hostname);
    const fromDemoPage =
      seenBy === 'tab' &&
      sellerCentral &&
      (request.isNavigationRequest() || DEMO_PAGE_ASSET.test(url.pathname) || request.headers()[DEMO_PAGE_REQUEST_HEADER] === '1');
    const served = sellerCentral && seenBy === 'tab';
    intercepted.push({ request: { url: request.url(), method: request.method(), seenBy }, served, fromDemoPage });
    if (!served) return void request.abort('blockedbyclient').catch(() => undefined);
    void (async () => {
      // On BiDi, postData() throws: the body is fetched.
      const body = request.hasPostData() ? await request.fetchPostData() : undefined;
      const response = demo.respond(request.method(), url, body);
      await request.respond({ status: response.status, contentType: response.contentType, body: response.body });
    })().catch(() => undefined); // the tab closed meanwhile
  };
  /** A new tab whose requests are intercepted from its first one (interception is per tab). */
  const newTab = async (seenBy: 'tab' | 'extension page') => {
    const page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', onRequest(seenBy));
    return page;
  };
  const openExtensionPage = async (file: string) => {
    const page = await newTab('extension page');
    await navigateExtensionPage(browser, page, `${origin}/${file}`);
    return page;
  };

  try {
    await browser.installExtension(loadedDir);
  } catch (error) {
    await browser.close();
    await proxy.close();
    rmSync(tempRoot, { recursive: true, force: true });
    throw new Error(`Firefox refused the add-on: ${(error as Error).message}`);
  }

  // One extension page kept open for questions and storage reads (the MV2 background is a page that
  // tests cannot evaluate in; an extension page shares its origin, its IndexedDB and its messaging).
  let extensionTab: Promise<Page> | undefined;
  const inExtension = () => (extensionTab ??= openExtensionPage('popup.html'));

  const driver: ExtensionDriver = {
    browser: 'firefox',
    demo,
    url: (path, host = DEFAULT_HOST) => `https://${host}${path}`,
    async openSellerCentral(path, host) {
      const page = await newTab('tab');
      await page.goto(driver.url(path, host), { waitUntil: 'load' });
      return testPage(page);
    },
    openExtensionPage: async (file) => testPage(await openExtensionPage(file)),
    async ask<T>(message: Record<string, unknown>) {
      const page = await inExtension();
      const envelope = (await page.evaluate(
        (m) => (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser.runtime.sendMessage(m),
        message,
      )) as {
        ok: boolean;
        value?: T;
        error?: string;
      };
      if (!envelope?.ok) throw new Error(envelope?.error ?? 'no answer');
      return envelope.value as T;
    },
    evaluateInExtension: async (fn, arg) => (await inExtension()).evaluate(fn as (a: unknown) => never, arg) as never,
    async toolbarBadge() {
      const page = await inExtension();
      return page.evaluate(async () => {
        type Badge = { getBadgeText(d: object): Promise<string>; getBadgeBackgroundColor(d: object): Promise<number[]>; getTitle(d: object): Promise<string> };
        const api = (globalThis as unknown as { browser: { runtime: { getManifest(): { manifest_version: number } }; browserAction: Badge; action: Badge } })
          .browser;
        const button = api.runtime.getManifest().manifest_version === 2 ? api.browserAction : api.action;
        return {
          text: await button.getBadgeText({}),
          color: await button.getBadgeBackgroundColor({}),
          title: await button.getTitle({}),
        } satisfies ToolbarBadgeState;
      });
    },
    servedUrls: () => intercepted.filter((r) => r.served).map((r) => r.request.url),
    strayRequests: () => [
      ...intercepted.filter((r) => !r.fromDemoPage).map((r) => r.request),
      ...proxy.seen().map((line) => ({ url: line, method: line.split(' ', 1)[0]!, seenBy: 'refusing proxy' })),
    ],
    problems: () => [...problems],
    async close() {
      await browser.close().catch(() => undefined);
      await proxy.close();
      rmSync(tempRoot, { recursive: true, force: true });
    },
  };
  return driver;
}
