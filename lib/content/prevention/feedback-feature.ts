/**
 * Feedback Manager: negative feedback that matches one of Amazon's removal grounds is marked in its
 * row with the ground, what matched, the ODR if it is removed and a link to the removal request for
 * that order (a link on the same host; Redline never sends the request).
 */
import { FEEDBACK_COMMENT_CELL, FEEDBACK_ORDER_ID, FEEDBACK_ROWS, FEEDBACK_TABLE, ORDER_ID_PATTERN, queryAllFirst, queryFirst } from '../../dom/selectors';
import type { RemovableFeedback } from '../../background/prevention';
import { feedbackRemovalPath } from '../../feedback-removal/removal-link';
import { sendToBackground } from '../../messaging/client';
import { t } from '../../ui/i18n';
import { daysLeftText, evidenceText, groundLabel, ifRemovedText } from '../../ui/prevention-wording';
import { quote } from '../../ui/text';
import { onDataChanged } from '../data-events';
import { reportFeatureError, type Feature } from '../features';
import { reportPageLooksDifferent } from '../page-shape';
import { waitFor } from '../wait-for';
import type { NoteView } from './note';
import { keepRowMarks, type RowMark } from './row-marks';

export function removableView(item: RemovableFeedback): NoteView {
  const path = feedbackRemovalPath(item.orderId);
  return {
    tone: 'info',
    title: t('fb_likely'),
    lines: [...item.grounds.map((g) => groundLabel(g.ground)), ifRemovedText(item.odr, item.orderSeen), daysLeftText(item.daysLeft)],
    chips: item.grounds.flatMap((g) => g.evidence.map((e) => t('fb_matched', quote(evidenceText(e))))),
    ...(path ? { link: { href: path, text: t('fb_request') } } : {}),
    state: item.grounds.map((g) => g.ground).join(' '),
  };
}

/** The order id a Feedback Manager row shows (its `kat-link` keeps it in an attribute, its text in a shadow root). */
export function orderIdOfRow(row: Element): string | undefined {
  const cell = queryFirst(row, FEEDBACK_ORDER_ID);
  const text = `${cell?.getAttribute('label') ?? ''} ${cell?.getAttribute('href') ?? ''} ${cell?.textContent ?? ''}`;
  return ORDER_ID_PATTERN.exec(text)?.[0];
}

export const removableFeedback: Feature = {
  name: 'removable-feedback',
  pages: ['feedbackManager'],
  async init(signal) {
    const doc = document;
    const anyRow = () => queryAllFirst(doc, FEEDBACK_ROWS).find((row) => orderIdOfRow(row));
    const found = await waitFor(doc.documentElement, anyRow, signal);
    if (signal.aborted) return;
    if (!found) {
      // No row with an order id: a seller without feedback still has the table; without it, the page changed.
      if (!queryFirst(doc, FEEDBACK_TABLE)) await reportPageLooksDifferent('feedbackManager', 'the feedback table (kat-table, kat-table-row with an order id)');
      return;
    }
    let items = new Map<string, RemovableFeedback>();
    const marks = keepRowMarks(
      doc,
      () => {
        const found = new Map<string, RowMark>();
        for (const row of queryAllFirst(doc, FEEDBACK_ROWS)) {
          const orderId = orderIdOfRow(row);
          const item = orderId ? items.get(orderId) : undefined;
          const anchor = queryFirst(row, FEEDBACK_COMMENT_CELL);
          if (item && anchor && !found.has(item.orderId)) found.set(item.orderId, { anchor, view: removableView(item) });
        }
        return found;
      },
      signal,
    );
    const load = () =>
      sendToBackground({ type: 'getRemovableFeedback' })
        .then((answer) => {
          items = new Map((answer?.items ?? []).map((i) => [i.orderId, i]));
          marks.refresh();
        })
        .catch((error) => reportFeatureError('removable-feedback', error));
    onDataChanged(() => void load(), signal);
    await load();
  },
};
