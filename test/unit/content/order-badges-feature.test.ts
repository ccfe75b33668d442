import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AtRiskOrder } from '../../../lib/metrics/report-schema';
import { risk } from '../ui/fixtures';
import { useLocale } from '../ui/messages';
import { orderId, renderOrdersTable } from './orders-page';

const asked: string[][] = [];
let atRisk = new Map<string, AtRiskOrder>();
let quietMarks = false;

vi.mock('../../../lib/messaging/client', () => ({
  sendToBackground: vi.fn(async (message: { type: string; orderIds?: string[] }) => {
    if (message.type === 'getOrderRisks') {
      asked.push(message.orderIds!);
      return message.orderIds!.flatMap((id) => (atRisk.has(id) ? [atRisk.get(id)!] : []));
    }
    if (message.type === 'getPageContext') return { showQuietMarks: quietMarks, reports: [] };
    throw new Error(`unexpected ${message.type}`);
  }),
}));

const { orderBadges, resetOrderBadges } = await import('../../../lib/content/badges/order-badges');
const { OrderRowScanner } = await import('../../../lib/content/badges/order-rows');
const { notifyDataChanged } = await import('../../../lib/content/data-events');

const ids = (n: number, from = 0) => Array.from({ length: n }, (_, i) => orderId(from + i));
const badges = () => [...document.querySelectorAll<HTMLElement>('redline-badge')];
const settle = async () => {
  for (let i = 0; i < 4; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => requestAnimationFrame(() => r(undefined)));
  }
};
const lateShipment = (id: string): AtRiskOrder => ({
  orderId: id,
  risks: [risk({ kind: 'lateShipment', metric: 'lsr.10d', deadline: Date.now() + 3 * 3_600_000 })],
});

describe('order badges feature on Manage Orders', () => {
  let controller: AbortController;

  beforeEach(() => {
    useLocale('en');
    resetOrderBadges();
    asked.length = 0;
    quietMarks = false;
    atRisk = new Map([orderId(1), orderId(4), orderId(17)].map((id) => [id, lateShipment(id)]));
    document.body.replaceChildren();
    (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL('https://sellercentral.amazon.com/orders-v3/mfn/unshipped');
    controller = new AbortController();
  });
  afterEach(() => controller.abort());

  it('badges the at-risk rows once the table renders, asking the worker once per order', async () => {
    const started = orderBadges.init(controller.signal);
    renderOrdersTable(document, ids(15)); // the table arrives after the page's JSON
    await started;
    await settle();
    expect(
      badges()
        .map((b) => b.dataset.redlineOrder)
        .sort(),
    ).toEqual([orderId(1), orderId(4)]);
    expect(asked.flat().sort()).toEqual(ids(15).sort());
  });

  it('follows pagination without duplicates and reuses the badge hosts coming back', async () => {
    renderOrdersTable(document, ids(15));
    await orderBadges.init(controller.signal);
    await settle();
    const first = badges();

    renderOrdersTable(document, ids(15, 15)); // page 2
    await settle();
    expect(badges().map((b) => b.dataset.redlineOrder)).toEqual([orderId(17)]);

    renderOrdersTable(document, ids(15)); // back to page 1
    await settle();
    expect(badges()).toHaveLength(2);
    expect(badges()).toEqual(expect.arrayContaining(first));
    expect(document.querySelectorAll(`redline-badge[data-redline-order="${orderId(1)}"]`)).toHaveLength(1);
    // page 1's orders were not asked about again
    expect(asked.flat().filter((id) => id === orderId(1))).toHaveLength(1);
  });

  it('asks again when the worker has new figures', async () => {
    renderOrdersTable(document, ids(15));
    await orderBadges.init(controller.signal);
    await settle();
    expect(badges()).toHaveLength(2);
    atRisk.set(orderId(9), lateShipment(orderId(9)));
    atRisk.delete(orderId(1));
    notifyDataChanged();
    await settle();
    expect(
      badges()
        .map((b) => b.dataset.redlineOrder)
        .sort(),
    ).toEqual([orderId(4), orderId(9)]);
  });

  it('shows quiet marks on safe rows when the seller asked for them', async () => {
    quietMarks = true;
    renderOrdersTable(document, ids(5));
    await orderBadges.init(controller.signal);
    await settle();
    expect(badges().map((b) => b.dataset.redlineRisk)).toEqual(['none', 'lateShipment', 'none', 'none', 'lateShipment']);
  });

  it('reads the rows once per change of the page: answers and fresh figures only redraw', async () => {
    const scans = vi.spyOn(OrderRowScanner.prototype, 'scan');
    try {
      renderOrdersTable(document, ids(15));
      await orderBadges.init(controller.signal);
      await settle();
      expect(badges()).toHaveLength(2);
      expect(scans).toHaveBeenCalledTimes(1); // the answer of the worker drew, without reading the rows again
      atRisk.set(orderId(9), lateShipment(orderId(9)));
      notifyDataChanged();
      await settle();
      expect(badges()).toHaveLength(3);
      expect(scans).toHaveBeenCalledTimes(1);
      // Several changes of the page in one frame: one scan.
      renderOrdersTable(document, ids(15, 15));
      renderOrdersTable(document, ids(15, 30));
      await settle();
      expect(scans).toHaveBeenCalledTimes(2);
      expect(badges().map((b) => b.dataset.redlineOrder)).toEqual([]);
    } finally {
      scans.mockRestore();
    }
  });

  it('asks about the rows on screen when new figures arrive while the page is re-rendering', async () => {
    renderOrdersTable(document, ids(15));
    await orderBadges.init(controller.signal);
    await settle();
    asked.length = 0;
    renderOrdersTable(document, ids(15, 15)); // not scanned yet when the figures arrive
    await Promise.resolve(); // the page's change is observed (a microtask), the next frame has not come
    notifyDataChanged();
    await settle();
    expect(asked.flat().sort()).toEqual(ids(15, 15).sort());
  });

  it('takes its badges off when the page is left', async () => {
    renderOrdersTable(document, ids(5));
    await orderBadges.init(controller.signal);
    await settle();
    expect(badges()).toHaveLength(2);
    controller.abort();
    await settle();
    expect(badges()).toHaveLength(0);
  });
});
