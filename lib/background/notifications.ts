/**
 * Desktop notifications: when a metric changes status (ok → warning → breach, and back under the
 * line), when an at-risk order's deadline is near, and when Amazon counts a new policy violation (a
 * category's count rose since the reading before: metrics-spec v2 §2.2). Each event is notified at
 * most once: the keys of events already sent, and each category's last count, are remembered in
 * `browser.storage.local`.
 *
 * `decideNotifications` is pure (reports + remembered state + clock → events + next state), so the
 * rules are unit-tested; `createNotifier` only formats, shows and stores.
 */
import type { HealthReport, MetricStatus, PolicyComplianceEntry, RiskKind } from '../metrics/report-schema';
import { rateMetricsOf } from '../ui/metric-order';
import { marketplaceById } from '../marketplaces';
import type { RateMetricKey } from '../model/metric-keys';
import type { Settings } from '../model/settings';
import { countdown, formatRate } from '../ui/format';
import { t, tp, uiLocale } from '../ui/i18n';
import { orderUrl, PAGES, sellerCentralUrl } from '../ui/links';
import { metricName, riskLabel } from '../ui/wording';
import { policyName } from '../ui/red-lines-wording';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A deadline is "near" within this long (or the warning horizon, if shorter). */
export const NEAR_DEADLINE_MS = 3 * HOUR;
/** Sent-event keys are forgotten after this long; by then the event cannot recur. */
const FORGET_AFTER_MS = 30 * DAY;

export interface NotificationState {
  /** Last known status per `marketplaceId|metric` (unknown is never stored: "no data" is not a change). */
  statuses: Record<string, JudgedStatus>;
  /** Event key → when it was sent. */
  sent: Record<string, number>;
  /** Last count seen per `marketplaceId|policy category` (an unknown count is not stored). */
  policies: Record<string, number>;
}

export const EMPTY_STATE: NotificationState = { statuses: {}, sent: {}, policies: {} };

export type NotificationEvent =
  | {
      kind: 'status';
      key: string;
      marketplaceId: string;
      metric: RateMetricKey;
      from: JudgedStatus;
      to: JudgedStatus;
      rate: number | null;
      target: number;
      condition: 'lt' | 'gt';
    }
  | {
      kind: 'deadline';
      key: string;
      marketplaceId: string;
      risks: { orderId: string; kind: RiskKind; deadline: number }[];
    }
  | {
      kind: 'policy';
      key: string;
      marketplaceId: string;
      policy: Pick<PolicyComplianceEntry, 'category' | 'label'>;
      count: number;
      /** The count before (0 when Amazon had never reported the category to Redline). */
      from: number;
    };

/** The statuses a notification is about: `unknown` and `insufficient` judge nothing. */
type JudgedStatus = Exclude<MetricStatus, 'unknown' | 'insufficient'>;
const SEVERITY = { ok: 0, warning: 1, breach: 2 } as const;
const isJudged = (status: MetricStatus): status is JudgedStatus => status in SEVERITY;

export function decideNotifications(
  reports: readonly HealthReport[],
  state: NotificationState,
  now: number,
  settings: Pick<Settings, 'notifications' | 'warningHorizonHours'>,
): { events: NotificationEvent[]; state: NotificationState } {
  const statuses = { ...state.statuses };
  const policies = { ...state.policies };
  const sent = Object.fromEntries(Object.entries(state.sent).filter(([, at]) => now - at < FORGET_AFTER_MS));
  const events: NotificationEvent[] = [];

  for (const report of reports) {
    const mk = report.marketplaceId;
    for (const m of rateMetricsOf(report)) {
      // Too little to go on (no orders, or `insufficient`: spec v2 §3; right after install the first page
      // can hold one late order of one): neither remembered nor notified, so the first reliable status is
      // compared with the last reliable one.
      const status = m.status;
      if (!isJudged(status)) continue;
      const id = `${mk}|${m.key}`;
      // A metric seen for the first time counts as coming from ok: a breach found on the first data is news.
      const from = statuses[id] ?? 'ok';
      statuses[id] = status;
      const worse = SEVERITY[status] > SEVERITY[from];
      const recovered = from === 'breach' && status !== 'breach';
      if (!worse && !recovered) continue;
      // Once per status per day: a metric flapping around the warning level does not nag.
      const key = `status|${id}|${status}|${report.today}`;
      if (sent[key] || !settings.notifications) continue;
      sent[key] = now;
      events.push({ kind: 'status', key, marketplaceId: mk, metric: m.key, from, to: status, rate: m.rate, target: m.target, condition: m.condition });
    }

    for (const p of report.policyCompliance) {
      // An unknown count says nothing: neither a rise nor a fall.
      if (p.count === null) continue;
      const id = `${mk}|${p.category}`;
      // [decision] A category first seen with violations is news, like a metric first seen in breach:
      // compared with the reading before where the report has one, else with none.
      const from = policies[id] ?? p.previousCount ?? 0;
      policies[id] = p.count;
      if (p.count <= from) continue;
      // Once per rise: the next reading with the same count is not news (the count is remembered); a
      // further rise is, and so is a rise after the count went down again.
      if (!settings.notifications) continue;
      const key = `policy|${id}|${p.count}`;
      events.push({ kind: 'policy', key, marketplaceId: mk, policy: { category: p.category, label: p.label }, count: p.count, from });
    }

    if (!settings.notifications) continue;
    const near = Math.min(NEAR_DEADLINE_MS, settings.warningHorizonHours * HOUR);
    const due: { orderId: string; kind: RiskKind; deadline: number }[] = [];
    for (const order of report.atRiskOrders) {
      for (const risk of order.risks) {
        if (risk.deadline === null || risk.deadline <= now || risk.deadline - now > near) continue;
        const key = `deadline|${mk}|${order.orderId}|${risk.kind}|${risk.deadline}`;
        if (sent[key]) continue;
        sent[key] = now;
        due.push({ orderId: order.orderId, kind: risk.kind, deadline: risk.deadline });
      }
    }
    if (due.length) {
      due.sort((a, b) => a.deadline - b.deadline);
      events.push({ kind: 'deadline', key: `deadlines|${mk}|${now}`, marketplaceId: mk, risks: due });
    }
  }
  return { events, state: { statuses, sent, policies } };
}

