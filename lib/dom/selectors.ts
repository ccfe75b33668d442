/**
 * Every Seller Central selector Redline uses, in one place. Each is a list of alternatives, tried
 * in order; the comment says where it was seen. When Amazon changes a page, this is the only file
 * to change, and test/unit/dom/selectors.test.ts says which alternative matched which saved page.
 */

/** Account Health dashboard rows, by what they show. Which window or channel a row shows is read from the row itself. */
export const ACCOUNT_HEALTH_ROWS = {
  lateShipment: [
    '#shipping-late-shipment-rate-row', // Account Health dashboard, 2025–2026 (seller-central.md)
    '[data-metric="late-shipment-rate"]', // older layout naming
  ],
  cancel: ['#shipping-cancellation-rate-row', '[data-metric="cancellation-rate"]'],
  validTracking: ['#shipping-view-tracking-rate-row', '#shipping-valid-tracking-rate-row', '[data-metric="valid-tracking-rate"]'],
  onTimeDelivery: ['#unit-on-time-delivery-rate-row', '[data-metric="on-time-delivery-rate"]'],
  orderDefect: ['#odr-breakdown-section', '#customer-satisfaction-content-rows-section'],
} as const;

/** The window picker of a row (late shipment: 10 or 30 days). */
export const ROW_WINDOW_PICKER = 'select';
/** The pressed side of a seller-fulfilled / FBA switch. */
export const ROW_ACTIVE_SWITCH = "[aria-current='page'], [aria-pressed='true'], [aria-selected='true']";

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

/**
 * The element a Manage Orders table lives in, observed for re-renders (pagination, filters, sorting
 * replace the rows, sometimes the whole table): the table itself, then its parent.
 */
export const ORDERS_TABLE = [
  '#orders-table', // Manage Orders table id (demo and 2025–2026 layout)
  'kat-table', // Katal table web component
  "table:has(tr[id^='row-'])", // any table holding order rows
];

/** Order detail page: the element showing the order id, where the badge goes after it. */
export const ORDER_DETAIL_ID = [
  "[data-test-id='order-id'] b", // "Order ID: # <b>…</b>" (2025–2026 layout)
  "[data-test-id='order-id']",
  '#order-id',
];

/** Collect all matches of the first alternative that matches anything (a list of alternatives, as above). */
export function queryAllFirst(root: ParentNode, alternatives: readonly string[]): Element[] {
  for (const selector of alternatives) {
    const found = root.querySelectorAll(selector);
    if (found.length) return [...found];
  }
  return [];
}

/** Account Health: inside the ODR section, the ODR row itself (the section also holds its three parts). */
export const ACCOUNT_HEALTH_ODR_ROW = ['#order-defect-rate-row', "[data-metric='order-defect-rate']"];
/** Which ODR the section shows: its seller-fulfilled / FBA switch state (`mfn` or `afn`). */
export const ACCOUNT_HEALTH_ODR_CHANNEL_ATTRIBUTE = 'data-fulfillment-type';

/**
 * Confirm-shipment and buy-shipping forms: the tracking-id input of a package and, in the same package
 * row, its carrier select (and the carrier-name field shown for "Other"). Demo and 2025–2026 forms name
 * the fields `trackingId` and `carrier`; the attribute matches catch renamed variants.
 */
export const TRACKING_INPUTS = [
  "input[name='trackingId']",
  "input[data-test-id='tracking-id-input']",
  "input[name*='tracking' i]:not([type='hidden'])",
  "input[id*='tracking' i]:not([type='hidden'])",
];
export const CARRIER_SELECT = ["select[name='carrier']", "select[data-test-id='carrier-select']", "select[name*='carrier' i]", "select[id*='carrier' i]"];
export const CARRIER_NAME_INPUT = ["input[name='carrierName']", "input[name*='carrier' i]:not([type='hidden'])"];
/** The package a tracking input belongs to: its table row, else the form. */
export const PACKAGE_ROW = ['.package-row', 'tr', 'kat-table-row', 'form'];

/** Cancel-order form: the reason select; `BuyerCanceled` is the reason that keeps a buyer's request out of CR. */
export const CANCEL_REASON_SELECT = ["select[name='reason']", "select[data-test-id='cancel-reason-select']", "select[name*='reason' i]", "select[id*='reason' i]"];
export const BUYER_CANCELED_REASON = /^buyer[\s_-]*cancel+ed$/i;

/** Feedback Manager rows and, in each, the order id (a `kat-link` whose label holds it) and the comment cell. */
export const FEEDBACK_ROWS = ['kat-table-body kat-table-row', 'kat-table-row[data-feedback-id]', 'kat-table-row'];
export const FEEDBACK_ORDER_ID = ['.col_order_id kat-link', '.col_order_id a', '.col_order_id'];
export const FEEDBACK_COMMENT_CELL = ['.col_comments', '.col_comment', 'kat-table-cell:nth-child(3)'];

/** A-to-z claims and chargebacks tables: one row per claim, the order link inside it. */
export const CLAIM_ROWS = ["tr[id^='claim-']", '#claims-table tbody tr', 'kat-table-body kat-table-row'];
export const CHARGEBACK_ROWS = ["tr[id^='chargeback-']", '#chargebacks-table tbody tr', 'kat-table-body kat-table-row'];
