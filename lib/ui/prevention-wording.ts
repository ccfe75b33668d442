/**
 * Issue 9's answers in the seller's words, for the page notes and the popup alike: a what-if ("CR 7 d:
 * 1.9 % → 2.6 %, over the line"; "ODR from Dec 3: 0.93 % → 0.78 %"), removal grounds with what
 * matched, and dispute deadlines.
 */
import type { Evidence, RemovalGround } from '../feedback-removal/classify';
import type { WhatIf } from '../metrics/what-if';
import { countdown, formatDay, formatRate } from './format';
import { t, tp, uiLocale } from './i18n';
import { clip } from './text';
import { metricShortName } from './wording';

/** Good-event metrics must stay above their target; the rest below. */
const conditionOf = (metric: WhatIf['metric']) => (metric === 'vtr.30d' || metric === 'otdr.14d' ? 'gt' : 'lt');

export function verdictOf(figures: WhatIf['after']): string {
  if (figures.status === 'breach') return t('verdict_over');
  return figures.margin === 0 ? t('verdict_edge') : t('verdict_within');
}

export function impactText(w: WhatIf): string {
  const locale = uiLocale();
  const rate = (r: number | null) => formatRate(r, locale, conditionOf(w.metric));
  const name = metricShortName(w.metric);
  if (w.noEffect) return t('prevent_noEffect', name, rate(w.before.rate));
  const change = w.from
    ? t('prevent_changeFrom', name, formatDay(w.from, locale), rate(w.before.rate), rate(w.after.rate))
    : t('prevent_change', name, rate(w.before.rate), rate(w.after.rate));
  return `${change}, ${verdictOf(w.after)}`;
}

export function groundLabel(ground: RemovalGround): string {
  return t(`fb_ground_${ground}`);
}

/** Longest matched word shown: a buyer's "word" can be thousands of letters long. */
const EVIDENCE_MAX = 40;

/** "broke", "fulfilled by Amazon", "555-201-7788": what made a ground match (the buyer's words, clipped). */
export function evidenceText(evidence: Evidence): string {
  return evidence.kind === 'fact' ? t('fb_fact_fulfilledByAmazon') : clip(evidence.text, EVIDENCE_MAX);
}

export function daysLeftText(daysLeft: number): string {
  return tp('fb_daysLeft', Math.max(0, daysLeft));
}

/** "Respond within 1 day 6 hr", "Response overdue by 2 hr", or that no deadline is known. */
export function respondText(deadline: number | null, now: number): { text: string; urgent: boolean } {
  if (deadline === null) return { text: t('dispute_noDeadline'), urgent: false };
  const c = countdown(deadline, now, uiLocale());
  return {
    text: c.overdue ? t('dispute_overdue', c.duration) : t('dispute_respondWithin', c.duration),
    urgent: c.overdue || c.urgency === 'critical' || c.urgency === 'soon',
  };
}

/** What removing a feedback does to ODR; when the engine could not place the order, says how to let it. */
export function ifRemovedText(odr: WhatIf, orderSeen: boolean): string {
  return odr.noEffect && !orderSeen ? t('prevent_orderUnseen') : t('fb_ifRemoved', impactText(odr));
}

/** A dispute's ODR both ways: against the seller (it counts already while open) and in their favour. */
export function disputeOutcomes(odr: WhatIf, orderSeen = true): { against: string; forSeller: string } | { single: string } {
  // Outside the window either way (or not placeable): one line says so.
  if (odr.noEffect) return { single: orderSeen ? impactText(odr) : t('prevent_orderUnseen') };
  const locale = uiLocale();
  const rate = (r: number | null) => formatRate(r, locale);
  const name = metricShortName(odr.metric);
  const when = odr.from ? ` (${formatDay(odr.from, locale)})` : '';
  return {
    against: t('dispute_against', `${name} ${rate(odr.before.rate)}${when}, ${verdictOf(odr.before)}`),
    forSeller: t('dispute_for', `${name} ${rate(odr.after.rate)}`),
  };
}
