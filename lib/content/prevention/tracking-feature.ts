/**
 * Confirm-shipment and buy-shipping forms: each tracking number is checked as the seller types
 * (format and check digit for its carrier, a carrier Amazon recognises, not already on another
 * order), in the worker. A number that will count against the Valid Tracking Rate gets an inline
 * warning with the rate after it. The page's own submit is never touched.
 */
import { CARRIER_SELECT, PACKAGE_ROW, TRACKING_INPUTS, queryAllFirst, queryFirst } from '../../dom/selectors';
import { sendToBackground, type ResponseMap } from '../../messaging/client';
import { orderIdOfPage } from '../../pages/detect';
import type { TrackingProblem } from '../../tracking/check';
import { t } from '../../ui/i18n';
import { onDataChanged } from '../data-events';
import { reportFeatureError, type Feature } from '../features';
import { waitFor } from '../wait-for';
import { impactText } from '../../ui/prevention-wording';
import { quote } from '../../ui/text';
import { createNote, renderNote, type NoteView } from './note';

const TYPING_PAUSE_MS = 250;

type Check = ResponseMap['checkTracking'];
type Impact = ResponseMap['getActionImpact'];

function problemSentence(p: TrackingProblem): string {
  switch (p.kind) {
    case 'noNumber':
      return t('track_noNumber');
    case 'noCarrier':
      return t('track_noCarrier');
    case 'carrierNotRecognised':
      return t('track_carrierNotRecognised', quote(p.carrier));
    case 'wrongFormat':
      return t('track_wrongFormat', quote(p.carrier));
    case 'reused':
      // Order ids as stored: any text a page gave (up to 64 characters), each isolated from the sentence.
      return t('track_reused', p.orderIds.map((id) => quote(id)).join(', '));
  }
}

/** What the note says about one package: the first problem as its title, the rest and the VTR after it below. */
export function trackingView(check: Check, carrier: string, impact: Impact): NoteView | null {
  const [first, ...rest] = check.problems;
  if (!first) {
    if (check.format === 'checked') return { tone: 'ok', title: t('track_ok', quote(carrier)), lines: [], state: 'valid' };
    return carrier && check.normalised ? { tone: 'info', title: t('track_notChecked', quote(carrier)), lines: [], state: 'notChecked' } : null;
  }
  const looksLike = check.problems.map((p) => ('looksLike' in p ? p.looksLike : null)).find(Boolean);
  const lines = [...rest.map(problemSentence), ...(looksLike ? [t('track_looksLike', looksLike)] : [])];
  if (impact) lines.push(impactText(impact.impact));
  const breach = impact?.impact.after.status === 'breach';
  return { tone: breach ? 'breach' : 'warning', title: problemSentence(first), lines, state: first.kind };
}

export const trackingCheck: Feature = {
  name: 'tracking-check',
  pages: ['confirmShipment', 'buyShipping'],
  async init(signal) {
    const doc = document;
    const orderId = orderIdOfPage(location.href) ?? '';
    const first = await waitFor(doc.documentElement, () => queryFirst(doc, TRACKING_INPUTS), signal);
    if (signal.aborted || !first) return;

    let impact: Impact = null;
    const loadImpact = () =>
      (orderId ? sendToBackground({ type: 'getActionImpact', orderId, action: 'shipWithoutValidTracking' }) : Promise.resolve(null))
        .then((answer) => {
          impact = answer;
          for (const input of touched) void check(input);
        })
        .catch((error) => reportFeatureError('tracking-check', error));

    const notes = new WeakMap<HTMLInputElement, HTMLElement>();
    const timers = new WeakMap<HTMLInputElement, number>();
    const touched = new Set<HTMLInputElement>();
    const isTrackingInput = (node: EventTarget | null): node is HTMLInputElement =>
      node instanceof HTMLInputElement && queryAllFirst(doc, TRACKING_INPUTS).includes(node);
    const rowOf = (node: Element) => PACKAGE_ROW.map((s) => node.closest(s)).find(Boolean) ?? doc.body;
    const carrierOf = (input: HTMLInputElement) => queryFirst(rowOf(input), CARRIER_SELECT) as HTMLSelectElement | null;

    async function check(input: HTMLInputElement): Promise<void> {
      const carrier = carrierOf(input)?.value ?? '';
      const number = input.value;
      const answer = await sendToBackground({ type: 'checkTracking', orderId, carrier, trackingNumber: number });
      // A later keystroke has already asked again: this answer is stale.
      if (signal.aborted || input.value !== number || (carrierOf(input)?.value ?? '') !== carrier) return;
      const view = trackingView(answer, carrier, impact);
      let note = notes.get(input);
      if (!view) {
        note?.remove();
        return;
      }
      if (!note) notes.set(input, (note = createNote(doc)));
      renderNote(note, view);
      if (input.nextElementSibling !== note) input.after(note);
    }

    const schedule = (input: HTMLInputElement, delay = TYPING_PAUSE_MS) => {
      touched.add(input);
      clearTimeout(timers.get(input));
      timers.set(input, window.setTimeout(() => void check(input).catch((e) => reportFeatureError('tracking-check', e)), delay));
    };
    const onInput = (event: Event) => {
      if (isTrackingInput(event.target)) schedule(event.target);
    };
    const onCarrier = (event: Event) => {
      const target = event.target;
      if (!(target instanceof HTMLSelectElement) || !queryAllFirst(doc, CARRIER_SELECT).includes(target)) return;
      const input = queryFirst(rowOf(target), TRACKING_INPUTS) as HTMLInputElement | null;
      if (input && (input.value || touched.has(input))) schedule(input, 0);
    };
    // Leaving the field empty is the commonest mistake: say so once the seller moves on.
    const onLeave = (event: Event) => {
      if (isTrackingInput(event.target)) schedule(event.target, 0);
    };
    doc.addEventListener('input', onInput, { capture: true, signal });
    doc.addEventListener('change', onCarrier, { capture: true, signal });
    doc.addEventListener('focusout', onLeave, { capture: true, signal });
    signal.addEventListener('abort', () => {
      for (const input of touched) notes.get(input)?.remove();
    });
    onDataChanged(() => void loadImpact(), signal);
    await loadImpact();
  },
};
