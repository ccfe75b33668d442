/**
 * What the numbers mean in the seller's words: metric names, status words, margins as events
 * ("can absorb 2 more defective orders"), risks and their impact. Everything goes through the
 * message files; this module only decides which message and with which figures.
 */
import type { AtRiskOrder, MetricReport, MetricStatus, OrderRisk, RiskKind } from '../metrics/report-schema';
import type { RateMetricKey } from '../model/metric-keys';
import { countdown, formatDay, formatRate, formatWindow, type Countdown } from './format';
import { t, tp, uiLocale, type MessageKey } from './i18n';

export type MetricGroup = 'odr' | 'lsr' | 'cr' | 'vtr' | 'otdr' | 'idr';

export function metricGroup(key: RateMetricKey): MetricGroup {
  return key.slice(0, key.indexOf('.')) as MetricGroup;
}

type NamedMetric = RateMetricKey | 'ahr' | 'otdr.30d';
const keyPart = (key: NamedMetric) => key.replace('.', '_') as 'odr_mfn';

/** "Late Shipment Rate · 10 days" */
export function metricName(key: NamedMetric): string {
  return t(`metric_${keyPart(key)}` as MessageKey);
}

/** "LSR 10 d" */
export function metricShortName(key: NamedMetric): string {
  return t(`short_${keyPart(key)}` as MessageKey);
}

/** Status as a word and an icon, so that colour is never the only signal. */
export const STATUS_ICON: Record<MetricStatus, string> = { ok: '✓', warning: '!', breach: '✕', unknown: '?', insufficient: '…' };

/** Worst first: what a list of metrics (a row, an account) is summed up by. `insufficient` judges nothing, like `unknown`. */
export const STATUS_SEVERITY: Record<MetricStatus, number> = { breach: 0, warning: 1, ok: 2, insufficient: 3, unknown: 4 };

/** "Window 14 Oct – 12 Nov · 14-day delay · packages": the three things a seller needs to match Amazon's figure (spec v2 §2). */
export function windowPhrase(m: Pick<MetricReport, 'window' | 'lagDays' | 'unit'>): string {
  const window = t('window', formatWindow(m.window, uiLocale()));
  const lag = m.lagDays > 0 ? t('windowLag', window, m.lagDays) : window;
  return t('windowUnit', lag, t(`unit_${m.unit}`));
}

/**
 * Why Redline's status differs from Amazon's own (spec v2: never contradict Amazon silently), or null
 * when it does not: bad events after Amazon's reading, one category over the line, or following Amazon.
 */
export function explanationSentence(m: MetricReport): string | null {
  const e = m.explanation;
  if (!e) return null;
  const amazon = t(`amazonStatus_${e.amazonStatus}`);
  if (e.reason === 'sinceReading') return tp(`explain_since_${metricGroup(m.key)}`, e.count ?? 0, amazon);
  if (e.reason === 'category') return t('explain_category', amazon, e.category === '' || e.category === null ? t('uncategorised') : e.category);
  return t('explain_followsAmazon', amazon);
}

export function statusWord(status: MetricStatus): string {
  return t(`status_${status}`);
}

/** "under 4 %" / "over 95 %" */
export function targetPhrase(m: Pick<MetricReport, 'target' | 'condition'>): string {
  return t(m.condition === 'lt' ? 'target_lt' : 'target_gt', formatRate(m.target, uiLocale(), m.condition));
}

/**
 * The margin in events, with what happens next:
 * - passing: "Can absorb 2 more defective orders" (+ "could cross on 3 Dec if every open risk happens")
 * - at the edge: "One more late shipment puts it over the line"
 * - failing: "1 late shipment over the line: recovers on 3 Dec if nothing else ships late"
 * - no population: "No orders in this window yet"
 */
export function marginSentence(m: MetricReport): string {
  const group = metricGroup(m.key);
  const locale = uiLocale();
  if (m.margin === null) return t(`noData_${m.unit}`);
  if (m.margin < 0) {
    const over = tp(`over_${group}`, m.badEventsToRecover ?? -m.margin);
    const recovery = m.projection.recoveryDate ? t(`recovers_${group}`, formatDay(m.projection.recoveryDate, locale)) : t('noRecovery');
    return t('sentenceJoin', over, recovery);
  }
  const base = m.margin === 0 ? t(`edge_${group}`) : tp(`absorb_${group}`, m.margin);
  return m.projection.breachDate ? t('twoSentences', base, t('crossOn', formatDay(m.projection.breachDate, locale))) : base;
}

/** The glance's margin, in events of the metric's unit, without the date: "Can absorb 2 more late shipments." */
export function glanceMargin(m: MetricReport): string {
  const group = metricGroup(m.key);
  if (m.margin === null) return t(`noData_${m.unit}`);
  // One late order of one is no verdict: no margin "over the line", no date (spec v2 §3: neutral).
  if (m.status === 'insufficient') return t('glance_insufficient');
  if (m.margin < 0) return tp(`over_${group}`, m.badEventsToRecover ?? -m.margin);
  return m.margin === 0 ? t(`edge_${group}`) : tp(`absorb_${group}`, m.margin);
}

