/**
 * What a badge says, decided from an at-risk order: the most urgent event (kind + deadline) on the
 * badge itself, every event with its impact in the details. Plain strings: the element renders them
 * as text.
 */
import type { AtRiskOrder } from '../../metrics/report-schema';
import type { Urgency } from '../../ui/format';
import { t } from '../../ui/i18n';
import { deadlinePhrase, groupRisks, impactPhrase, riskLabel } from '../../ui/wording';

export interface BadgeView {
  orderId: string;
  /** `none` for a quiet mark. */
  risk: string;
  /** All risk kinds of the order, most urgent first. */
  risks: string[];
  label: string;
  urgency: Urgency | 'quiet';
  breaches: boolean;
  /** Heading and lines of the hover/focus details. */
  title: string;
  details: { heading: string; impact: string }[];
  /** One sentence for screen readers. */
  ariaLabel: string;
}

export function badgeView(order: AtRiskOrder, now: number): BadgeView {
  const groups = groupRisks(order);
  const first = groups[0]!;
  const lead = deadlinePhrase(first, now);
  const details = groups.map((g) => ({ heading: deadlinePhrase(g, now).text, impact: impactPhrase(g) }));
  const label = groups.length > 1 ? t('badge_more', lead.text, groups.length - 1) : lead.text;
  return {
    orderId: order.orderId,
    risk: first.kind,
    risks: groups.map((g) => g.kind),
    label,
    urgency: lead.countdown.urgency === 'none' ? 'later' : lead.countdown.urgency,
    breaches: first.breaches,
    title: t('badge_title', riskLabel(first.kind)),
    details,
    ariaLabel: [t('badge_title', riskLabel(first.kind)), ...details.map((d) => `${d.heading}: ${d.impact}`)].join('. '),
  };
}

export function quietView(orderId: string): BadgeView {
  return {
    orderId,
    risk: 'none',
    risks: [],
    label: '',
    urgency: 'quiet',
    breaches: false,
    title: t('badge_quiet'),
    details: [],
    ariaLabel: t('badge_quiet'),
  };
}

/** Two views that render the same need no DOM work. */
export function viewKey(view: BadgeView): string {
  return JSON.stringify(view);
}
