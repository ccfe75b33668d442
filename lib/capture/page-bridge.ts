import { isCapturedPath } from './allow-list';
import { BRIDGE_MARKER, type BridgeCapture } from './bridge-protocol';
import { pagingOf } from './paging';

/**
 * Runs in the page's MAIN world at document_start, before Seller Central's own scripts. It wraps
 * `fetch` and `XMLHttpRequest` to observe the responses of allow-listed paths, and hands each
 * body to the isolated content script as it arrived (bytes, transferred: no decoding and no copy
 * here, on the page's main thread while it renders).
 *
 * Rules: the page receives exactly what it would without us (we read a clone, after the page's
 * own promise resolved); we add no request; we define nothing on `window` besides the two
 * wrapped functions; and a failure here is swallowed, never thrown into the page.
 */
export function installPageBridge(win: typeof globalThis & Window): void {
  const channel = new MessageChannel();
  const port = channel.port1;
  win.postMessage({ [BRIDGE_MARKER]: true }, win.location.origin, [channel.port2]);

  const forward = (url: string, status: number, contentType: string | null, body: ArrayBuffer | string) => {
    const parsed = new URL(url, win.location.href);
    const paging = pagingOf(parsed.searchParams);
    const capture: BridgeCapture = { path: parsed.pathname, status, contentType, body, observedAt: Date.now(), ...(paging ? { paging } : {}) };
    // Bytes are handed over, not copied; the content script decodes, trims and sends them when the page is idle.
    port.postMessage(capture, typeof body === 'string' ? [] : [body]);
  };
  const wanted = (url: string | URL | undefined): url is string | URL => {
    if (!url) return false;
    try {
      const parsed = new URL(String(url), win.location.href);
      return parsed.origin === win.location.origin && isCapturedPath(parsed.pathname);
    } catch {
      return false;
    }
  };

  // eslint-disable-next-line @typescript-eslint/unbound-method -- called with `apply` and the caller's own `this`, as the page would have
  const originalFetch = win.fetch;
  win.fetch = function fetch(this: unknown, ...args: Parameters<typeof originalFetch>) {
    const pending = originalFetch.apply(this, args);
    pending
      .then((response) => {
        if (!wanted(response.url)) return;
        const url = response.url;
        response
          .clone()
          .arrayBuffer()
          .then((body) => forward(url, response.status, response.headers.get('content-type'), body))
          .catch(() => {});
      })
      .catch(() => {});
    return pending;
  };

  const xhrUrls = new WeakMap<XMLHttpRequest, string>();
  const proto = win.XMLHttpRequest.prototype;
  // The originals are called with `apply` on the request they were called on, as the page would have.
  // eslint-disable-next-line @typescript-eslint/unbound-method -- see above: `apply(this, args)`
  const originalOpen = proto.open;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- see above: `apply(this, args)`
  const originalSend = proto.send;
  proto.open = function open(this: XMLHttpRequest, ...args: unknown[]) {
    try {
      const url = args[1];
      if (wanted(url as string)) xhrUrls.set(this, String(url));
    } catch {
      /* never break the page's request */
    }
    return (originalOpen as (...a: unknown[]) => void).apply(this, args);
  };
  proto.send = function send(this: XMLHttpRequest, ...args: Parameters<typeof originalSend>) {
    const url = xhrUrls.get(this);
    if (url) {
      this.addEventListener('loadend', () => {
        try {
          const type = this.responseType;
          const body = type === '' || type === 'text' ? this.responseText : type === 'json' ? JSON.stringify(this.response) : null;
          if (body !== null) forward(this.responseURL || url, this.status, this.getResponseHeader('content-type'), body);
        } catch {
          /* a response we cannot read is simply not captured */
        }
      });
    }
    return originalSend.apply(this, args);
  };
}