/** The glance's date: when a failing metric recovers, or when a passing one could cross in the worst case; null when neither. */
export function glanceDate(m: MetricReport): string | null {
  const locale = uiLocale();
  if (m.status === 'insufficient') return null;
  if (m.margin !== null && m.margin < 0)
    return m.projection.recoveryDate ? t('glance_recovers', formatDay(m.projection.recoveryDate, locale)) : t('glance_noRecovery');
  return m.projection.breachDate ? t('glance_crosses', formatDay(m.projection.breachDate, locale)) : null;
}

/** The risk's name; the seller's own dispatch rule with its hours where known ("Your 72-hour rule", spec v2 §5). */
export function riskLabel(kind: RiskKind, ruleHours: number | null = null): string {
  if (kind === 'dispatchRule' && ruleHours !== null) return t('risk_dispatchRuleHours', ruleHours);
  return t(`risk_${kind}`);
}

/** "Ship within 3h 20m", "Ships late · 2h overdue", or the risk alone when there is no deadline. */
export function deadlinePhrase(
  risk: Pick<OrderRisk, 'kind' | 'deadline'>,
  now: number,
  ruleHours: number | null = null,
): { text: string; countdown: Countdown } {
  const c = countdown(risk.deadline, now, uiLocale());
  if (risk.deadline === null) return { text: riskLabel(risk.kind, ruleHours), countdown: c };
  if (c.overdue) return { text: t('overdueJoin', riskLabel(risk.kind, ruleHours), c.duration), countdown: c };
  if (risk.kind === 'dispatchRule' && ruleHours !== null) return { text: t('deadline_dispatchRuleHours', c.duration, ruleHours), countdown: c };
  return { text: t(`deadline_${risk.kind}`, c.duration), countdown: c };
}

const CONDITION: Record<RateMetricKey, 'lt' | 'gt'> = {
  'odr.mfn': 'lt',
  'odr.afn': 'lt',
  'lsr.10d': 'lt',
  'lsr.30d': 'lt',
  'cr.7d': 'lt',
  'vtr.30d': 'gt',
  'otdr.14d': 'gt',
  'idr.7d': 'lt',
};

/** One thing that can happen to an order (a kind and its deadline), with its impact on every metric it hurts. */
export interface RiskGroup {
  kind: RiskKind;
  deadline: number | null;
  breaches: boolean;
  alreadyCounted: boolean;
  impacts: OrderRisk[];
}

/** The engine lists one risk per metric (ships late → LSR 10 d and LSR 30 d): the seller sees one event. */
export function groupRisks(order: AtRiskOrder): RiskGroup[] {
  const groups = new Map<string, RiskGroup>();
  for (const risk of order.risks) {
    const id = `${risk.kind}|${risk.deadline}`;
    const g = groups.get(id);
    if (g) {
      g.impacts.push(risk);
      g.breaches ||= risk.breaches;
      g.alreadyCounted ||= risk.alreadyCounted;
    } else {
      groups.set(id, { kind: risk.kind, deadline: risk.deadline, breaches: risk.breaches, alreadyCounted: risk.alreadyCounted, impacts: [risk] });
    }
  }
  return [...groups.values()].sort((a, b) => Number(b.breaches) - Number(a.breaches) || (a.deadline ?? Infinity) - (b.deadline ?? Infinity));
}

/** "LSR 10 d 4.3 %, over the line"; the seller's own dispatch rule moves no metric of Amazon's (spec v2 §5). */
export function metricImpact(risk: OrderRisk): string {
  if (risk.metric === null || risk.rateIfHappens === null || risk.marginIfHappens === null) return t('impact_ownRule');
  const rate = formatRate(risk.rateIfHappens, uiLocale(), CONDITION[risk.metric]);
  const verdict = risk.breaches || risk.marginIfHappens < 0 ? t('verdict_over') : risk.marginIfHappens === 0 ? t('verdict_edge') : t('verdict_within');
  return t('metricImpact', metricShortName(risk.metric), rate, verdict);
}

/** "Ships late → LSR 10 d 4.3 %, over the line; LSR 30 d 2.1 %, still within target" */
export function impactPhrase(group: RiskGroup): string {
  const line = t('impactLine', t(`impact_${group.kind}`), group.impacts.map(metricImpact).join(t('listSeparator')));
  return group.alreadyCounted ? t('withNote', line, t('alreadyCounted')) : line;
}

/** The event of an order that matters most: one that breaches first, then the soonest deadline. */
export function mostUrgentRisk(order: AtRiskOrder): RiskGroup {
  return groupRisks(order)[0]!;
}

/** Orders by their soonest deadline (no deadline last), breaching risks first on a tie. */
export function byUrgency(orders: readonly AtRiskOrder[]): AtRiskOrder[] {
  const soonest = (o: AtRiskOrder) => Math.min(...o.risks.map((r) => r.deadline ?? Infinity));
  const breaching = (o: AtRiskOrder) => o.risks.some((r) => r.breaches);
  return [...orders].sort((a, b) => soonest(a) - soonest(b) || Number(breaching(b)) - Number(breaching(a)) || a.orderId.localeCompare(b.orderId));
}
