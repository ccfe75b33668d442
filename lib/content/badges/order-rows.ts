/**
 * Where the orders are on a Manage Orders or order detail page: each order id on screen and the
 * element the badge goes after. Reads only; never changes the page. Pure over a root node, so it is
 * tested on saved-page-like DOM.
 */
import { ORDER_DETAIL_ID, ORDER_DETAIL_LINK, ORDER_ID_PATTERN, ORDER_ROWS, queryAllFirst, queryFirst } from '../../dom/selectors';

/** Marks our own elements, so a scan never mistakes them for the page's. */
export const BADGE_TAG = 'redline-badge';

const ID_IN_PATH = /\/orders-v3\/order\/(\d{3}-\d{7}-\d{7})(?:[/?#]|$)/;

/** The order id a row shows, and the element after which the badge reads naturally. */
export function orderInRow(row: Element): { orderId: string; anchor: Element } | null {
  const link = row.querySelector<HTMLAnchorElement>(ORDER_DETAIL_LINK);
  if (link) {
    const match = ID_IN_PATH.exec(link.getAttribute('href') ?? '');
    if (match) return { orderId: match[1]!, anchor: link };
  }
  // No link (some layouts show the id as text): the innermost element holding the id.
  const doc = row.ownerDocument;
  const walker = doc.createTreeWalker(row, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const match = ORDER_ID_PATTERN.exec(node.nodeValue ?? '');
    const parent = node.parentElement;
    if (match && parent && !parent.closest(BADGE_TAG)) return { orderId: match[0], anchor: parent };
  }
  return null;
}

/**
 * Every order row under `root`, first row per order id (a re-rendering page can briefly hold two).
 * Rows of our own making and rows without an order id (headers, "No orders found") are skipped.
 */
export function findOrderRows(root: ParentNode): Map<string, Element> {
  const anchors = new Map<string, Element>();
  for (const row of queryAllFirst(root, ORDER_ROWS)) {
    const found = orderInRow(row);
    if (found && !anchors.has(found.orderId)) anchors.set(found.orderId, found.anchor);
  }
  return anchors;
}

/** The order detail page's order id (from its URL) and where its id is shown. */
export function findOrderDetail(doc: Document, path: string): Map<string, Element> {
  const match = /^\/orders-v3\/order\/(\d{3}-\d{7}-\d{7})\/?$/.exec(path);
  if (!match) return new Map();
  const orderId = match[1]!;
  const shown = queryFirst(doc, ORDER_DETAIL_ID);
  if (shown && shown.textContent?.includes(orderId)) return new Map([[orderId, shown]]);
  const main = doc.querySelector('main, #sc-content') ?? doc.body;
  const found = main ? orderInRow(main) : null;
  return found && found.orderId === orderId ? new Map([[orderId, found.anchor]]) : new Map();
}
