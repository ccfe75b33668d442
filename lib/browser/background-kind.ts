import browser from 'webextension-polyfill';

/**
 * What the extension's background is. Chrome's Manifest V3 build runs it as a service worker (stops
 * when idle, receives `postMessage` from the extension's pages as `message` events); Firefox's
 * Manifest V2 build runs it as a background page (`background.scripts`; persistent, as Firefox 153
 * reports), which has no such channel: there, everything goes by `runtime.sendMessage`.
 */
export type BackgroundKind = 'service-worker' | 'page';

export function backgroundKind(manifest: { background?: { service_worker?: unknown; scripts?: unknown } } = browser.runtime.getManifest()): BackgroundKind {
  // Firefox answers its normalised manifest, where every key is present: `service_worker: null` there.
  return typeof manifest.background?.service_worker === 'string' ? 'service-worker' : 'page';
}

/** A service worker's global scope, as far as the bulk channel uses it (lib/messaging/bulk.ts). */
export interface ServiceWorkerScope {
  registration: unknown;
  addEventListener(type: 'message', listener: (event: never) => void): void;
}

/** Whether `scope` is a service worker's global scope (the background of the Chrome build). */
export function isServiceWorkerScope(scope: unknown = globalThis): scope is ServiceWorkerScope {
  const s = scope as Partial<ServiceWorkerScope> | null;
  return !!s && s.registration !== undefined && typeof s.addEventListener === 'function';
}
