/**
 * Proof that hostile strings stay inert, for browser tests on the hostile demo (test/demo-site/hostile.ts):
 * every page of the context gets `__redlinePwned` (the payloads' call, recorded if ever made) and a
 * record of CSP violations (an extension page refuses an injected inline handler, and says so); each
 * watched page records dialogs (dismissed), uncaught errors and Redline's own failure warnings.
 *
 *   await armPayloadTrap(h.context);
 *   const watch = watchPage(page);
 *   expect(await trapReport(page)).toEqual({ pwned: [], cspViolations: [] });
 *   expect(watch.problems()).toEqual([]);
 *   expect(await payloadElements(page)).toEqual([]);
 */
import type { BrowserContext, Page } from 'playwright-core';
import { PWNED } from '../demo-site/hostile';

interface TrapWindow {
  __redlinePwnedCalls?: string[];
  __redlineCspViolations?: string[];
}

/** Before any page opens: every document of the context (Seller Central and extension pages) gets the trap. */
export async function armPayloadTrap(context: BrowserContext): Promise<void> {
  await context.addInitScript((name: string) => {
    const w = window as unknown as TrapWindow & Record<string, unknown>;
    w.__redlinePwnedCalls = [];
    w.__redlineCspViolations = [];
    w[name] = (where: unknown) => w.__redlinePwnedCalls!.push(String(where));
    document.addEventListener('securitypolicyviolation', (e) => w.__redlineCspViolations!.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  }, PWNED);
}

/** What the trap caught in this page: payload calls and CSP violations (both must stay empty). */
export function trapReport(page: Page): Promise<{ pwned: string[]; cspViolations: string[] }> {
  return page.evaluate(() => {
    const w = window as unknown as TrapWindow;
    return { pwned: w.__redlinePwnedCalls ?? ['(trap missing)'], cspViolations: w.__redlineCspViolations ?? ['(trap missing)'] };
  });
}

export interface PageWatch {
  /** Dialogs opened, uncaught errors, and Redline's own `Redline: … failed` warnings, in order. */
  problems(): string[];
}

export function watchPage(page: Page): PageWatch {
  const problems: string[] = [];
  page.on('dialog', (dialog) => {
    problems.push(`dialog ${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message.slice(0, 300)}`));
  page.on('console', (message) => {
    if (/^Redline: /.test(message.text())) problems.push(`console: ${message.text().slice(0, 300)}`);
  });
  return { problems: () => [...problems] };
}

/**
 * Pages that are watched from the moment they open: `open(url)` a new tab (after its `load`), and
 * `problems()` everything any of them reported. `context` is read at each call (a harness made in beforeAll).
 */
export function watchedPages(context: () => BrowserContext): { open(url: string): Promise<Page>; problems(): string[] } {
  const watches: PageWatch[] = [];
  return {
    async open(url) {
      const page = await context().newPage();
      watches.push(watchPage(page));
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    problems: () => watches.flatMap((w) => w.problems()),
  };
}

/**
 * Elements a payload could have made, in our UI: under `root` (the document of the popup or the options
 * page) or in the shadow roots of Redline's hosts on a Seller Central page. Markup that executes or loads
 * (`img`, `script`, `iframe`, `object`, `embed`, `svg` other than our own icons and charts), any `on…`
 * attribute, and `javascript:` links. Each finding is described as `tag[attributes]`.
 */
export function payloadElements(page: Page, where: 'document' | 'redline-hosts'): Promise<string[]> {
  return page.evaluate((scope) => {
    const roots: ParentNode[] =
      scope === 'document'
        ? [document]
        : [...document.querySelectorAll('redline-badge, redline-note')].map((h) => h.shadowRoot).filter((r): r is ShadowRoot => r !== null);
    const found: string[] = [];
    const describe = (el: Element) => `${el.tagName.toLowerCase()}[${[...el.attributes].map((a) => `${a.name}=${a.value.slice(0, 60)}`).join(' ')}]`;
    for (const root of roots) {
      for (const el of root.querySelectorAll('*')) {
        const tag = el.tagName.toLowerCase();
        const ourSvg = tag === 'svg' && (el.closest('.icon-button') !== null || el.classList.contains('chart') || el.getAttribute('aria-hidden') === 'true');
        const insideOurSvg = el.closest('svg') !== null && el.closest('svg') !== el;
        const markup = ['img', 'script', 'iframe', 'object', 'embed', 'image'].includes(tag) || (tag === 'svg' && !ourSvg);
        const handler = [...el.attributes].some((a) => /^on/i.test(a.name));
        const link = (tag === 'a' || tag === 'area') && /^\s*javascript:/i.test(el.getAttribute('href') ?? '');
        // A <script> the extension page loads itself sits in <head>; only <body> content comes from data.
        const ownScript = tag === 'script' && el.closest('head') !== null;
        if ((markup && !ownScript && !insideOurSvg) || handler || link) found.push(describe(el));
      }
    }
    return found;
  }, where);
}

/**
 * Elements drawn outside their container, horizontally: for each element matching `container`, its
 * descendants (inside its shadow root too) whose box starts left of it or ends right of it. Empty boxes
 * (hidden, visually-hidden text) do not count.
 */
export function boxesOutside(page: Page, container: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const found: string[] = [];
    for (const box of document.querySelectorAll(selector)) {
      const bounds = box.getBoundingClientRect();
      const descendants = [...box.querySelectorAll('*'), ...(box.shadowRoot ? box.shadowRoot.querySelectorAll('*') : [])];
      for (const el of descendants) {
        const r = el.getBoundingClientRect();
        if (r.width <= 1 || r.height <= 1) continue;
        if (r.left < bounds.left - 1 || r.right > bounds.right + 1) {
          found.push(
            `${el.tagName.toLowerCase()}.${String(el.className)} ${Math.round(r.left)}–${Math.round(r.right)} outside ${Math.round(bounds.left)}–${Math.round(bounds.right)}: ${(el.textContent ?? '').slice(0, 40)}`,
          );
        }
      }
    }
    return found;
  }, container);
}
