import { extractAccountHealth } from '../dom/account-health-extract';
import { ACCOUNT_HEALTH_ROWS, queryFirst } from '../dom/selectors';
import { sendToBackground } from '../messaging/client';
import type { Feature } from './features';
import { reportPageLooksDifferent } from './page-shape';
import { waitFor } from './wait-for';

/** Reads Amazon's own figures from the Account Health dashboard once its rows have rendered. */
export const accountHealthCapture: Feature = {
  name: 'account-health-capture',
  pages: ['accountHealth'],
  async init(signal) {
    const anyRow = () =>
      Object.values(ACCOUNT_HEALTH_ROWS)
        .map((alts) => queryFirst(document, alts))
        .find(Boolean);
    const row = await waitFor(document.documentElement, anyRow, signal);
    if (signal.aborted) return;
    if (!row) {
      await reportPageLooksDifferent('accountHealth', 'no metric row (#shipping-late-shipment-rate-row, #customer-satisfaction-content-rows-section…)');
      return;
    }
    // Written once answered; the overlays refresh on the worker's `reportsChanged` that follows.
    const entry = await sendToBackground({
      type: 'captureDom',
      page: 'accountHealth',
      path: location.pathname,
      lang: document.documentElement.lang || navigator.language,
      extraction: extractAccountHealth(document),
      observedAt: Date.now(),
    });
    // The rows are there but no figure in them could be read: how the page looks goes with that log entry.
    if (!entry.ok && (entry.reason === 'unknownFormat' || entry.reason === 'invalid') && !signal.aborted) {
      await reportPageLooksDifferent('accountHealth', 'no rate Redline can read in the metric rows (.a-column:nth-child(2) .a-size-large)', entry.reason);
    }
  },
};
