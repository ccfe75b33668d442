import { listenToPageBridge } from '../capture/bridge-listener';
import { sendToBackground } from '../messaging/client';
import { detectPage } from '../pages/detect';
import { accountHealthCapture } from './account-health-feature';
import { accountHealthBadges } from './badges/account-health-badges';
import { orderBadges } from './badges/order-badges';
import { notifyDataChanged } from './data-events';
import { cancelImpact } from './prevention/cancel-feature';
import { disputeBadges } from './prevention/dispute-badges';
import { removableFeedback } from './prevention/feedback-feature';
import { trackingCheck } from './prevention/tracking-feature';
import { reportFeatureError, runFeatures, type Feature } from './features';

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
 * and runs the page features, restarting them on every single-page navigation.
 */
export function startContentScript(ctx: ContentContext, features: readonly Feature[] = FEATURES): void {
  listenToPageBridge(
    window,
    (capture) => {
      sendToBackground({ type: 'captureResponse', ...capture })
        // The worker answers after storing and recomputing: overlays can ask for fresh figures.
        .then((entry) => entry.ok && notifyDataChanged())
        .catch((error) => reportFeatureError('capture', error));
    },
    ctx.signal,
  );

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
