/**
 * Inline badges on Manage Orders (every tab) and order detail pages: a compact badge after each
 * at-risk order's id, nothing on orders that are fine (or a quiet mark, if the seller wants one).
 *
 * Follows the page with one MutationObserver on the orders table's container, batched per
 * animation frame: at most one scan of the rows per frame, and only when the page changed them
 * (rows already read are remembered: OrderRowScanner); an answer of the worker only redraws. The
 * existing badges are moved rather than recreated. Budget: ≤ 5 ms per scan for 100 rows; the last
 * frame's time is the user-timing measure `redline:badges`.
 */
import type { AtRiskOrder } from '../../metrics/report-schema';
import { ORDER_DETAIL_ID, ORDERS_TABLE, queryFirst } from '../../dom/selectors';
import { sendToBackground } from '../../messaging/client';
import { detectPage } from '../../pages/detect';
import { onDataChanged } from '../data-events';
import type { Feature } from '../features';
import { reportFeatureError } from '../features';
import { reportPageLooksDifferent } from '../page-shape';
import { waitFor } from '../wait-for';
import { BadgeLayer } from './badge-layer';
import { badgeViews, quietView, type BadgeView } from './badge-view';
import { findOrderDetail, OrderRowScanner } from './order-rows';

/** Countdowns are redrawn and risks asked again this often while the page is open. */
const REFRESH_MS = 60_000;
export const MEASURE_NAME = 'redline:badges';

/**
 * Risks per order id as the worker last answered (null: not at risk). Module-level, like the
 * layer: in-app navigation restarts the feature but keeps both, so nothing is asked twice and no
 * badge is redrawn from scratch.
 */
const risks = new Map<string, AtRiskOrder | null>();
const views = new Map<string, { order: AtRiskOrder | null; minute: number; quiet: boolean; hours: number | null; views: BadgeView[] }>();
let layer: BadgeLayer | undefined;
let scanner = new OrderRowScanner();
let claimed = 0;
/** The seller's quiet-marks setting, asked once per document and again with every refresh. */
let quietMarks: boolean | undefined;
/** The seller's own dispatch rule's hours (its badge says "your 72-hour rule"), asked with the quiet marks. */
let ruleHours: number | null = null;
let askingContext: Promise<void> | undefined;

function viewsOf(orderId: string, now: number, quiet: boolean): BadgeView[] | null {
  if (!risks.has(orderId)) return null; // not answered yet: draw nothing rather than guess
  const order = risks.get(orderId)!;
  const minute = Math.floor(now / 60_000);
  const cached = views.get(orderId);
  if (cached && cached.order === order && cached.minute === minute && cached.quiet === quiet && cached.hours === ruleHours) return cached.views;
  const shown = order ? badgeViews(order, now, ruleHours) : [];
  // Safe for Amazon's metrics (its own dispatch rule aside): the quiet mark, where the seller wants one.
  if (quiet && !shown.some((v) => v.slot === 'amazon')) shown.unshift(quietView(orderId));
  views.set(orderId, { order, minute, quiet, hours: ruleHours, views: shown });
  return shown;
}

