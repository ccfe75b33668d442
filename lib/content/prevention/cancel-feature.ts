/**
 * Cancel-order form: what this cancellation does to the cancel rate ("CR 7 d: 1.9 % → 2.6 %, over
 * the line"), and the reminder that a cancellation the buyer asked for through Amazon does not count
 * when "Buyer canceled" is the reason. Follows the reason select live; never touches the submit.
 */
import { BUYER_CANCELED_REASON, CANCEL_REASON_SELECT, queryFirst } from '../../dom/selectors';
import { sendToBackground, type ResponseMap } from '../../messaging/client';
import { orderIdOfPage } from '../../pages/detect';
import { t } from '../../ui/i18n';
import { onDataChanged } from '../data-events';
import { reportFeatureError, type Feature } from '../features';
import { reportPageLooksDifferent } from '../page-shape';
import { waitFor } from '../wait-for';
import { impactText } from '../../ui/prevention-wording';
import { createNote, renderNote, type NoteView } from './note';

type Impact = NonNullable<ResponseMap['getActionImpact']>;

/** The reason as the select shows it: its value, else its label ("Buyer canceled"). */
export function isBuyerCanceledReason(select: HTMLSelectElement): boolean {
  return BUYER_CANCELED_REASON.test(select.value.trim()) || BUYER_CANCELED_REASON.test(select.options[select.selectedIndex]?.textContent?.trim() ?? '');
}

export function cancelView(answer: Impact | null, buyerReason: boolean): NoteView {
  const requested = answer?.buyerCancelRequestOpen === true;
  const impact = answer ? [impactText(answer.impact)] : [];
  if (buyerReason && requested) {
    const stays = answer ? [impactText({ ...answer.impact, after: answer.impact.before, noEffect: true, from: null })] : [];
    return { tone: 'ok', title: t('cancel_buyerReason_request'), lines: stays, state: 'excluded' };
  }
  if (buyerReason) return { tone: 'warning', title: t('cancel_buyerReason_noRequest'), lines: impact, state: 'unverified' };
  if (answer?.impact.noEffect) return { tone: 'info', title: impact[0]!, lines: [t('cancel_reminder')], state: 'noEffect' };
  const breach = answer?.impact.after.status === 'breach';
  return {
    tone: breach ? 'breach' : 'warning',
    title: t('cancel_counts'),
    lines: [...impact, requested ? t('cancel_requestOpen') : t('cancel_reminder')],
    state: 'counts',
  };
}

export const cancelImpact: Feature = {
  name: 'cancel-impact',
  pages: ['cancelOrder'],
  async init(signal) {
    const doc = document;
    const orderId = orderIdOfPage(location.href);
    const select = (await waitFor(doc.documentElement, () => queryFirst(doc, CANCEL_REASON_SELECT), signal)) as HTMLSelectElement | undefined;
    if (signal.aborted || !orderId) return;
    if (!select) {
      await reportPageLooksDifferent('cancelOrder', 'the cancellation reason select');
      return;
    }
    const note = createNote(doc);
    let answer: Impact | null = null;
    const draw = () => {
      renderNote(note, cancelView(answer, isBuyerCanceledReason(select)));
      const anchor = select.closest('label') ?? select;
      if (anchor.nextElementSibling !== note) anchor.after(note);
    };
    const load = () =>
      sendToBackground({ type: 'getActionImpact', orderId, action: 'sellerCancel' })
        .then((a) => {
          answer = a;
          if (!signal.aborted) draw();
        })
        .catch((error) => reportFeatureError('cancel-impact', error));
    select.addEventListener('change', draw, { signal });
    signal.addEventListener('abort', () => note.remove());
    onDataChanged(() => void load(), signal);
    draw();
    await load();
  },
};
