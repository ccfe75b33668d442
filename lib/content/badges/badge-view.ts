/**
 * What a badge says, decided from an at-risk order: the most urgent event (kind + deadline) on the
 * badge itself, every event with its impact in the details. Plain strings: the element renders them
 * as text.
 *
 * An order gets up to two badges: one for what Amazon counts, and one of its own, styled apart, for
 * the seller's own dispatch rule (metrics-spec v2 §5: "your 72-hour rule", never shown as Amazon's).
 */
import type { AtRiskOrder } from '../../metrics/report-schema';
import type { Urgency } from '../../ui/format';
import { t } from '../../ui/i18n';
import { deadlinePhrase, groupRisks, impactPhrase, riskLabel, type RiskGroup } from '../../ui/wording';

/** `amazon`: risks to Amazon's metrics; `own`: the seller's own dispatch rule. */
export type BadgeSlot = 'amazon' | 'own';

export interface BadgeView {
  orderId: string;
  slot: BadgeSlot;
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

function viewOf(orderId: string, groups: RiskGroup[], slot: BadgeSlot, now: number, ruleHours: number | null): BadgeView {
  const first = groups[0]!;
  const lead = deadlinePhrase(first, now, ruleHours);
  const details = groups.map((g) => ({ heading: deadlinePhrase(g, now, ruleHours).text, impact: impactPhrase(g) }));
  const label = groups.length > 1 ? t('badge_more', lead.text, groups.length - 1) : lead.text;
  const title = t(slot === 'own' ? 'badge_ownTitle' : 'badge_title', riskLabel(first.kind, ruleHours));
  return {
    orderId,
    slot,
    risk: first.kind,
    risks: groups.map((g) => g.kind),
    label,
    urgency: lead.countdown.urgency === 'none' ? 'later' : lead.countdown.urgency,
    breaches: first.breaches,
    title,
    details,
    ariaLabel: [title, ...details.map((d) => `${d.heading}: ${d.impact}`)].join('. '),
  };
}

/** The order's badges: Amazon's risks first, then the seller's own rule, each where the order has any. `ruleHours`: the rule's hours, for its words. */
export function badgeViews(order: AtRiskOrder, now: number, ruleHours: number | null = null): BadgeView[] {
  const groups = groupRisks(order);
  const amazon = groups.filter((g) => g.kind !== 'dispatchRule');
  const own = groups.filter((g) => g.kind === 'dispatchRule');
  return [
    ...(amazon.length ? [viewOf(order.orderId, amazon, 'amazon', now, ruleHours)] : []),
    ...(own.length ? [viewOf(order.orderId, own, 'own', now, ruleHours)] : []),
  ];
}

export function quietView(orderId: string): BadgeView {
  return {
    orderId,
    slot: 'amazon',
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
