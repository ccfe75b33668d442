import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_MARKER, type BridgeCapture } from '../../../lib/capture/bridge-protocol';

const sent: { type: string; path: string; body: string }[] = [];

vi.mock('../../../lib/messaging/client', () => ({
  sendToBackground: vi.fn(async (message: { type: string; path: string; body: string }) => {
    sent.push(message);
    return { ok: true, orders: 1 };
  }),
}));

const { forwardCaptures } = await import('../../../lib/content/capture');

const ORDER = { amazonOrderId: '114-7941379-5480234', orderDate: 1636992286.776, buyerProxyEmail: 'x@marketplace.amazon.com', blob: 'OPAQUE' };
const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).buffer;
const capture = (path: string, body: BridgeCapture['body']): BridgeCapture => ({ path, status: 200, contentType: 'application/json', body, observedAt: 1 });
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('forwarding the page bridge captures', () => {
  let controller: AbortController;
  let idle: (() => void)[];
  let port: MessagePort;
  const runIdle = async () => {
    const callbacks = idle.splice(0);
    for (const callback of callbacks) callback();
    await tick();
  };

  beforeEach(() => {
    sent.length = 0;
    idle = [];
    controller = new AbortController();
    forwardCaptures(window, controller.signal, (callback) => {
      idle.push(callback);
      return () => idle.splice(idle.indexOf(callback), 1);
    });
    const channel = new MessageChannel();
    window.dispatchEvent(new MessageEvent('message', { data: { [BRIDGE_MARKER]: true }, source: window, ports: [channel.port2] }));
    port = channel.port1;
  });
  afterEach(() => {
    controller.abort();
    port.close();
  });

  const post = async (c: BridgeCapture) => {
    port.postMessage(c, typeof c.body === 'string' ? [] : [c.body]);
    await vi.waitFor(() => expect(idle.length).toBeGreaterThan(0));
  };

  it('sends nothing while the page is busy, then the body decoded and trimmed to what the readers read', async () => {
    await post(capture('/orders-api/search', bytes({ orders: [ORDER], total: 1 })));
    expect(sent).toEqual([]);
    await runIdle();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ type: 'captureResponse', path: '/orders-api/search', status: 200, observedAt: 1 });
    expect(JSON.parse(sent[0]!.body)).toEqual({ orders: [{ amazonOrderId: ORDER.amazonOrderId, orderDate: ORDER.orderDate }], total: 1 });
  });

  it('one capture per idle period, in the order they came; text bodies (XHR) too', async () => {
    await post(capture('/orders-api/search', bytes({ orders: [] })));
    port.postMessage(capture('/fbmapi/v1/feedbacks', '{"feedbacks":[]}'));
    await tick();
    await runIdle();
    expect(sent.map((m) => m.path)).toEqual(['/orders-api/search']);
    await runIdle();
    expect(sent.map((m) => [m.path, m.body])).toEqual([
      ['/orders-api/search', '{"orders":[]}'],
      ['/fbmapi/v1/feedbacks', '{"feedbacks":[]}'],
    ]);
  });

  it('passes the request’s paging on, and only that', async () => {
    await post({ ...capture('/fbmapi/v1/feedbacks', '{"feedbacks":[]}'), paging: { pageNumber: '0', pageSize: '20', lastEvaluatedKey: '' } });
    await runIdle();
    expect(sent[0]).toMatchObject({ path: '/fbmapi/v1/feedbacks', paging: { pageNumber: '0', pageSize: '20', lastEvaluatedKey: '' } });
  });

  it('drops what is still queued when the content script stops', async () => {
    await post(capture('/orders-api/search', bytes({ orders: [] })));
    controller.abort();
    await runIdle();
    expect(sent).toEqual([]);
  });

  it('ignores a second port and messages that are not captures', async () => {
    const forged = new MessageChannel();
    window.dispatchEvent(new MessageEvent('message', { data: { [BRIDGE_MARKER]: true }, source: window, ports: [forged.port2] }));
    forged.port1.postMessage(capture('/orders-api/search', '{"orders":[]}'));
    port.postMessage({ path: '/orders-api/search', body: 42 });
    await tick();
    await post(capture('/performance/api/summary', '{}')); // what the real port sends still arrives after them
    await runIdle();
    expect(sent.map((m) => m.path)).toEqual(['/performance/api/summary']);
    forged.port1.close();
  });
});
