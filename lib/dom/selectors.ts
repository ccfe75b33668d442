/**
 * Every Seller Central selector Redline uses, in one place. Each is a list of alternatives, tried
 * in order; the comment says where it was seen. When Amazon changes a page, this is the only file
 * to change. The readers' tests (test/unit/dom/*.test.ts, on pages saved in test/fixtures/) fail
 * when the real structure stops matching, and test/unit/readers/provenance.test.ts when a group is
 * missing from docs/readers.md's provenance table.
 */

/**
 * Account Health dashboard (`/performance/dashboard`): server-rendered AUI (`a-row` / `a-column`) with
 * stable row ids; the page loads no metric JSON for them (live capture, amazon.in, 2026-07-29).
 * Sources: shared/reference/seller-central/2026/account-health-dashboard.selectors.2025-2026.md (public
 * files 35988146571 and 36076991268, 2025: `getElementById(…).querySelector(".a-column:nth-child(2)
 * .a-size-large")`; 51769415085, 2025: `.a-ws-span-last .a-spacing-none .a-size-large`, `.sp-summary-row`,
 * `#odr-breakdown-section .sp-middle-col`; 55070568102 and copies, 2026: the same row ids).
 * The ODR lives in a section of its own, seller-fulfilled and FBA side by side.
 */
export const ACCOUNT_HEALTH_ROWS = {
  lateShipment: ['#shipping-late-shipment-rate-row'], // real, 2025–2026
  cancel: ['#shipping-cancellation-rate-row'], // real, 2025–2026
  validTracking: ['#shipping-view-tracking-rate-row'], // real, 2025–2026
  onTimeDelivery: ['#unit-on-time-delivery-rate-row'], // real, 2025 (36076991268): the unit OTDR
  orderDefect: [
    '#customer-satisfaction-content-rows-section', // real, 2025: holds `.sp-summary-row` and `#odr-breakdown-section`
    '#odr-breakdown-section', // real id, 2025; alone with a Seller/FBA switch: Redline's demo layout before 2026-12 (invented)
  ],
} as const;

/** A metric row's rate: the 2nd column's large text, sometimes base-size (real, 2025); the last column's (real, 2025, Selenium). */
export const ACCOUNT_HEALTH_RATE = [
  '.a-column:nth-child(2) .a-size-large',
  '.a-column:nth-child(2) .a-size-base',
  '.a-ws-span-last .a-spacing-none .a-size-large',
];

/** The ODR row inside its section: `.sp-summary-row` (real, 2025); the section's first `a-row` (real, 2025: `rows[0]`). */
export const ACCOUNT_HEALTH_ODR_SUMMARY = ['.sp-summary-row', '.a-row'];
/** Its three parts, in Amazon's order (real, 2025: rows 0..2 = negative feedback, A-to-z claims, chargebacks). */
export const ACCOUNT_HEALTH_ODR_PARTS = '#odr-breakdown-section .a-row';
/** In a row of the ODR section, the value cells: after the label, seller-fulfilled (`.sp-middle-col`, real 2025) then FBA. */
export const AUI_COLUMN = ':scope > .a-column';

/** The window picker of a row (late shipment: 10 or 30 days): a select (Redline's demo, invented), an AUI dropdown's prompt (guess). */
export const ROW_WINDOW_PICKER = 'select';
export const ROW_WINDOW_PROMPT = '.a-dropdown-prompt';
/** The pressed side of a seller-fulfilled / FBA switch (the demo layout before 2026-12, invented). */
export const ROW_ACTIVE_SWITCH = "[aria-current='page'], [aria-pressed='true'], [aria-selected='true']";

/**
 * Policy Compliance rows, each one of Amazon's policy categories (by its SP-API name) with its count in
 * the 2nd column's large text: real ids and cell, public file 36076991268 (2025; its `ip_suspected` is
 * the brand-protection row, `ip_received` the intellectual-property one). Any other row named like them
 * is taken as a category Redline does not know (guess: four of the five real ids have that shape).
 */
export const POLICY_ROWS = {
  suspectedIntellectualPropertyViolations: '#policies-brand-protection-row',
  receivedIntellectualPropertyComplaints: '#policies-intellectual-property-row',
  listingPolicyViolations: '#policies-listing-policy-row',
  restrictedProductPolicyViolations: '#restricted-products-row',
  policyViolationWarnings: '#policies-product-warning-row',
} as const;
export const POLICY_ROW_ANY = "[id^='policies-'][id$='-row']";
export const POLICY_COUNT = ['.a-column:nth-child(2) .a-size-large', '.a-ws-span-last .a-size-large', '.a-size-large'];

/** The Account Health Rating: the indicator's `h3` (real, 2025: `.a-ws-span-last h3`, `.a-row .a-column:nth-child(2) h3`), else its text. */
export const AHR_SCORE = [
  '.ahd-numeric-ahr-indicator .a-ws-span-last h3',
  '.ahd-numeric-ahr-indicator .a-column:nth-child(2) h3',
  '.ahd-numeric-ahr-indicator',
];

