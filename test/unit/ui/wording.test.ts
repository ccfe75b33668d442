import { beforeEach, describe, expect, it } from 'vitest';
import { byUrgency, deadlinePhrase, groupRisks, impactPhrase, marginSentence, mostUrgentRisk } from '../../../lib/ui/wording';
import { metric, NOW, risk, sampleReport } from './fixtures';
import { useLocale } from './messages';

const HOUR = 3_600_000;
const text = (s: string) => s.replace(/[\u2009\u202f\u00a0]/g, ' ');

describe('margin in plain words (en)', () => {
  beforeEach(() => useLocale('en'));

  it('counts what a passing metric can still absorb, singular and plural', () => {
    // 8 defective of 1,000: 9/1000 = 0.9 % passes, 10/1000 fails (metrics-spec §3 example) → margin 1.
    expect(marginSentence(metric({ key: 'odr.mfn', numerator: 8, denominator: 1000 }))).toBe('Can absorb 1 more defective order.');
    expect(marginSentence(metric({ key: 'odr.mfn', numerator: 7, denominator: 1000 }))).toBe('Can absorb 2 more defective orders.');
    expect(marginSentence(metric({ key: 'lsr.10d', numerator: 0, denominator: 1000 }))).toBe('Can absorb 39 more late shipments.');
  });

  it('says when one more bad event tips it over', () => {
    expect(marginSentence(metric({ key: 'cr.7d', numerator: 3, denominator: 160 }))).toBe('At the line: one more cancellation puts it over.');
  });

  it('says how far over the line a failing metric is and when it recovers', () => {
    // metrics-spec §6: 8 late of 200 → breach, margin −1.
    const m = metric({ key: 'lsr.10d', numerator: 8, denominator: 200 });
    expect(marginSentence({ ...m, projection: { ...m.projection, recoveryDate: '2026-12-03' } })).toBe(
      '1 late shipment over the line: recovers on Dec 3 if nothing else ships late.',
    );
    expect(marginSentence(m)).toBe('1 late shipment over the line: does not recover on its own within the next 30 days.');
  });

  it('counts good-event metrics in the bad events that would tip them', () => {
    // VTR 580/600 = 96.7 % > 95 %: 9 more without tracking → 571/600 = 95.17 % passes, 10 → 95.0 % fails.
    expect(marginSentence(metric({ key: 'vtr.30d', numerator: 580, denominator: 600 }))).toBe('Can absorb 9 more packages without valid tracking.');
  });

  it('adds the breach date of the worst case to a passing metric', () => {
    const m = metric({ key: 'odr.mfn', numerator: 5, denominator: 1000 });
    expect(marginSentence({ ...m, projection: { ...m.projection, breachDate: '2026-12-05' } })).toBe(
      'Can absorb 4 more defective orders. Could cross on Dec 5 if every open risk happens.',
    );
  });

  it('never says 0 % or NaN for an empty window', () => {
    expect(marginSentence(metric({ key: 'odr.afn', numerator: 0, denominator: 0 }))).toBe('No orders in this window yet.');
    expect(marginSentence(metric({ key: 'otdr.14d', numerator: 0, denominator: 0 }))).toBe('No units in this window yet.');
  });
});

describe('margin in German and Japanese', () => {
  it('de', () => {
    useLocale('de');
    expect(marginSentence(metric({ key: 'odr.mfn', numerator: 7, denominator: 1000 }))).toBe('Verträgt noch 2 mangelhafte Bestellungen.');
    expect(marginSentence(metric({ key: 'odr.mfn', numerator: 8, denominator: 1000 }))).toBe('Verträgt noch 1 mangelhafte Bestellung.');
    const m = metric({ key: 'lsr.10d', numerator: 8, denominator: 200 });
    expect(marginSentence({ ...m, projection: { ...m.projection, recoveryDate: '2026-12-03' } })).toBe(
      '1 verspäteter Versand über der Linie: erholt sich am 3. Dez., wenn nichts weiter verspätet versandt wird.',
    );
  });
  it('ja (no plural forms)', () => {
    useLocale('ja');
    expect(marginSentence(metric({ key: 'odr.mfn', numerator: 8, denominator: 1000 }))).toBe('あと1件の不良注文まで許容できます。');
    expect(marginSentence(metric({ key: 'odr.mfn', numerator: 0, denominator: 100000 }))).toBe('あと999件の不良注文まで許容できます。');
  });
});

describe('risks', () => {
  beforeEach(() => useLocale('en'));

  it('groups one event that hurts several metrics, and phrases its impact', () => {
    const order = sampleReport().atRiskOrders[0]!;
    const groups = groupRisks(order);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ kind: 'lateShipment', breaches: true });
    expect(text(impactPhrase(groups[0]!))).toBe('Ships late → LSR 10 d 4.48%, over the line; LSR 30 d 2.16%, still within target');
    expect(text(deadlinePhrase(groups[0]!, NOW).text)).toBe('Ship within 2 hr 20 min');
  });

  it('says when an event is already counted', () => {
    const g = groupRisks({
      orderId: '114-0000000-0000000',
      risks: [risk({ kind: 'openClaim', metric: 'odr.mfn', rateIfHappens: 0.011, alreadyCounted: true })],
    })[0]!;
    expect(text(impactPhrase(g))).toBe('Claim stands → ODR 1.1%, over the line (already counted; resolving it undoes it)');
  });

  it('phrases overdue and deadline-less risks', () => {
    expect(text(deadlinePhrase({ kind: 'lateShipment', deadline: NOW - 2 * HOUR }, NOW).text)).toBe('Ships late · 2 hr overdue');
    expect(deadlinePhrase({ kind: 'negativeFeedback', deadline: null }, NOW).text).toBe('Negative feedback');
  });

  it('orders most urgent first: soonest deadline, breaching first on a tie, no deadline last', () => {
    const a = { orderId: '114-0000000-000000A'.replace('A', '1'), risks: [risk({ kind: 'lateShipment', metric: 'lsr.10d', deadline: NOW + 5 * HOUR })] };
    const b = { orderId: '114-0000000-0000002', risks: [risk({ kind: 'autoCancel', metric: 'cr.7d', deadline: NOW + HOUR, breaches: false })] };
    const c = { orderId: '114-0000000-0000003', risks: [risk({ kind: 'negativeFeedback', metric: 'odr.mfn', deadline: null })] };
    const d = { orderId: '114-0000000-0000004', risks: [risk({ kind: 'lateShipment', metric: 'lsr.10d', deadline: NOW + HOUR, breaches: true })] };
    expect(byUrgency([c, a, b, d]).map((o) => o.orderId)).toEqual([d.orderId, b.orderId, a.orderId, c.orderId]);
    expect(mostUrgentRisk({ orderId: 'x', risks: [...b.risks, ...d.risks] }).kind).toBe('lateShipment');
  });
});
