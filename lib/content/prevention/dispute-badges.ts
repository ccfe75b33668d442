/**
 * A-to-z claims and chargebacks pages: beside each open one, its response deadline and the ODR both
 * ways (decided against the seller: it already counts while open; in their favour), so the most
 * urgent and the one that decides a breach stand out.
 */
import type { OpenDispute } from '../../background/prevention';
import { CHARGEBACK_ROWS, CLAIM_ROWS, DISPUTE_TABLES, ORDER_DETAIL_LINK, ORDER_ID_PATTERN, queryAllFirst, queryFirst } from '../../dom/selectors';
import { sendToBackground } from '../../messaging/client';
import { detectPage } from '../../pages/detect';
import { disputeOutcomes, respondText } from '../../ui/prevention-wording';
import { onDataChanged } from '../data-events';
import { reportFeatureError, type Feature } from '../features';
import { reportPageLooksDifferent } from '../page-shape';
import { waitFor } from '../wait-for';
import type { NoteView } from './note';
import { keepRowMarks, type RowMark } from './row-marks';

/** Deadlines move: redraw the countdowns this often. */
const REFRESH_MS = 60_000;

export function disputeView(item: OpenDispute, now: number): NoteView {
  const respond = respondText(item.deadline, now);
  const outcomes = disputeOutcomes(item.odr, item.orderSeen);
  const breach = item.odr.before.status === 'breach';
  return {
    tone: breach ? 'breach' : respond.urgent ? 'warning' : 'info',
    title: respond.text,
    lines: 'single' in outcomes ? [outcomes.single] : [outcomes.against, outcomes.forSeller],
    state: `${item.kind}${breach ? ' breach' : ''}`,
  };
}

export const disputeBadges: Feature = {
  name: 'dispute-badges',
  pages: ['claims', 'chargebacks'],
  async init(signal) {
    const doc = document;
    const kind = detectPage(location.href) === 'claims' ? 'claim' : 'chargeback';
    const rowsSelector = kind === 'claim' ? CLAIM_ROWS : CHARGEBACK_ROWS;
    const orderIdOf = (row: Element) => ORDER_ID_PATTERN.exec(row.querySelector(ORDER_DETAIL_LINK)?.getAttribute('href') ?? row.textContent ?? '')?.[0];
    const found = await waitFor(doc.documentElement, () => queryAllFirst(doc, rowsSelector).find(orderIdOf), signal);
    if (signal.aborted) return;
    if (!found) {
      // No open dispute is no row; no table at all is a page Redline does not know (the real ones were never captured).
      if (!queryFirst(doc, DISPUTE_TABLES))
        await reportPageLooksDifferent(kind === 'claim' ? 'claims' : 'chargebacks', `the ${kind}s table (${rowsSelector[0]})`);
      return;
    }
    let items: OpenDispute[] = [];
    const marks = keepRowMarks(
      doc,
      () => {
        const found = new Map<string, RowMark>();
        const now = Date.now();
        for (const row of queryAllFirst(doc, rowsSelector)) {
          const orderId = orderIdOf(row);
          const item = items.find((i) => i.kind === kind && i.orderId === orderId);
          const anchor = row.querySelector(ORDER_DETAIL_LINK)?.parentElement ?? row.firstElementChild;
          if (item && anchor && !found.has(item.id)) found.set(item.id, { anchor, view: disputeView(item, now) });
        }
        return found;
      },
      signal,
    );
    const load = () =>
      sendToBackground({ type: 'getOpenDisputes' })
        .then((answer) => {
          items = answer?.items ?? [];
          marks.refresh();
        })
        .catch((error) => reportFeatureError('dispute-badges', error));
    onDataChanged(() => void load(), signal);
    const timer = setInterval(marks.refresh, REFRESH_MS);
    signal.addEventListener('abort', () => clearInterval(timer));
    await load();
  },
};
