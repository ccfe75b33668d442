import { beforeEach, describe, expect, it } from 'vitest';
import {
  createNotifier,
  decideNotifications,
  EMPTY_STATE,
  notificationContent,
  parseNotificationState,
  type NotificationContent,
  type NotificationState,
} from '../../../lib/background/notifications';
import type { HealthReport, PolicyComplianceEntry } from '../../../lib/metrics/report-schema';
import { metric, NOW, risk, sampleReport } from '../ui/fixtures';
import { useLocale } from '../ui/messages';

const HOUR = 3_600_000;
const ON = { notifications: true, warningHorizonHours: 24 };

/** A report whose metrics are all fine and that has no at-risk orders. */
function calm(): HealthReport {
  const r = sampleReport({ atRiskOrders: [] });
  return {
    ...r,
    metrics: {
      ...r.metrics,
      'lsr.10d': metric({ key: 'lsr.10d', numerator: 1, denominator: 200 }),
      'cr.7d': metric({ key: 'cr.7d', numerator: 1, denominator: 140 }),
      'odr.mfn': { ...r.metrics['odr.mfn'], ...metric({ key: 'odr.mfn', numerator: 1, denominator: 1000 }) },
    },
  };
}

function withStatus(report: HealthReport, numerator: number): HealthReport {
  return { ...report, metrics: { ...report.metrics, 'lsr.10d': metric({ key: 'lsr.10d', numerator, denominator: 200 }) } };
}

describe('decideNotifications', () => {
  beforeEach(() => useLocale('en'));

  it('says nothing while every metric stays ok', () => {
    const first = decideNotifications([calm()], EMPTY_STATE, NOW, ON);
    expect(first.events).toEqual([]);
    expect(decideNotifications([calm()], first.state, NOW + HOUR, ON).events).toEqual([]);
  });

  it('notifies ok → warning → breach once each, and not again while the status holds', () => {
    let state = decideNotifications([calm()], EMPTY_STATE, NOW, ON).state;
    const warn = decideNotifications([withStatus(calm(), 7)], state, NOW + HOUR, ON); // 7/200: margin 0 → warning
    expect(warn.events).toMatchObject([{ kind: 'status', metric: 'lsr.10d', from: 'ok', to: 'warning' }]);
    state = warn.state;
    expect(decideNotifications([withStatus(calm(), 7)], state, NOW + 2 * HOUR, ON).events).toEqual([]);
    const breach = decideNotifications([withStatus(calm(), 8)], state, NOW + 3 * HOUR, ON);
    expect(breach.events).toMatchObject([{ kind: 'status', from: 'warning', to: 'breach' }]);
    expect(decideNotifications([withStatus(calm(), 8)], breach.state, NOW + 4 * HOUR, ON).events).toEqual([]);
  });

  it('tells when a breached metric is back within target', () => {
    const breach = decideNotifications([withStatus(calm(), 8)], EMPTY_STATE, NOW, ON);
    expect(breach.events).toMatchObject([{ to: 'breach', from: 'ok' }]);
    const back = decideNotifications([withStatus(calm(), 1)], breach.state, NOW + HOUR, ON);
    expect(back.events).toMatchObject([{ kind: 'status', from: 'breach', to: 'ok' }]);
  });

  it('does not nag about a metric flapping around the warning level on the same day', () => {
    let state = decideNotifications([calm()], EMPTY_STATE, NOW, ON).state;
    let count = 0;
    for (let i = 1; i <= 6; i++) {
      const r = decideNotifications([withStatus(calm(), i % 2 ? 7 : 1)], state, NOW + i * 60_000, ON);
      count += r.events.length;
      state = r.state;
    }
    expect(count).toBe(1);
  });

  it('ignores "no data" (unknown) as a status change', () => {
    const breach = decideNotifications([withStatus(calm(), 8)], EMPTY_STATE, NOW, ON).state;
    const empty = decideNotifications([withStatus(calm(), 0)], breach, NOW, ON);
    const unknown = { ...calm(), metrics: { ...calm().metrics, 'lsr.10d': metric({ key: 'lsr.10d', numerator: 0, denominator: 0 }) } };
    expect(decideNotifications([unknown], breach, NOW, ON).state.statuses['ATVPDKIKX0DER|lsr.10d']).toBe('breach');
    expect(empty.events[0]).toMatchObject({ to: 'ok' });
  });

  it('notifies near deadlines once per risk, grouped per marketplace', () => {
    const report = { ...calm(), atRiskOrders: sampleReport().atRiskOrders }; // deadlines in 2h20 and 20h
    const first = decideNotifications([report], EMPTY_STATE, NOW, ON);
    // one event for the order, although it hurts two metrics (LSR 10 d and 30 d)
    expect(first.events).toMatchObject([{ kind: 'deadline', risks: [{ orderId: '114-1111111-1111111', kind: 'lateShipment' }] }]);
    expect(first.events[0]!.kind === 'deadline' && first.events[0]!.risks).toHaveLength(1);
    expect(decideNotifications([report], first.state, NOW + 60_000, ON).events).toEqual([]);
    // 17 hours later the second order's deadline (20 h) is within 3 hours too
    const later = decideNotifications([report], first.state, NOW + 17 * HOUR + 30 * 60_000, ON);
    expect(later.events).toMatchObject([{ kind: 'deadline', risks: [{ orderId: '114-2222222-2222222', kind: 'autoCancel' }] }]);
  });

  it('never notifies passed deadlines', () => {
    const report = {
      ...calm(),
      atRiskOrders: [{ orderId: '114-1111111-1111111', risks: [risk({ kind: 'lateShipment', metric: 'lsr.10d', deadline: NOW - 1 })] }],
    };
    expect(decideNotifications([report], EMPTY_STATE, NOW, ON).events).toEqual([]);
  });

  it('sends nothing when notifications are off, yet keeps following statuses', () => {
    const off = { notifications: false, warningHorizonHours: 24 };
    const r = decideNotifications([withStatus(sampleReport(), 8)], EMPTY_STATE, NOW, off);
    expect(r.events).toEqual([]);
    expect(r.state.statuses['ATVPDKIKX0DER|lsr.10d']).toBe('breach');
    // turned on later: the old breach is not news
    expect(decideNotifications([withStatus(calm(), 8)], r.state, NOW + HOUR, ON).events.filter((e) => e.kind === 'status')).toEqual([]);
  });

  it('forgets sent keys after 30 days', () => {
    const state: NotificationState = { statuses: {}, sent: { old: NOW - 31 * 24 * HOUR, recent: NOW - HOUR }, policies: {} };
    expect(Object.keys(decideNotifications([], state, NOW, ON).state.sent)).toEqual(['recent']);
  });
});

