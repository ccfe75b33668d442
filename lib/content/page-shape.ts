/**
 * "This page looks different": a Seller Central page Redline reads did not match what it expects.
 * The worker logs which page, what did not match and the element structure of the page (names only:
 * lib/shape-report/dom.ts), and the options page's data log offers it as a copyable shape report.
 * Runs only when a page did not match.
 */
import type { PageKind } from '../pages/detect';
import { sendToBackground } from '../messaging/client';
import { domShape } from '../shape-report/dom';

export function reportPageLooksDifferent(page: PageKind, missing: string, reason = 'unknownFormat'): Promise<void> {
  const doc = document;
  const root = doc.querySelector('main, #sc-content') ?? doc.body ?? doc.documentElement;
  return sendToBackground({
    type: 'pageNotRecognized',
    path: location.pathname,
    reason,
    detail: `${missing}: the page layout may have changed`,
    page,
    missing,
    shape: domShape(root),
    observedAt: Date.now(),
  });
}
