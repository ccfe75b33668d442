/**
 * The hostile demo seller (`generateDemoSeller({ hostile: true })`, `new DemoSite({ hostile: true })`):
 * the same account, with hostile strings in every text Seller Central shows and Redline may store or
 * show — markup and script (`<img onerror>`, `<script>`, `"><svg onload>`, `javascript:`), bidi
 * controls (U+202E and others), zero-width characters, a lone surrogate, and 1 MB strings.
 *
 * Every payload calls `__redlinePwned('<where>')` (browser tests define it and fail if it is ever
 * called) or `alert()` (tests fail on any dialog). Where the strings go:
 * - product titles, SKUs and ASINs of every item (the pages show them; Redline's readers drop them);
 *   one title is 1 MB, on the overdue order, whose row carries a badge;
 * - feedback comments (stored, classified for removal, shown as matched words); the fresh removable
 *   2★ comment is 1 MB and ends in a 1 MB word that matches a removal ground (`product…`);
 * - order ids that the readers accept (any text up to 64 characters): the three orders due soon (at
 *   risk: listed in the popup) and one shipped order with tracking (named when its tracking number is
 *   typed for another order);
 * - carrier names of the shipments without tracking, claim reasons and chargeback reasons;
 * - one must-reject case: a chargeback whose id is 1 MB (a defect id has at most 128 characters), so
 *   the whole chargebacks answer is "not recognized (invalid)" and says so.
 *
 * The metrics do not change: no hostile string sits where the engine reads a value (the carriers go on
 * shipments that have no tracking, which are invalid for VTR either way). The must-reject chargeback is
 * on an order placed in the last days, outside every ODR window.
 */
import { REMOVABLE_COMMENTS } from './catalog';
import type { DemoOrder, DemoSellerData } from './model';

export const PWNED = '__redlinePwned';
export const MEGABYTE = 1 << 20;

const call = (where: string) => `${PWNED}('${where}')`;

/** Markup and script, by kind: `where` names the place in the data, so a failure says which one ran. */
export const PAYLOADS = {
  img: (where: string) => `<img src=x onerror="${call(where)}">`,
  script: (where: string) => `<script>${call(where)}</script>`,
  svg: (where: string) => `"><svg onload=${call(where)}>`,
  javascript: (where: string) => `javascript:${call(where)}`,
  alert: () => `<img src=x onerror=alert(1)>`,
} as const;

/** U+202E RIGHT-TO-LEFT OVERRIDE, which reverses what follows it unless isolated. */
export const RLO = '\u202E';
/** Other bidi controls: RLE, RLI, RLM, ALM (two of them left unterminated on purpose). */
export const BIDI = '\u202B\u2067\u200F\u061C';
/** Zero-width space, non-joiner, joiner, word joiner, BOM. */
export const ZERO_WIDTH = '\u200B\u200C\u200D\u2060\uFEFF';
/** A lone high surrogate: not well-formed UTF-16. */
export const LONE_SURROGATE = '\uD800';

/** The variants strings cycle through, each a different attack. */
const VARIANTS: ((where: string) => string)[] = [
  (w) => PAYLOADS.img(w),
  (w) => `${RLO}${PAYLOADS.script(w)}`,
  (w) => `${PAYLOADS.svg(w)}${BIDI}`,
  (w) => `${PAYLOADS.javascript(w)}${ZERO_WIDTH}`,
  () => `${PAYLOADS.alert()}${LONE_SURROGATE}`,
];
const variant = (i: number, where: string) => VARIANTS[i % VARIANTS.length]!(where);

/** Order ids the readers accept (1–64 characters of anything), each a different attack. */
export const HOSTILE_ORDER_IDS = [
  PAYLOADS.img('order-id-1'),
  // No place to break the line in 62 characters (a 400 px popup fits about 50 of them), reversed by U+202E.
  `${RLO}${'W'.repeat(22)}${PAYLOADS.javascript('order-id-2')}`,
  `${PAYLOADS.svg('order-id-3')}${ZERO_WIDTH}${BIDI}`,
] as const;
export const HOSTILE_REUSED_ORDER_ID = `${PAYLOADS.script('order-id-4')}${BIDI}`;

export interface HostileFacts {
  /** The due-soon orders, renamed to HOSTILE_ORDER_IDS (in that order). */
  orderIds: string[];
  /** A shipped order with tracking, renamed to HOSTILE_REUSED_ORDER_ID: type its number for another order. */
  reused: { orderId: string; carrier: string; trackingId: string } | null;
  /** The order whose item title is 1 MB (a row with a badge on Unshipped). */
  bigTitleOrderId: string | null;
  /** The order of the 1 MB feedback comment (a removable 2★, on the first Feedback Manager page). */
  bigCommentOrderId: string | null;
  /** The id of the chargeback no reader may accept (1 MB). */
  rejectedChargebackId: string | null;
}