describe('notification content', () => {
  beforeEach(() => useLocale('en'));

  it('words a status change with the rate, the target and where to act', () => {
    const [event] = decideNotifications([withStatus(calm(), 8)], EMPTY_STATE, NOW, ON).events;
    expect(notificationContent(event!, NOW)).toEqual({
      title: 'Late Shipment Rate · 10 days is over the line (US)',
      message: "Now 4%; Amazon's target is under 4%.",
      url: 'https://sellercentral.amazon.com/performance/dashboard',
    });
  });

  it('words near deadlines, linking the order when there is one', () => {
    const report = { ...calm(), atRiskOrders: [sampleReport().atRiskOrders[1]!] };
    const [event] = decideNotifications([report], EMPTY_STATE, NOW + 18 * HOUR, ON).events;
    const content = notificationContent(event!, NOW + 18 * HOUR);
    expect(content.title).toBe('1 order needs action soon (US)');
    expect(content.message.replace(/\u00a0/g, ' ')).toBe('114-2222222-2222222: Auto-cancel in 2 hr');
    expect(content.url).toBe('https://sellercentral.amazon.com/orders-v3/order/114-2222222-2222222');
  });

  it('is translated', () => {
    useLocale('de');
    const [event] = decideNotifications([withStatus(calm(), 8)], EMPTY_STATE, NOW, ON).events;
    expect(notificationContent(event!, NOW).title).toBe('Verspätete Versandrate · 10 Tage ist über der Linie (US)');
  });
});

describe('createNotifier', () => {
  it('shows each event once even when two recomputations finish together', async () => {
    let stored: unknown;
    const shown: NotificationContent[] = [];
    const notify = createNotifier({
      load: async () => parseNotificationState(stored),
      save: async (s) => {
        stored = JSON.parse(JSON.stringify(s));
      },
      show: async (_id, content) => {
        shown.push(content);
      },
      now: () => NOW,
    });
    const report = withStatus(calm(), 8);
    await Promise.all([notify([report], ON), notify([report], ON)]);
    expect(shown).toHaveLength(1);
  });

  it('reads malformed stored state as empty', () => {
    expect(parseNotificationState('nonsense')).toEqual({ statuses: {}, sent: {}, policies: {} });
    expect(parseNotificationState({ statuses: { a: 'ok', b: 'weird' }, sent: { k: 1, j: 'x' }, policies: { p: 2, q: -1, r: 1.5, s: 'x' } })).toEqual({
      statuses: { a: 'ok' },
      sent: { k: 1 },
      policies: { p: 2 },
    });
    // State saved before policy counts were remembered.
    expect(parseNotificationState({ statuses: {}, sent: {} })).toEqual({ statuses: {}, sent: {}, policies: {} });
  });
});

describe('status notifications need enough data', () => {
  beforeEach(() => useLocale('en'));

  it('stays quiet about a metric too thin to judge (the engine’s insufficient), then speaks once it has enough', () => {
    const tiny = { ...calm(), metrics: { ...calm().metrics, 'lsr.10d': metric({ key: 'lsr.10d', numerator: 1, denominator: 1, status: 'insufficient' }) } };
    const first = decideNotifications([tiny], EMPTY_STATE, NOW, ON);
    expect(first.events).toEqual([]);
    expect(first.state.statuses['ATVPDKIKX0DER|lsr.10d']).toBeUndefined();
    const enough = decideNotifications([withStatus(calm(), 8)], first.state, NOW + HOUR, ON); // 8 of 200
    expect(enough.events).toMatchObject([{ metric: 'lsr.10d', from: 'ok', to: 'breach' }]);
  });

  it('trusts a metric anchored on Amazon’s reading whatever its local count', () => {
    const base = calm();
    const anchored = {
      ...base,
      metrics: {
        ...base.metrics,
        'lsr.10d': { ...metric({ key: 'lsr.10d', numerator: 1, denominator: 2 }), amazon: sampleReport().metrics['odr.mfn'].amazon },
      },
    };
    expect(decideNotifications([anchored], EMPTY_STATE, NOW, ON).events).toMatchObject([{ metric: 'lsr.10d', to: 'breach' }]);
  });
});

