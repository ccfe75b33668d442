/**
 * Hands what the page bridge observed to the worker, at a moment the page does not need its main
 * thread: captures are queued as they arrive and sent one per idle period (`requestIdleCallback`,
 * at the latest IDLE_TIMEOUT_MS later), each decoded and trimmed to the fields the readers read
 * (lib/capture/trim.ts) first. Serialising the whole 276 kB search answer in `runtime.sendMessage`
 * cost ~20 ms of the page's main thread, in the middle of its own rendering.
 */
import { listenToPageBridge } from '../capture/bridge-listener';
import type { BridgeCapture } from '../capture/bridge-protocol';
import { trimCapturedBody } from '../capture/trim';
import { sendToBackground } from '../messaging/client';
import { reportFeatureError } from './features';

/** A capture waits at most this long for the page to be idle. */
export const IDLE_TIMEOUT_MS = 1000;

type Idle = (callback: () => void) => () => void;

/** `requestIdleCallback` where there is one (Chromium, Firefox), else the next task. */
const whenIdle: Idle = (callback) => {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(callback, { timeout: IDLE_TIMEOUT_MS });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(callback, 0);
  return () => clearTimeout(id);
};

/** The text of a body: fetch bodies arrive as bytes (always UTF-8 for JSON, as `Response.text()` decodes). */
function bodyText(body: BridgeCapture['body']): string {
  return typeof body === 'string' ? body : new TextDecoder().decode(body);
}

/**
 * Forwards every capture of the page bridge until `signal` aborts. The worker answers once the data
 * is written; its `reportsChanged` broadcast, not this answer, says when there are new figures.
 */
export function forwardCaptures(win: Window, signal: AbortSignal, idle: Idle = whenIdle): void {
  const queue: BridgeCapture[] = [];
  let cancel: (() => void) | undefined;
  const sendNext = () => {
    cancel = undefined;
    const capture = queue.shift();
    if (!capture || signal.aborted) return;
    try {
      const { path, status, contentType, observedAt, paging } = capture;
      const body = trimCapturedBody(path, bodyText(capture.body));
      sendToBackground({ type: 'captureResponse', path, status, contentType, body, observedAt, ...(paging ? { paging } : {}) }).catch((error) =>
        reportFeatureError('capture', error),
      );
    } catch (error) {
      reportFeatureError('capture', error);
    }
    if (queue.length) cancel = idle(sendNext);
  };
  listenToPageBridge(
    win,
    (capture) => {
      queue.push(capture);
      cancel ??= idle(sendNext);
    },
    signal,
  );
  signal.addEventListener('abort', () => {
    cancel?.();
    queue.length = 0;
  });
}
