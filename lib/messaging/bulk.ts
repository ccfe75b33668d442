import browser from 'webextension-polyfill';
import { backgroundKind, isServiceWorkerScope } from '../browser/background-kind';
import { unwrap, type ResponseMap } from './client';
import type { MessageOf, MessageType } from './protocol';
import type { SenderInfo } from './sender';

/**
 * Big messages from our own pages to the worker: an import's records, read from files of tens of megabytes.
 * `runtime.sendMessage` serialises a message to JSON and copies it through the browser process: a
 * 19 MB export took 2.1 s to arrive, longer than reading and storing its 50,000 orders. A service
 * worker's `postMessage` clones it (structured clone: a string is copied as bytes). The answer comes
 * back on a MessageChannel; a runtime port opened alongside tells the page when the worker stops
 * before answering, which `sendMessage` reports by itself. Firefox's background is a page, not a
 * service worker: `sendMessage` there (lib/browser/background-kind.ts tells which).
 *
 * Only pages of the extension's own origin can post to its service worker (content scripts run in
 * the web page's origin), and the worker routes the message as any other (validated, sender checked).
 */
const ALIVE_PORT = 'redline-bulk';

/** The failure `sendMessage` gives when the worker stops before it answers (lib/ui/problem.ts knows it). */
const STOPPED = 'The message port closed before a response was received (the background worker stopped).';

/** `sendToBackground` for a message of megabytes, from our own pages. */
export async function sendBulkToBackground<T extends MessageType>(message: MessageOf<T>): Promise<ResponseMap[T]> {
  return unwrap<T>(await sendBulk(message));
}

async function sendBulk(message: unknown): Promise<unknown> {
  if (backgroundKind() !== 'service-worker') return browser.runtime.sendMessage(message);
  // Not active yet (installing, updating): sendMessage wakes it and waits.
  const worker = (await navigator.serviceWorker.getRegistration())?.active;
  if (!worker) return browser.runtime.sendMessage(message);
  return new Promise((resolve, reject) => {
    const alive = browser.runtime.connect({ name: ALIVE_PORT });
    const channel = new MessageChannel();
    const settle = () => {
      alive.onDisconnect.removeListener(stopped);
      alive.disconnect();
      channel.port1.close();
    };
    const stopped = () => {
      settle();
      reject(new Error(STOPPED));
    };
    alive.onDisconnect.addListener(stopped);
    channel.port1.onmessage = (event) => {
      settle();
      resolve(event.data);
    };
    worker.postMessage(message, [channel.port2]);
  });
}

/** The parts of the worker's `message` event the listener reads. */
interface BulkEvent {
  data: unknown;
  ports: readonly MessagePort[];
  source: { url?: string } | null;
  waitUntil(promise: Promise<unknown>): void;
}

/** In the worker: answers `sendBulk` with `answer`, as `runtime.onMessage` answers `sendMessage`. */
export function answerBulk(answer: (message: unknown, sender: SenderInfo) => Promise<unknown>): void {
  // The page's liveness port: a listener keeps it open until the page closes it or this worker stops.
  browser.runtime.onConnect.addListener(() => {});
  const scope: unknown = globalThis;
  if (!isServiceWorkerScope(scope)) return; // a background page (Firefox): everything comes by onMessage
  scope.addEventListener('message', (event: BulkEvent) => {
    const reply = event.ports[0];
    if (!reply) return;
    const sender: SenderInfo = { id: browser.runtime.id, ...(event.source?.url ? { url: event.source.url } : {}) };
    event.waitUntil(answer(event.data, sender).then((envelope) => reply.postMessage(envelope)));
  });
}