export const orderBadges: Feature = {
  name: 'order-badges',
  pages: ['manageOrders', 'orderDetail'],
  async init(signal) {
    const run = ++claimed;
    const doc = document;
    layer ??= new BadgeLayer(doc);
    const badges = layer;
    signal.addEventListener('abort', () => {
      // The next page's features start right after this abort; if none of them takes the badges
      // over, take them off (the page this run was on is gone).
      queueMicrotask(() => {
        if (claimed === run) badges.detach();
      });
    });

    const detail = detectPage(location.href) === 'orderDetail';
    const findContainer = (): Element | null => {
      if (detail) return queryFirst(doc, ORDER_DETAIL_ID)?.closest('main, #sc-content') ?? (findOrderDetail(doc, location.pathname).size ? doc.body : null);
      const table = queryFirst(doc, ORDERS_TABLE);
      if (table) return table.parentElement ?? table;
      return scanner.scan(doc).size ? doc.body : null;
    };
    let container = await waitFor(doc.documentElement, findContainer, signal);
    if (signal.aborted) return;
    if (!container) {
      await (detail
        ? reportPageLooksDifferent('orderDetail', "the order id ([data-test-id='order-id-value'])")
        : reportPageLooksDifferent('manageOrders', "the orders table (#myo-table, tr[id^='row-'])"));
      return;
    }

    const askContext = () =>
      (askingContext ??= sendToBackground({ type: 'getPageContext' })
        .then((ctx) => {
          quietMarks = ctx.showQuietMarks;
          ruleHours = ctx.dispatchRuleHours;
        })
        .catch((error) => reportFeatureError('order-badges', error))
        .finally(() => {
          askingContext = undefined;
        }));
    const quiet = () => quietMarks ?? false;
    if (quietMarks === undefined) {
      const [quietBefore, hoursBefore] = [quiet(), ruleHours];
      void askContext().then(() => (quiet() !== quietBefore || ruleHours !== hoursBefore) && schedule());
    }

    const pending = new Set<string>();
    /** `again`: ask even for orders with a question in flight (its answer may predate new figures). */
    const ask = (orderIds: string[], again = false) => {
      const wanted = again ? orderIds : orderIds.filter((id) => !pending.has(id));
      if (!wanted.length) return;
      for (const id of wanted) pending.add(id);
      sendToBackground({ type: 'getOrderRisks', orderIds: wanted })
        .then((answer) => {
          const byId = new Map(answer.map((o) => [o.orderId, o]));
          for (const id of wanted) risks.set(id, byId.get(id) ?? null);
        })
        .catch((error) => reportFeatureError('order-badges', error))
        .finally(() => {
          for (const id of wanted) pending.delete(id);
          if (!signal.aborted) schedule();
        });
    };

    /** The orders on screen as of the last scan; whether the page changed since; ask about all of them after the next scan. */
    let anchors = new Map<string, Element>();
    let stale = true;
    let askAll = false;
    const update = () => {
      const start = performance.now();
      const scanned = stale;
      if (stale) {
        stale = false;
        if (!container!.isConnected) {
          const next = findContainer();
          if (next) observe((container = next));
        }
        anchors = detail ? findOrderDetail(doc, location.pathname) : scanner.scan(container!);
        if (askAll) ask([...anchors.keys()], true);
        else ask([...anchors.keys()].filter((id) => !risks.has(id)));
        askAll = false;
      }
      const now = Date.now();
      // Badges of someone else's making (a cloned row) can only have come with a change of the page.
      badges.apply(anchors, (id) => viewsOf(id, now, quiet()), scanned ? container! : undefined);
      try {
        performance.clearMeasures(MEASURE_NAME);
        performance.measure(MEASURE_NAME, { start, end: performance.now(), detail: { rows: anchors.size, scanned } });
      } catch {
        // user timing unavailable: the measure is only a diagnostic
      }
    };

    let frame = 0;
    /** Draws in the next frame; `rescan`: the page changed, read the rows again first. */
    const schedule = (rescan = false) => {
      stale ||= rescan;
      if (frame || signal.aborted) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (!signal.aborted) update();
      });
    };

    const isOurs = (node: Node) => node.nodeName === 'REDLINE-BADGE';
    const onlyOurs = (nodes: NodeList) => {
      for (let i = 0; i < nodes.length; i++) if (!isOurs(nodes[i]!)) return false;
      return true;
    };
    const observer = new MutationObserver((records) => {
      let changed = false;
      for (const record of records) {
        // Our own insertions and moves are not news.
        if (onlyOurs(record.addedNodes) && onlyOurs(record.removedNodes)) continue;
        scanner.changed(record.target);
        changed = true;
      }
      if (changed) schedule(true);
    });
    const observe = (root: Element) => {
      observer.disconnect();
      observer.observe(root, { childList: true, subtree: true });
      // The container itself can be replaced: its parent's child list says so.
      if (root.parentNode) observer.observe(root.parentNode, { childList: true });
    };
    observe(container);
    signal.addEventListener('abort', () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    });

    // Fresh figures (the worker recomputed its reports) or the clock: ask again for what is on screen.
    const refresh = () => {
      if (!stale) return ask([...anchors.keys()], true);
      askAll = true; // the rows changed since the last scan: ask about the ones the next scan finds
      schedule();
    };
    onDataChanged(refresh, signal);
    const timer = setInterval(() => {
      refresh();
      void askContext().then(() => schedule());
    }, REFRESH_MS);
    signal.addEventListener('abort', () => clearInterval(timer));

    update();
  },
};

/** Tests: forget every answer and badge between cases. */
export function resetOrderBadges(): void {
  layer?.detach();
  layer = undefined;
  risks.clear();
  views.clear();
  scanner = new OrderRowScanner();
  quietMarks = undefined;
  ruleHours = null;
}
