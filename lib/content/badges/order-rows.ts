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

type RowOrder = { orderId: string; anchor: Element } | null;
const ANY_ROW = ORDER_ROWS.join(', ');

/**
 * Finds the order rows under a root like `findOrderRows`, remembering what each row element held:
 * a later scan reads again only rows it has not seen, or rows the page changed since (`changed`,
 * from the MutationObserver's records). A re-render that keeps its row elements (sorting a keyed
 * list, updating one cell) then costs one `querySelectorAll` and a lookup per row.
 */
export class OrderRowScanner {
  private readonly rows = new WeakMap<Element, RowOrder>();

  /** The page changed something at `node` (added, removed or replaced children): its row is read again. */
  changed(node: Node): void {
    // Every row around it: a row can hold a nested table of its own.
    let row = (node.nodeType === 1 ? (node as Element) : node.parentElement)?.closest(ANY_ROW);
    for (; row; row = row.parentElement?.closest(ANY_ROW)) this.rows.delete(row);
  }

  /** Order id → anchor, first row per order id. */
  scan(root: ParentNode): Map<string, Element> {
    const anchors = new Map<string, Element>();
    for (const row of queryAllFirst(root, ORDER_ROWS)) {
      let found = this.rows.get(row);
      if (found === undefined || (found && !row.contains(found.anchor))) {
        found = orderInRow(row);
        this.rows.set(row, found);
      }
      if (found && !anchors.has(found.orderId)) anchors.set(found.orderId, found.anchor);
    }
    return anchors;
  }
}

/**
 * Every order row under `root`, first row per order id (a re-rendering page can briefly hold two).
 * Rows of our own making and rows without an order id (headers, "No orders found") are skipped.
 */
export function findOrderRows(root: ParentNode): Map<string, Element> {
  return new OrderRowScanner().scan(root);
}

/** The order detail page's order id (from its URL) and where its id is shown. */
export function findOrderDetail(doc: Document, path: string): Map<string, Element> {
  const match = /^\/orders-v3\/order\/(\d{3}-\d{7}-\d{7})\/?$/.exec(path);
  if (!match) return new Map<string, Element>();
  const orderId = match[1]!;
  const shown = queryFirst(doc, ORDER_DETAIL_ID);
  if (shown && shown.textContent?.includes(orderId)) return new Map([[orderId, shown]]);
  const main = doc.querySelector('main, #sc-content') ?? doc.body;
  const found = main ? orderInRow(main) : null;
  return new Map(found && found.orderId === orderId ? [[orderId, found.anchor]] : []);
}
