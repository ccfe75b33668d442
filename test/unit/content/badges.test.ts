import { beforeEach, describe, expect, it } from 'vitest';
import { BadgeLayer } from '../../../lib/content/badges/badge-layer';
import { badgeViews, quietView } from '../../../lib/content/badges/badge-view';
import { findOrderDetail, findOrderRows, OrderRowScanner } from '../../../lib/content/badges/order-rows';
import type { AtRiskOrder } from '../../../lib/metrics/report-schema';
import { NOW, risk } from '../ui/fixtures';
import { useLocale } from '../ui/messages';
import { HOSTILE, orderId, renderOrdersTable } from './orders-page';

const HOUR = 3_600_000;
const ids = (n: number, from = 0) => Array.from({ length: n }, (_, i) => orderId(from + i));

function atRisk(id: string, hours = 3): AtRiskOrder {
  return {
    orderId: id,
    risks: [
      risk({ kind: 'lateShipment', metric: 'lsr.10d', deadline: NOW + hours * HOUR, rateIfHappens: 0.043, breaches: true }),
      risk({ kind: 'lateShipment', metric: 'lsr.30d', deadline: NOW + hours * HOUR, rateIfHappens: 0.021, marginIfHappens: 12, breaches: false }),
    ],
  };
}

const badges = () => [...document.querySelectorAll<HTMLElement>('redline-badge')];
const shadowText = (host: Element) => host.shadowRoot!.textContent!.replace(/[\u2009\u202f\u00a0]/g, ' ');
const labelOf = (host: Element) => host.shadowRoot!.querySelector('.label')!.textContent!.replace(/[\u2009\u202f\u00a0]/g, ' ');

describe('finding orders on the page', () => {
  beforeEach(() => {
    document.body.replaceChildren();
  });

  it('finds every row of a 100-row table by its detail link, headers and empty rows left out', () => {
    renderOrdersTable(document, ids(100));
    const rows = findOrderRows(document);
    expect(rows.size).toBe(100);
    const [id, anchor] = [...rows][0]!;
    expect(id).toBe(orderId(0));
    expect(anchor.tagName).toBe('A');
  });

  it('falls back to the order id text when a row has no link', () => {
    document.body.innerHTML = `<table><tr id="row-1"><td><span class="id">${orderId(7)}</span></td></tr></table>`;
    const rows = findOrderRows(document);
    expect([...rows.keys()]).toEqual([orderId(7)]);
    expect(rows.get(orderId(7))!.className).toBe('id');
  });

  it('reads a row again only when the page changed it (the scanner remembers rows it has read)', () => {
    renderOrdersTable(document, ids(3));
    const scanner = new OrderRowScanner();
    expect([...scanner.scan(document).keys()]).toEqual(ids(3));
    // The page reuses row 0 for another order: new link inside the same <tr>.
    const row = document.querySelector(`#row-${orderId(0)}`)!;
    const link = row.querySelector('a')!;
    const replacement = link.cloneNode() as HTMLAnchorElement;
    replacement.href = `/orders-v3/order/${orderId(9)}`;
    link.replaceWith(replacement);
    scanner.changed(replacement.parentNode!);
    expect([...scanner.scan(document).keys()]).toEqual([orderId(9), orderId(1), orderId(2)]);
    // A row the scanner has never seen (a re-render, a cloned row) is read.
    row.parentNode!.append(document.querySelector(`#row-${orderId(2)}`)!.cloneNode(true));
    expect(scanner.scan(document).size).toBe(3);
    // An anchor taken out of its row is not trusted, even without a change record.
    replacement.remove();
    expect([...scanner.scan(document).keys()]).toEqual([orderId(1), orderId(2)]);
  });

  it('finds the order id on the order detail page', () => {
    document.body.innerHTML = `<div id="sc-content"><h1>Order details</h1><div data-test-id="order-id">Order ID: # <b>${orderId(3)}</b></div></div>`;
    const found = findOrderDetail(document, `/orders-v3/order/${orderId(3)}`);
    expect(found.get(orderId(3))!.tagName).toBe('B');
    expect(findOrderDetail(document, '/orders-v3/order/not-an-id').size).toBe(0);
  });
});

