/**
 * The shape report a seller can copy from the options page's data log and send when Seller Central
 * changed a page: which page, what did not match, and the shape Redline saw (json.ts, dom.ts). Nothing
 * of the page's data is in it: the shape holds names only, and every digit of the whole text is masked
 * (a path's order id, a count), so no order id, price or count survives, whatever a field held.
 */

/** Seller Central's pages by the names Redline's readers and features know them (lib/pages/detect.ts). */
const PAGE_NAMES: Record<string, string> = {
  manageOrders: 'Manage Orders',
  orderDetail: 'Order details',
  accountHealth: 'Account Health',
  feedbackManager: 'Feedback Manager',
  claims: 'A-to-z Guarantee claims',
  chargebacks: 'Chargebacks',
  confirmShipment: 'Confirm shipment',
  buyShipping: 'Buy shipping',
  cancelOrder: 'Cancel order',
};

export const pageName = (page: string | undefined) => (page && PAGE_NAMES[page]) || 'a Seller Central page';

/** zod's own words for what is wrong carry no value; a reader's own reason may quote one. */
const VALUE_FREE = /^(Invalid input|Invalid option|Invalid type|Too big|Too small|Required|Expected|Unrecognized key)/;

/**
 * What did not match, from a reader's "not recognized" detail, without any value it may quote:
 * `orders-api/search: orders.0.orderDate: Invalid input: …` → `orders.#.orderDate: Invalid input: …`.
 */
export function problemOf(detail: string): string {
  const zod = /^[\w/. -]+?: ((?:[\w$-]+\.)*[\w$-]+): (.*)$/s.exec(detail);
  if (zod && VALUE_FREE.test(zod[2]!)) return `${zod[1]}: ${zod[2]!.split('\n')[0]}`.replace(/\d+/g, '#').slice(0, 300);
  if (zod) return `${zod[1]!.replace(/\d+/g, '#')}: a value Redline does not read`;
  return 'a value Redline does not read';
}

export interface ShapeReportInput {
  page?: string;
  /** The page path or endpoint (an order id in it is masked). */
  source: string;
  format?: string;
  reason?: string;
  missing?: string;
  shape: string;
}

export function shapeReportText(entry: ShapeReportInput): string {
  const lines = [
    'Redline shape report (names and types only: no values)',
    `Page: ${pageName(entry.page)} (${entry.source})`,
    ...(entry.format ? [`Read as: ${entry.format}`] : []),
    ...(entry.reason ? [`Result: not recognized (${entry.reason})`] : []),
    ...(entry.missing ? [`What did not match: ${entry.missing}`] : []),
    '',
    entry.shape,
  ];
  return lines.join('\n').replace(/\d+/g, '#');
}