function renameOrder(data: DemoSellerData, order: DemoOrder, id: string): void {
  const old = order.amazonOrderId;
  order.amazonOrderId = id;
  for (const list of [data.feedback, data.claims, data.chargebacks]) for (const row of list) if (row.orderId === old) row.orderId = id;
}

/** Puts the hostile strings into a generated account (in place) and says where the notable ones are. */
export function makeHostile(data: DemoSellerData, now: number): HostileFacts {
  const fresh = data.feedback.find((f) => f.comments === REMOVABLE_COMMENTS.productReview);
  data.orders.forEach((order, i) =>
    order.items.forEach((item, j) => {
      item.title = `${item.title} ${variant(i + j, `title-${i}`)}`;
      item.sellerSku = `${variant(i + j + 1, `sku-${i}`)}${item.sellerSku}`;
      item.asin = `${item.asin}${variant(i + j + 2, `asin-${i}`)}`;
    }),
  );

  // An order Redline badges whatever the hour: Amazon flags it at risk of its auto-cancel (spec v2 §2).
  const overdue =
    data.orders.find((o) => o.scenarios.includes('auto-cancel-soon')) ??
    data.orders.find((o) => o.scenarios.includes('overdue')) ??
    data.orders.find((o) => o.channel === 'MFN' && o.status === 'Unshipped');
  if (overdue) overdue.items[0]!.title = `Demo Goods ${PAYLOADS.img('big-title')}${'W'.repeat(MEGABYTE)}`;

  const dueSoon = data.orders.filter((o) => o.scenarios.includes('due-soon'));
  const orderIds: string[] = [];
  dueSoon.slice(0, HOSTILE_ORDER_IDS.length).forEach((order, i) => {
    renameOrder(data, order, HOSTILE_ORDER_IDS[i]!);
    orderIds.push(order.amazonOrderId);
  });

  // The newest ordinary shipment with tracking: on the first page of the Sent tab.
  const shipped = data.orders
    .filter((o) => o.channel === 'MFN' && o.status === 'Shipped' && o.scenarios.length === 0 && o.package?.trackingId && o.package.carrierName)
    .sort((a, b) => b.orderDate - a.orderDate)[0];
  let reused: HostileFacts['reused'] = null;
  if (shipped) {
    renameOrder(data, shipped, HOSTILE_REUSED_ORDER_ID);
    reused = { orderId: shipped.amazonOrderId, carrier: shipped.package!.carrierName!, trackingId: shipped.package!.trackingId! };
  }

  data.orders
    .filter((o) => o.scenarios.includes('no-tracking') && o.package)
    .forEach((o, i) => (o.package!.carrierName = `${variant(i, `carrier-${i}`)}Other`));

  data.feedback.forEach((f, i) => (f.comments = `${f.comments} ${variant(i, `feedback-${i}`)}`));
  // The fresh removable 2★ (entirely about the product): 1 MB, ending in one 1 MB word that matches.
  if (fresh) fresh.comments = `${fresh.comments} Defective product${'S'.repeat(MEGABYTE)}`;

  data.claims.forEach((c, i) => (c.reason = `${c.reason} ${variant(i, `claim-${i}`)}`));
  data.chargebacks.forEach((c, i) => (c.reasonCode = `${c.reasonCode} ${variant(i + 1, `chargeback-${i}`)}`));

  const recent = data.orders.find((o) => o.channel === 'MFN' && o.status === 'Shipped' && o.scenarios.length === 0 && now - o.orderDate < 5 * 86_400_000);
  let rejectedChargebackId: string | null = null;
  if (recent) {
    rejectedChargebackId = `CB-${'9'.repeat(MEGABYTE)}`;
    data.chargebacks.push({
      id: rejectedChargebackId,
      orderId: recent.amazonOrderId,
      filedAt: now - 3_600_000,
      status: 'OPEN',
      reasonCode: `Other ${PAYLOADS.svg('chargeback-big')}`,
      amount: recent.items.reduce((sum, it) => sum + it.unitPrice * it.quantity, 0),
      respondBy: now + 6 * 86_400_000,
    });
  }

  return {
    orderIds,
    reused,
    bigTitleOrderId: overdue?.amazonOrderId ?? null,
    bigCommentOrderId: fresh?.orderId ?? null,
    rejectedChargebackId,
  };
}