describe('policy violations (spec v2 §2.2)', () => {
  beforeEach(() => useLocale('en'));
  const US = 'ATVPDKIKX0DER';

  const entry = (category: string, count: number | null, previousCount: number | null = null): PolicyComplianceEntry => ({
    category,
    label: null,
    count,
    target: 0,
    status: count === null ? 'unknown' : count > 0 ? 'breach' : 'ok',
    amazonStatus: null,
    observedAt: NOW - HOUR,
    source: 'performance-api/summary',
    window: null,
    previousCount,
    previousObservedAt: previousCount === null ? null : NOW - 25 * HOUR,
    change: count !== null && previousCount !== null ? count - previousCount : null,
  });
  const withPolicies = (...policyCompliance: PolicyComplianceEntry[]): HealthReport => ({ ...calm(), policyCompliance });

  it('a count that rose since the reading before is one notification that opens Account Health, not repeated on the next reading', () => {
    const first = decideNotifications([withPolicies(entry('listingPolicyViolations', 0))], EMPTY_STATE, NOW, ON);
    expect(first.events).toEqual([]);
    const rose = decideNotifications([withPolicies(entry('listingPolicyViolations', 1, 0))], first.state, NOW + HOUR, ON);
    expect(rose.events).toMatchObject([{ kind: 'policy', marketplaceId: US, policy: { category: 'listingPolicyViolations' }, count: 1, from: 0 }]);
    expect(notificationContent(rose.events[0]!, NOW + HOUR)).toEqual({
      title: 'New policy violation: Listing policy violations (US)',
      message: 'Amazon now counts 1 (was 0). Open Account Health to see what to do.',
      url: 'https://sellercentral.amazon.com/performance/dashboard',
    });
    // The next reading, the same count: nothing. A further rise: again.
    const same = decideNotifications([withPolicies(entry('listingPolicyViolations', 1, 1))], rose.state, NOW + 2 * HOUR, ON);
    expect(same.events).toEqual([]);
    const again = decideNotifications([withPolicies(entry('listingPolicyViolations', 3, 1))], same.state, NOW + 3 * HOUR, ON);
    expect(again.events).toMatchObject([{ kind: 'policy', count: 3, from: 1 }]);
  });

  it('a category first seen with violations is news; one first seen clear, or a fall, or an unknown count is not', () => {
    const first = decideNotifications(
      [withPolicies(entry('receivedIntellectualPropertyComplaints', 2), entry('documentRequests', null), entry('otherPolicyViolations', 1, 3))],
      EMPTY_STATE,
      NOW,
      ON,
    );
    expect(first.events).toMatchObject([{ kind: 'policy', policy: { category: 'receivedIntellectualPropertyComplaints' }, count: 2, from: 0 }]);
    expect(first.state.policies).toEqual({ [`${US}|receivedIntellectualPropertyComplaints`]: 2, [`${US}|otherPolicyViolations`]: 1 });
    // Down, then back up to a count already notified once: a new violation again.
    const down = decideNotifications([withPolicies(entry('receivedIntellectualPropertyComplaints', 0, 2))], first.state, NOW + HOUR, ON);
    expect(down.events).toEqual([]);
    expect(decideNotifications([withPolicies(entry('receivedIntellectualPropertyComplaints', 2, 0))], down.state, NOW + 2 * HOUR, ON).events).toHaveLength(1);
  });

  it('a category Redline does not know is named as the page names it; off, nothing is sent but the count is followed', () => {
    const unknown = { ...entry('policies-brand-new-row', 1), label: 'Brand New Violations' };
    const [event] = decideNotifications([withPolicies(unknown)], EMPTY_STATE, NOW, ON).events;
    expect(notificationContent(event!, NOW).title).toBe('New policy violation: Brand New Violations (US)');
    const off = decideNotifications([withPolicies(unknown)], EMPTY_STATE, NOW, { notifications: false, warningHorizonHours: 24 });
    expect(off.events).toEqual([]);
    expect(decideNotifications([withPolicies(unknown)], off.state, NOW + HOUR, ON).events).toEqual([]);
  });

  it('is translated', () => {
    useLocale('ja');
    const [event] = decideNotifications([withPolicies(entry('listingPolicyViolations', 1, 0))], EMPTY_STATE, NOW, ON).events;
    expect(notificationContent(event!, NOW).title).toBe('新しいポリシー違反：出品ポリシー違反（US）');
  });
});