export interface NotificationContent {
  title: string;
  message: string;
  /** The Seller Central page that lets the seller act. */
  url: string | null;
}

/** The words of a notification, in the seller's language. */
export function notificationContent(event: NotificationEvent, now: number): NotificationContent {
  const locale = uiLocale();
  const country = marketplaceById(event.marketplaceId)?.country ?? event.marketplaceId;
  if (event.kind === 'status') {
    const rate = formatRate(event.rate, locale, event.condition, event.target);
    const target = formatRate(event.target, locale, event.condition);
    const title = t(`notify_status_${event.to}`, metricName(event.metric), country);
    const message =
      event.to === 'ok' || (event.from === 'breach' && event.to === 'warning')
        ? t('notify_recovered', rate, target)
        : t(event.condition === 'lt' ? 'notify_rate_lt' : 'notify_rate_gt', rate, target);
    return { title, message, url: sellerCentralUrl(event.marketplaceId, PAGES.accountHealth) };
  }
  if (event.kind === 'policy') {
    const count = new Intl.NumberFormat(locale);
    return {
      title: t('notify_policy_title', policyName(event.policy), country),
      message: t('notify_policy_message', count.format(event.count), count.format(event.from)),
      url: sellerCentralUrl(event.marketplaceId, PAGES.accountHealth),
    };
  }
  const first = event.risks[0]!;
  const title = tp('notify_deadlines', new Set(event.risks.map((r) => r.orderId)).size, country);
  const lines = event.risks.slice(0, 3).map((r) => t('notify_deadline_line', r.orderId, riskLabel(r.kind), countdown(r.deadline, now, locale).duration));
  if (event.risks.length > 3) lines.push(tp('notify_more', event.risks.length - 3));
  return {
    title,
    message: lines.join('\n'),
    url: event.risks.length === 1 ? orderUrl(event.marketplaceId, first.orderId) : sellerCentralUrl(event.marketplaceId, PAGES.manageOrders),
  };
}

export interface NotifierDeps {
  load: () => Promise<NotificationState>;
  save: (state: NotificationState) => Promise<void>;
  show: (id: string, content: NotificationContent) => Promise<void>;
  now: () => number;
}

/**
 * Decides, shows and remembers; calls are serialised so two recomputations finishing together
 * cannot both send the same event.
 */
export function createNotifier(deps: NotifierDeps) {
  let queue: Promise<unknown> = Promise.resolve();
  return function notify(reports: readonly HealthReport[], settings: Pick<Settings, 'notifications' | 'warningHorizonHours'>): Promise<NotificationEvent[]> {
    const run = queue.then(async () => {
      const now = deps.now();
      const { events, state } = decideNotifications(reports, await deps.load(), now, settings);
      await deps.save(state);
      for (const event of events) await deps.show(event.key, notificationContent(event, now));
      return events;
    });
    queue = run.catch(() => undefined);
    return run;
  };
}

export const NOTIFICATION_STATE_KEY = 'redline.notifications';

/** Reads the remembered state from a `storage.local`-like area, tolerating anything malformed. */
export function parseNotificationState(raw: unknown): NotificationState {
  if (!raw || typeof raw !== 'object') return { statuses: {}, sent: {}, policies: {} };
  const r = raw as Partial<NotificationState>;
  const statuses: NotificationState['statuses'] = {};
  for (const [k, v] of Object.entries(r.statuses ?? {})) if (v === 'ok' || v === 'warning' || v === 'breach') statuses[k] = v;
  const sent: NotificationState['sent'] = {};
  for (const [k, v] of Object.entries(r.sent ?? {})) if (typeof v === 'number' && Number.isFinite(v)) sent[k] = v;
  const policies: NotificationState['policies'] = {};
  for (const [k, v] of Object.entries(r.policies ?? {})) if (typeof v === 'number' && Number.isInteger(v) && v >= 0) policies[k] = v;
  return { statuses, sent, policies };
}
