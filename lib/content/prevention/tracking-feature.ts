/**
 * Confirm-shipment and buy-shipping forms: each tracking number is checked as the seller types
 * (format and check digit for its carrier, a carrier Amazon recognises, not already on another
 * order), in the worker. A number that will count against the Valid Tracking Rate gets an inline
 * warning with the rate after it, and so does ticking the form's "no tracking id" box. The page's own
 * submit is never touched.
 */
import { CARRIER_SELECT, NO_TRACKING_CHECKBOX, TRACKING_INPUTS, queryAllFirst, queryFirst } from '../../dom/selectors';
import { sendToBackground, type ResponseMap } from '../../messaging/client';
import { detectPage, orderIdOfPage } from '../../pages/detect';
import type { TrackingProblem } from '../../tracking/check';
import { t } from '../../ui/i18n';
import { onDataChanged } from '../data-events';
import { reportFeatureError, type Feature } from '../features';
import { reportPageLooksDifferent } from '../page-shape';
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

/** The nearest ancestor of `from` holding one of `alternatives`; the document when none does. */
function nearestHolding(from: Element, alternatives: readonly string[]): ParentNode {
  for (let node = from.parentElement; node; node = node.parentElement) if (queryFirst(node, alternatives)) return node;
  return from.ownerDocument;
}

/** The package a tracking field belongs to: its nearest ancestor holding a carrier select (a form can list several packages). */
export const packageOf = (field: Element): ParentNode => nearestHolding(field, CARRIER_SELECT);

/** The package a carrier select belongs to: its nearest ancestor holding a tracking field or the "no tracking id" box. */
export const packageOfCarrier = (select: Element): ParentNode => nearestHolding(select, [...TRACKING_INPUTS, ...NO_TRACKING_CHECKBOX]);

/** The carrier chosen for a field's package ('' when none is). */
export function carrierOf(field: Element): string {
  return (queryFirst(packageOf(field), CARRIER_SELECT) as HTMLSelectElement | null)?.value ?? '';
}

type Field = HTMLInputElement;

export const trackingCheck: Feature = {
  name: 'tracking-check',
  pages: ['confirmShipment', 'buyShipping'],
  async init(signal) {
    const doc = document;
    const orderId = orderIdOfPage(location.href) ?? '';
    const first = await waitFor(doc.documentElement, () => queryFirst(doc, TRACKING_INPUTS) ?? queryFirst(doc, NO_TRACKING_CHECKBOX), signal);
    if (signal.aborted) return;
    if (!first) {
      const page = detectPage(location.href) === 'buyShipping' ? 'buyShipping' : 'confirmShipment';
      await reportPageLooksDifferent(page, "the tracking id field (input[data-test-id='text-input-tracking-id'], #missing-tracking-id-checkbox)");
      return;
    }

    let impact: Impact = null;
    const loadImpact = () =>
      (orderId ? sendToBackground({ type: 'getActionImpact', orderId, action: 'shipWithoutValidTracking' }) : Promise.resolve(null))
        .then((answer) => {
          impact = answer;
          for (const field of touched) void check(field);
        })
        .catch((error) => reportFeatureError('tracking-check', error));

    const notes = new WeakMap<Field, HTMLElement>();
    const timers = new WeakMap<Field, number>();
    const touched = new Set<Field>();
    const isTrackingInput = (node: EventTarget | null): node is Field => node instanceof HTMLInputElement && queryAllFirst(doc, TRACKING_INPUTS).includes(node);
    const isNoTrackingBox = (node: EventTarget | null): boolean => node instanceof HTMLInputElement && queryAllFirst(doc, NO_TRACKING_CHECKBOX).includes(node);
    /** What a field says the number is: the input's text, '' for a ticked "no tracking id", null for an unticked one. */
    const numberOf = (field: Field) => (isNoTrackingBox(field) ? (field.checked ? '' : null) : field.value);
    /** Where a field's note goes: after the input, after the box's label. */
    const anchorOf = (field: Field): Element => (isNoTrackingBox(field) ? (field.closest('label') ?? field) : field);

    async function check(field: Field): Promise<void> {
      const carrier = carrierOf(field);
      const number = numberOf(field);
      if (number === null) {
        notes.get(field)?.remove();
        return;
      }
      const answer = await sendToBackground({ type: 'checkTracking', orderId, carrier, trackingNumber: number });
      // A later keystroke has already asked again: this answer is stale.
      if (signal.aborted || numberOf(field) !== number || carrierOf(field) !== carrier) return;
      // A ticked "no tracking id" box: that there is no number is what matters first.
      const noNumberFirst = isNoTrackingBox(field)
        ? { ...answer, problems: [...answer.problems].sort((a, b) => Number(b.kind === 'noNumber') - Number(a.kind === 'noNumber')) }
        : answer;
      const view = trackingView(noNumberFirst, carrier, impact);
      let note = notes.get(field);
      if (!view) {
        note?.remove();
        return;
      }
      if (!note) notes.set(field, (note = createNote(doc)));
      renderNote(note, view);
      const anchor = anchorOf(field);
      if (anchor.nextElementSibling !== note) anchor.after(note);
    }

    const schedule = (field: Field, delay = TYPING_PAUSE_MS) => {
      touched.add(field);
      clearTimeout(timers.get(field));
      timers.set(
        field,
        window.setTimeout(() => void check(field).catch((e) => reportFeatureError('tracking-check', e)), delay),
      );
    };
    const onInput = (event: Event) => {
      if (isTrackingInput(event.target)) schedule(event.target);
    };
    const onChange = (event: Event) => {
      const target = event.target;
      if (isNoTrackingBox(target)) {
        schedule(target as Field, 0);
        return;
      }
      if (!(target instanceof HTMLSelectElement) || !queryAllFirst(doc, CARRIER_SELECT).includes(target)) return;
      const pkg = packageOfCarrier(target);
      for (const field of [queryFirst(pkg, TRACKING_INPUTS), queryFirst(pkg, NO_TRACKING_CHECKBOX)] as (Field | null)[]) {
        if (field && (touched.has(field) || (field.type !== 'checkbox' && field.value !== ''))) schedule(field, 0);
      }
    };
    // Leaving the field empty is the commonest mistake: say so once the seller moves on.
    const onLeave = (event: Event) => {
      if (isTrackingInput(event.target)) schedule(event.target, 0);
    };
    doc.addEventListener('input', onInput, { capture: true, signal });
    doc.addEventListener('change', onChange, { capture: true, signal });
    doc.addEventListener('focusout', onLeave, { capture: true, signal });
    signal.addEventListener('abort', () => {
      for (const field of touched) notes.get(field)?.remove();
    });
    onDataChanged(() => void loadImpact(), signal);
    await loadImpact();
  },
};
