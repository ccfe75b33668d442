import { extractAccountHealth } from '../dom/account-health-extract';
import { ACCOUNT_HEALTH_ROWS, queryFirst } from '../dom/selectors';
import { sendToBackground } from '../messaging/client';
import type { Feature } from './features';
import { waitFor } from './wait-for';

/** Reads Amazon's own figures from the Account Health dashboard once its rows have rendered. */
export const accountHealthCapture: Feature = {
  name: 'account-health-capture',
  pages: ['accountHealth'],
  async init(signal) {
    const anyRow = () => Object.values(ACCOUNT_HEALTH_ROWS).map((alts) => queryFirst(document, alts)).find(Boolean);
    const row = await waitFor(document.documentElement, anyRow, signal);
    if (signal.aborted) return;
    if (!row) {
      await sendToBackground({
        type: 'pageNotRecognized',
        path: location.pathname,
        reason: 'unknownFormat',
        detail: 'Account Health rows not found: the page layout may have changed',
        observedAt: Date.now(),
      });
      return;
    }
    // Written once answered; the overlays refresh on the worker's `reportsChanged` that follows.
    await sendToBackground({
      type: 'captureDom',
      page: 'accountHealth',
      path: location.pathname,
      lang: document.documentElement.lang || navigator.language,
      extraction: extractAccountHealth(document),
      observedAt: Date.now(),
    });
  },
};
