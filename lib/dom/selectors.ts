/**
 * Every Seller Central selector Redline uses, in one place. Each is a list of alternatives, tried
 * in order; the comment says where it was seen. When Amazon changes a page, this is the only file
 * to change, and test/unit/dom/selectors.test.ts says which alternative matched which saved page.
 */

export const ACCOUNT_HEALTH_ROWS = {
  'lsr.30d': [
    '#shipping-late-shipment-rate-row', // Account Health dashboard, 2025–2026 (seller-central.md)
    '[data-metric="late-shipment-rate"]', // older layout naming
  ],
  'cr.7d': ['#shipping-cancellation-rate-row', '[data-metric="cancellation-rate"]'],
  'vtr.30d': ['#shipping-view-tracking-rate-row', '#shipping-valid-tracking-rate-row', '[data-metric="valid-tracking-rate"]'],
  'otdr.14d': ['#unit-on-time-delivery-rate-row', '[data-metric="on-time-delivery-rate"]'],
  'odr.mfn': ['#odr-breakdown-section', '#customer-satisfaction-content-rows-section'],
} as const;

export const AHR_SCORE = ['.ahd-numeric-ahr-indicator', '[data-metric="account-health-rating"]'];

/** A Manage Orders row: the table's own row ids first, then any row holding an order link. */
export const ORDER_ROWS = ["tr[id^='row-']", 'kat-table-row', 'tr'];

/** Where the order id of a row is: a link to its detail page, else the id text itself. */
export const ORDER_DETAIL_LINK = "a[href*='/orders-v3/order/']";

/** Amazon order ids: 3-7-7 digits (also used by SP-API examples). */
export const ORDER_ID_PATTERN = /\b\d{3}-\d{7}-\d{7}\b/;

export function queryFirst(root: ParentNode, alternatives: readonly string[]): Element | null {
  for (const selector of alternatives) {
    const found = root.querySelector(selector);
    if (found) return found;
  }
  return null;
}