/**
 * Manage Orders (`/orders-v3/…`). Real (shared/reference/seller-central/2026/manage-orders-list.selectors.2019-2025.md):
 * rows `tr[id^="row-"]` whose id is `row-<orderId>` (public file 39106680504), the table `#myo-table` (24666344213,
 * 24096094262); no saved 2023–2026 page of the list exists, so the Katal row is a guess (seller-central.md's DOM
 * hints, 2025–2026), and so is any `tr` with an order link.
 */
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
  '#myo-table', // real, 2019–2025 (Selenium scripts wait for it)
  "table:has(tr[id^='row-'])", // any table holding the real rows
  'kat-table', // guess: the Katal table web component
];

/** Order detail page: the element showing the order id, where the badge goes after it. */
export const ORDER_DETAIL_ID = [
  "[data-test-id='order-id-value']", // real, 2024–2025: three independent scrapers (confirm-shipment-form.selectors.2024-2025.md, source B)
];

/** Collect all matches of the first alternative that matches anything (a list of alternatives, as above). */
export function queryAllFirst(root: ParentNode, alternatives: readonly string[]): Element[] {
  for (const selector of alternatives) {
    const found = root.querySelectorAll(selector);
    if (found.length) return [...found];
  }
  return [];
}

/**
 * Confirm-shipment (`/orders-v3/order/{id}/confirm-shipment`), edit-shipment (`…/edit-shipment`, "Re-confirm
 * Shipment") and buy-shipping forms. Real: the `data-test-id`s a public 2024–2025 extension fills in
 * (shared/reference/seller-central/2026/confirm-shipment-form.selectors.2024-2025.md, source A: public files
 * 15063661995 and 36642643309): the carrier `<select>` inside `tvs-carrier-dropdown` (option values are carrier
 * names: USPS, UPS, FedEx, DHL, Other), the free-text carrier for "Other", the tracking id, the "no tracking"
 * checkbox. The generic fallbacks never match a checkbox: the real form's `#missing-tracking-id-checkbox` has
 * "tracking" in its id, and was once taken for the tracking field.
 */
export const TRACKING_INPUTS = [
  "input[data-test-id='text-input-tracking-id']", // real, 2024–2025
  "input[name*='tracking' i]:not([type='hidden']):not([type='checkbox']):not([type='radio'])", // guess: a renamed field
];
export const CARRIER_SELECT = [
  "[data-test-id='tvs-carrier-dropdown'] > select", // real, 2024–2025
  "select[name*='carrier' i]", // guess: a renamed field
];
/** "I have no tracking id" (real, 2024–2025): confirming with it checked ships without valid tracking. */
export const NO_TRACKING_CHECKBOX = ['#missing-tracking-id-checkbox', "input[type='checkbox'][id*='missing-tracking' i]"];

/**
 * Cancel-order form (`/orders-v3/order/{id}/cancel-order`): no public code shows its DOM (confirm-shipment-form
 * notes: "not found"), so these are guesses; the reasons are the real `possibleCancelReasons` (2021 capture).
 * `BuyerCanceled` is the reason that keeps a buyer's request out of CR.
 */
export const CANCEL_REASON_SELECT = [
  "select[name='reason']",
  "select[data-test-id='cancel-reason-select']",
  "select[name*='reason' i]",
  "select[id*='reason' i]",
];
export const BUYER_CANCELED_REASON = /^buyer[\s_-]*cancel+ed$/i;

/**
 * Feedback Manager rows and, in each, the order id (a `kat-link` whose label holds it) and the comment cell.
 * From seller-central.md's DOM hints (public code 2025–2026: `kat-table-row`, `.col_order_date`,
 * `.col_feedback_rating kat-star-rating`, `.col_order_id kat-link`); the comment cell's class is a guess.
 */
export const FEEDBACK_ROWS = ['kat-table-body kat-table-row', 'kat-table-row[data-feedback-id]', 'kat-table-row'];
export const FEEDBACK_ORDER_ID = ['.col_order_id kat-link', '.col_order_id a', '.col_order_id'];
export const FEEDBACK_COMMENT_CELL = ['.col_comments', '.col_comment', 'kat-table-cell:nth-child(3)'];
/** The feedback table itself: present with no rows for a seller without feedback. */
export const FEEDBACK_TABLE = ['kat-table', 'table'];

/**
 * A-to-z claims and chargebacks tables: one row per claim, the order link inside it. Invented: no real page of
 * either is known (Redline's demo, 2026); the Katal rows are a guess.
 */
export const CLAIM_ROWS = ["tr[id^='claim-']", '#claims-table tbody tr', 'kat-table-body kat-table-row'];
export const CHARGEBACK_ROWS = ["tr[id^='chargeback-']", '#chargebacks-table tbody tr', 'kat-table-body kat-table-row'];
/** A claims or chargebacks table, rows or not (an account with no open dispute still has one). */
export const DISPUTE_TABLES = ['#claims-table', '#chargebacks-table', 'kat-table', 'table'];
