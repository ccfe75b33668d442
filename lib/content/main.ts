import { onReportsChanged } from '../messaging/reports-changed';
import { detectPage } from '../pages/detect';
import { accountHealthCapture } from './account-health-feature';
import { accountHealthBadges } from './badges/account-health-badges';
import { orderBadges } from './badges/order-badges';
import { forwardCaptures } from './capture';
import { notifyDataChanged } from './data-events';
import { cancelImpact } from './prevention/cancel-feature';
import { disputeBadges } from './prevention/dispute-badges';
import { removableFeedback } from './prevention/feedback-feature';
import { trackingCheck } from './prevention/tracking-feature';
import { runFeatures, type Feature } from './features';

export const FEATURES: readonly Feature[] = [
  accountHealthCapture,
  orderBadges,
  accountHealthBadges,
  // Act before Amazon counts it (issue 9).
  trackingCheck,
  cancelImpact,
  removableFeedback,
  disputeBadges,
];

export interface ContentContext {
  signal: AbortSignal;
  /** Subscribes to in-app navigation (WXT's `wxt:locationchange`). */
  onLocationChange: (listener: () => void) => void;
}

/**
 * The isolated content script: forwards what the page bridge observed to the background worker,
 * tells the features when the worker has new figures, and runs the page features, restarting them
 * on every single-page navigation.
 */
export function startContentScript(ctx: ContentContext, features: readonly Feature[] = FEATURES): void {
  forwardCaptures(window, ctx.signal);
  // The worker recomputed its reports (after a capture from this tab or another, an import, the
  // clock): the overlays ask again for what they show.
  onReportsChanged(notifyDataChanged, ctx.signal);

  let page: AbortController | undefined;
  const start = () => {
    page?.abort();
    page = new AbortController();
    ctx.signal.addEventListener('abort', () => page?.abort(), { once: true });
    runFeatures(features, detectPage(location.href), page.signal);
  };
  ctx.onLocationChange(start);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true, signal: ctx.signal });
  else start();
  document.documentElement.dataset.redlineReady = '1';
}
