/**
 * What a browser test needs from a browser, whichever drives it: Playwright drives Chromium
 * (driver-chromium.ts over harness.ts), puppeteer-core drives Firefox over WebDriver BiDi
 * (driver-firefox.ts). Flows written against these types (test/e2e/flows/) run in both, with the
 * same demo Seller Central and the same assertions; only the driver differs.
 *
 *   const h = await launchChromiumDriver();            // or launchFirefoxDriver()
 *   const page = await h.openSellerCentral(DEMO_PAGES.unshipped);
 *   await page.waitFor('html[data-redline-ready]');
 *   const state = await h.ask({ type: 'getPopupState' });
 *   expect(h.strayRequests()).toEqual([]);
 */
import type { DemoSite, DemoSiteOptions } from '../demo-site/server';

export type BrowserName = 'chromium' | 'firefox';

export interface DriverOptions {
  /** A ready demo site, or options to build one. Default: seed 20261126, now = real time. */
  demo?: DemoSite | DemoSiteOptions;
}

/** A tab: a demo Seller Central page or one of the extension's own pages. */
export interface TestPage {
  /** Runs `fn` in the page (an extension page has the extension's APIs; a web page only its own). */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Waits until an element matches `selector` (in the DOM, visible or not). */
  waitFor(selector: string, timeoutMs?: number): Promise<void>;
  click(selector: string): Promise<void>;
  /** The element's textContent, or null when nothing matches. */
  text(selector: string): Promise<string | null>;
  /** Chooses files (absolute paths) in the `<input type=file>` matched by `selector`. */
  setInputFiles(selector: string, paths: string[]): Promise<void>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

/** A request the demo pages did not make themselves: it should never happen. */
export interface StrayRequest {
  url: string;
  method: string;
  /** Who or what made it visible: a tab, an extension page, the background, or the refusing proxy. */
  seenBy: string;
}

/** The toolbar button's badge, as the browser shows it. */
export interface ToolbarBadgeState {
  text: string;
  /** [r, g, b, a], as `getBadgeBackgroundColor` answers. */
  color: number[];
  title: string;
}

export interface ExtensionDriver {
  browser: BrowserName;
  demo: DemoSite;
  /** `https://sellercentral.amazon.com` + path (or another Seller Central host). */
  url(path: string, host?: string): string;
  /** A new tab on a demo Seller Central page, after its `load` event. */
  openSellerCentral(path: string, host?: string): Promise<TestPage>;
  /** A new tab on one of the extension's pages (`popup.html`, `options.html`), after its `load` event. */
  openExtensionPage(file: string): Promise<TestPage>;
  /** Sends `message` to the background from an extension page, as the popup does; the envelope's value. */
  ask<T = unknown>(message: Record<string, unknown>): Promise<T>;
  /**
   * Runs `fn` where the extension's origin is (its IndexedDB, its storage): the service worker in
   * Chromium, an extension page in Firefox. `fn` must not use APIs that only one of them has.
   */
  evaluateInExtension<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** The toolbar button's badge text, colour and title. */
  toolbarBadge(): Promise<ToolbarBadgeState>;
  /** Seller Central URLs the demo site served, in order. */
  servedUrls(): string[];
  /** Requests the demo pages did not make: by the extension, to another host, or past the interception. */
  strayRequests(): StrayRequest[];
  /** Redline's own `Redline: … failed` warnings and uncaught errors, from its background and pages. */
  problems(): string[];
  close(): Promise<void>;
}

export type LaunchDriver = (options?: DriverOptions) => Promise<ExtensionDriver>;