describe('BadgeLayer', () => {
  beforeEach(() => {
    document.body.replaceChildren();
    useLocale('en');
  });

  it('badges only the at-risk rows, next to the order id, with the data attributes', () => {
    renderOrdersTable(document, ids(100));
    const risky = new Map(
      ids(100)
        .filter((_, i) => i % 10 === 0)
        .map((id) => [id, atRisk(id)]),
    );
    const layer = new BadgeLayer(document);
    layer.apply(findOrderRows(document), (id) => (risky.has(id) ? badgeViews(risky.get(id)!, NOW) : null));
    const hosts = badges();
    expect(hosts).toHaveLength(10);
    for (const host of hosts) {
      expect(risky.has(host.dataset.redlineOrder!)).toBe(true);
      expect(host.dataset.redlineRisk).toBe('lateShipment');
      expect(host.previousElementSibling!.getAttribute('href')).toBe(`/orders-v3/order/${host.dataset.redlineOrder}`);
      expect(host.closest('tr')!.id).toBe(`row-${host.dataset.redlineOrder}`);
    }
    expect(shadowText(hosts[0]!)).toContain('Ship within 3 hr');
    expect(shadowText(hosts[0]!)).toContain('Ships late → LSR 10 d 4.3%, over the line; LSR 30 d 2.1%, still within target');
  });

  it('follows re-renders (sorting, pagination) by moving the same hosts: no duplicates, no redraw', () => {
    const page1 = ids(15);
    const risky = new Map([page1[2]!, page1[9]!, orderId(20)].map((id) => [id, atRisk(id)]));
    const view = (id: string) => (risky.has(id) ? badgeViews(risky.get(id)!, NOW) : null);
    const layer = new BadgeLayer(document);

    renderOrdersTable(document, page1);
    layer.apply(findOrderRows(document), view);
    const before = badges();
    expect(before).toHaveLength(2);

    // Sorted the other way: the page re-renders the whole table.
    renderOrdersTable(document, [...page1].reverse());
    const stats = layer.apply(findOrderRows(document), view);
    expect(stats).toEqual({ created: 0, moved: 2, redrawn: 0, removed: 0 });
    expect(badges()).toEqual(expect.arrayContaining(before));
    expect(badges()).toHaveLength(2);

    // Applying again with nothing changed touches nothing.
    expect(layer.apply(findOrderRows(document), view)).toEqual({ created: 0, moved: 0, redrawn: 0, removed: 0 });

    // Page 2: the old badges leave with their rows, the new page's at-risk order gets one.
    renderOrdersTable(document, ids(15, 15));
    layer.apply(findOrderRows(document), view);
    expect(badges().map((b) => b.dataset.redlineOrder)).toEqual([orderId(20)]);

    // Back to page 1: the first hosts come back.
    renderOrdersTable(document, page1);
    const back = layer.apply(findOrderRows(document), view);
    expect(back.created).toBe(0);
    expect(badges()).toHaveLength(2);
    expect(new Set(badges().map((b) => b.dataset.redlineOrder)).size).toBe(2);
  });

  it('a scan of 100 badged rows that did not change moves and redraws nothing (its time is a bench figure, in Chromium)', () => {
    renderOrdersTable(document, ids(100));
    const risky = new Map(ids(100).map((id, i) => [id, atRisk(id, 1 + i / 10)]));
    const layer = new BadgeLayer(document);
    const views = new Map([...risky].map(([id, o]) => [id, badgeViews(o, NOW)]));
    layer.apply(findOrderRows(document), (id) => views.get(id) ?? null);
    expect(badges()).toHaveLength(100);
    // The frequent case: the page mutated something unrelated; nothing to move or redraw.
    expect(layer.apply(findOrderRows(document), (id) => views.get(id) ?? null)).toEqual({ created: 0, moved: 0, redrawn: 0, removed: 0 });
  });

  it('draws a quiet mark for safe orders when asked to', () => {
    renderOrdersTable(document, ids(3));
    const layer = new BadgeLayer(document);
    layer.apply(findOrderRows(document), (id) => quietView(id));
    expect(badges().map((b) => b.dataset.redlineRisk)).toEqual(['none', 'none', 'none']);
    expect(badges()[0]!.shadowRoot!.querySelector('[role=img]')!.getAttribute('aria-label')).toBe('Redline: no risk found for this order');
  });

  it('the seller’s own dispatch rule gets a badge of its own after Amazon’s, labelled as the seller’s rule, never as Amazon’s metric', () => {
    renderOrdersTable(document, ids(2));
    const [both, ownOnly] = ids(2);
    const dispatch = () => risk({ kind: 'dispatchRule', metric: null, deadline: NOW + 5 * HOUR, rateIfHappens: null, marginIfHappens: null, breaches: false });
    const orders = new Map<string, AtRiskOrder>([
      [both!, { orderId: both!, risks: [...atRisk(both!).risks, dispatch()] }],
      [ownOnly!, { orderId: ownOnly!, risks: [dispatch()] }],
    ]);
    const layer = new BadgeLayer(document);
    layer.apply(findOrderRows(document), (id) => badgeViews(orders.get(id)!, NOW, 72));
    expect(badges().map((b) => [b.dataset.redlineOrder, b.dataset.redlineSlot, b.dataset.redlineRisk])).toEqual([
      [both, 'amazon', 'lateShipment'],
      [both, 'own', 'dispatchRule'],
      [ownOnly, 'own', 'dispatchRule'],
    ]);
    const own = badges()[1]!;
    // Right after Amazon's badge, which is right after the order id.
    expect(own.previousElementSibling).toBe(badges()[0]);
    expect(own.shadowRoot!.querySelector('button')!.className).toContain('own');
    expect(labelOf(own)).toBe('Your 72-hour rule: ship within 5 hr');
    expect(shadowText(own)).toContain('Redline · your own rule, not Amazon’s: Your 72-hour rule');
    expect(shadowText(own)).toContain('Misses your own dispatch rule → your own rule, not one of Amazon’s metrics');
    expect(own.shadowRoot!.querySelector('button')!.getAttribute('aria-label')).not.toMatch(/LSR|ODR|VTR/);
    const amazonWords = `${badges()[0]!.shadowRoot!.querySelector('button')!.getAttribute('aria-label')} ${badges()[0]!.shadowRoot!.getElementById('tip')!.textContent}`;
    expect(amazonWords).not.toMatch(/rule/i);
    // The rule met (the order shipped): its badge goes, Amazon's stays.
    orders.set(both!, atRisk(both!));
    layer.apply(findOrderRows(document), (id) => badgeViews(orders.get(id)!, NOW, 72));
    expect(badges().map((b) => [b.dataset.redlineOrder, b.dataset.redlineSlot])).toEqual([
      [both, 'amazon'],
      [ownOnly, 'own'],
    ]);
  });

  it('words the own rule in German and Japanese', () => {
    renderOrdersTable(document, ids(1));
    const order = {
      orderId: ids(1)[0]!,
      risks: [risk({ kind: 'dispatchRule', metric: null, deadline: NOW + 5 * HOUR, rateIfHappens: null, marginIfHappens: null, breaches: false })],
    };
    for (const [lang, label] of [
      ['de', 'Ihre 72-Stunden-Regel: versenden in 5 Std.'],
      ['ja', 'ご自身の 72 時間ルール：5 時間 以内に出荷'],
    ] as const) {
      // eslint-disable-next-line react-hooks/rules-of-hooks -- useLocale sets the test's messages; it is no hook
      useLocale(lang);
      document.querySelectorAll('redline-badge').forEach((b) => b.remove());
      new BadgeLayer(document).apply(findOrderRows(document), () => badgeViews(order, NOW, 72));
      expect(labelOf(badges()[0]!)).toBe(label);
    }
  });

  it('renders hostile strings as inert text', () => {
    renderOrdersTable(document, ids(2));
    const hostile: AtRiskOrder = { orderId: HOSTILE, risks: [risk({ kind: 'openClaim', metric: 'odr.mfn' })] };
    const layer = new BadgeLayer(document);
    layer.apply(new Map([[HOSTILE, document.querySelector('a')!]]), () => badgeViews(hostile, NOW));
    const host = badges()[0]!;
    expect(host.dataset.redlineOrder).toBe(HOSTILE);
    expect(host.shadowRoot!.querySelector('img')).toBeNull();
    expect(document.querySelectorAll('img')).toHaveLength(0);
    // page strings the scan reads are never turned into markup either
    expect(document.querySelectorAll('td a[href^="/dp/"]')[0]!.textContent).toContain(HOSTILE);
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('is keyboard reachable, with the impact in its accessible name and the details on focus', () => {
    renderOrdersTable(document, ids(1));
    const layer = new BadgeLayer(document);
    layer.apply(findOrderRows(document), (id) => badgeViews(atRisk(id), NOW));
    const host = badges()[0]!;
    const button = host.shadowRoot!.querySelector('button')!;
    expect(button.getAttribute('aria-label')).toContain('Ships late → LSR 10 d');
    expect(button.getAttribute('aria-describedby')).toBe('tip');
    host.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    const tip = host.shadowRoot!.getElementById('tip')!;
    expect(tip.getAttribute('role')).toBe('tooltip');
  });

  it('keeps clicks on the badge away from the page row handlers', () => {
    renderOrdersTable(document, ids(1));
    let rowClicks = 0;
    document.querySelector('tr[id^=row-]')!.addEventListener('click', () => rowClicks++);
    const layer = new BadgeLayer(document);
    layer.apply(findOrderRows(document), (id) => badgeViews(atRisk(id), NOW));
    badges()[0]!.shadowRoot!.querySelector('button')!.click();
    expect(rowClicks).toBe(0);
  });
});

describe('BadgeLayer and badges it did not make', () => {
  beforeEach(() => {
    document.body.replaceChildren();
    useLocale('en');
  });

  it('removes copies (a cloned row) and hosts left by an earlier content script, never duplicating', () => {
    renderOrdersTable(document, ids(3));
    const layer = new BadgeLayer(document);
    const view = (id: string) => badgeViews(atRisk(id), NOW);
    layer.apply(findOrderRows(document), view, document);
    // The page clones its rows (copies carry our host element, without its shadow root)…
    const body = document.querySelector('tbody')!;
    body.replaceChildren(...[...body.children].map((r) => r.cloneNode(true)));
    // …and an older instance of the extension left a badge of its own.
    const old = document.createElement('redline-badge');
    old.dataset.redlineOrder = orderId(0);
    document.querySelector('a')!.before(old);
    layer.apply(findOrderRows(document), view, document);
    expect(badges()).toHaveLength(3);
    expect(badges().every((b) => b.shadowRoot)).toBe(true);
    expect(new Set(badges().map((b) => b.dataset.redlineOrder)).size).toBe(3);
  });
});
