// What the issue-9 notes say, from the worker's answers (the browser test covers the pages).
import { beforeEach, describe, expect, it } from 'vitest';
import { cancelView, isBuyerCanceledReason } from '../../../lib/content/prevention/cancel-feature';
import { disputeView } from '../../../lib/content/prevention/dispute-badges';
import { removableView } from '../../../lib/content/prevention/feedback-feature';
import { createNote, renderNote } from '../../../lib/content/prevention/note';
import { trackingView } from '../../../lib/content/prevention/tracking-feature';
import type { WhatIf } from '../../../lib/metrics/what-if';
import { useLocale } from '../ui/messages';

const cr: WhatIf = {
  metric: 'cr.7d',
  before: { num: 1, den: 53, rate: 1 / 53, margin: 0, status: 'warning' },
  after: { num: 2, den: 53, rate: 2 / 53, margin: -1, status: 'breach' },
  from: null,
  noEffect: false,
  orderAssumed: false,
};
const vtr: WhatIf = {
  metric: 'vtr.30d',
  before: { num: 174, den: 179, rate: 174 / 179, margin: 3, status: 'ok' },
  after: { num: 174, den: 180, rate: 174 / 180, margin: 2, status: 'ok' },
  from: null,
  noEffect: false,
  orderAssumed: false,
};

beforeEach(() => useLocale('en'));

describe('cancel form note', () => {
  it('says the cancellation counts, with the CR change, and reminds of the buyer reason', () => {
    expect(cancelView({ impact: cr, buyerCancelRequestOpen: false }, false)).toEqual({
      tone: 'breach',
      title: 'This cancellation counts against your Pre-fulfillment Cancel Rate.',
      lines: [
        'CR 7 d: 1.89% → 3.77%, over the line',
        'Did the buyer ask to cancel through Amazon? Then choose “Buyer canceled” as the reason and it will not count.',
      ],
      state: 'counts',
    });
  });

  it('flips with the reason: excluded when the buyer asked, unverified when Redline saw no request', () => {
    expect(cancelView({ impact: cr, buyerCancelRequestOpen: true }, true)).toMatchObject({ tone: 'ok', state: 'excluded', lines: ['CR 7 d stays at 1.89%'] });
    expect(cancelView({ impact: cr, buyerCancelRequestOpen: null }, true)).toMatchObject({ tone: 'warning', state: 'unverified' });
    expect(cancelView({ impact: cr, buyerCancelRequestOpen: true }, false).lines.at(-1)).toContain('The buyer asked to cancel through Amazon');
  });

  it('reads the reason by value or by label', () => {
    document.body.innerHTML =
      '<select><option value="x">Buyer Canceled</option><option value="BuyerCanceled">?</option><option value="NoInventory">No inventory</option></select>';
    const select = document.querySelector('select')!;
    for (const [value, expected] of [
      ['x', true],
      ['BuyerCanceled', true],
      ['NoInventory', false],
    ] as const) {
      select.value = value;
      expect(isBuyerCanceledReason(select), value).toBe(expected);
    }
  });
});

describe('tracking note', () => {
  it('warns with the first problem, what the number looks like and the VTR after it', () => {
    const view = trackingView({ normalised: '1Z999', format: 'notChecked', problems: [{ kind: 'noCarrier', looksLike: 'UPS' }] }, '', {
      impact: vtr,
      buyerCancelRequestOpen: null,
    });
    expect(view).toEqual({
      tone: 'warning',
      title: 'No carrier chosen: Amazon cannot track this number, so it will count against your Valid Tracking Rate.',
      lines: ['It looks like a UPS number.', 'VTR: 97.21% → 96.67%, still within target'],
      state: 'noCarrier',
    });
  });

  it('names the orders of a reused number as isolated text, and a carrier from the page too', () => {
    const hostile = '\u202E<img src=x onerror=alert(1)>\u2069';
    const view = trackingView(
      { normalised: '1Z5R89390357567127', format: 'checked', problems: [{ kind: 'reused', orderIds: [hostile, '111-0000000-0000001'] }] },
      'UPS',
      null,
    );
    expect(view!.title).toBe(
      'This number is already on order \u2068\u202E<img src=x onerror=alert(1)>\u2069, \u2068111-0000000-0000001\u2069: a reused number is not valid tracking.',
    );
    const carrier = trackingView({ normalised: '1', format: 'notChecked', problems: [] }, `Courier${'X'.repeat(500)}`, null);
    expect(carrier!.title).toContain(`\u2068Courier${'X'.repeat(72)}…\u2069`);
  });

  it('confirms a checked number, and says nothing before anything is typed', () => {
    expect(trackingView({ normalised: '1Z5R89390357567127', format: 'checked', problems: [] }, 'UPS', null)).toMatchObject({ tone: 'ok', state: 'valid' });
    expect(trackingView({ normalised: '', format: 'notChecked', problems: [] }, 'UPS', null)).toBeNull();
  });
});

describe('feedback and dispute notes', () => {
  it('names the ground, what matched, the ODR if removed and the removal link', () => {
    const odr: WhatIf = {
      ...cr,
      metric: 'odr.mfn',
      before: { ...cr.before, status: 'breach' },
      after: { ...cr.before, num: 0, rate: 0, margin: 1, status: 'ok' },
    };
    const view = removableView({
      orderId: '114-4926004-3323732',
      rating: 2,
      date: 0,
      daysLeft: 88,
      grounds: [{ ground: 'productReview', evidence: [{ kind: 'word', text: 'dull' }] }],
      against: [],
      odr,
      orderSeen: true,
    });
    expect(view.lines).toEqual(['Entirely a product review', 'If removed: ODR: 1.89% → 0%, still within target', '88 days left to ask']);
    expect(view.chips).toEqual(['matched: \u2068dull\u2069']); // the buyer's word, bidi-isolated
    expect(view.link).toEqual({ href: '/feedback-manager/index.html#/request-removal/114-4926004-3323732', text: 'Request removal' });
  });

  it('clips a matched word thousands of letters long', () => {
    const odr: WhatIf = { ...cr, metric: 'odr.mfn' };
    const word = `product${'S'.repeat(4990)}`;
    const view = removableView({
      orderId: '114-4926004-3323732',
      rating: 2,
      date: 0,
      daysLeft: 88,
      grounds: [{ ground: 'productReview', evidence: [{ kind: 'word', text: word }] }],
      against: [],
      odr,
      orderSeen: true,
    });
    expect(view.chips).toEqual([`matched: \u2068${word.slice(0, 39)}…\u2069`]);
  });

  it('shows a dispute’s deadline and the ODR both ways', () => {
    const now = Date.UTC(2026, 10, 26);
    const odr: WhatIf = { ...cr, metric: 'odr.mfn' };
    // More than a day left: not urgent yet (a note in the page's blue, not amber).
    expect(
      disputeView({ id: 'C1', kind: 'claim', orderId: '111-0000000-0000000', filed: now, deadline: now + 30 * 3_600_000, odr, orderSeen: true }, now),
    ).toEqual({
      tone: 'info',
      title: 'Respond within 1 day 6 hr',
      lines: ['Decided against you: ODR 1.89%, still within target, at the edge', 'In your favour: ODR 3.77%'],
      state: 'claim',
    });
  });

  it('renders as text only, inside a shadow root', () => {
    const host = createNote(document);
    renderNote(host, { tone: 'info', title: '<img src=x onerror=alert(1)>', lines: ['<b>x</b>'], state: 's' });
    expect(host.shadowRoot!.querySelector('img, b')).toBeNull();
    expect(host.shadowRoot!.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});
