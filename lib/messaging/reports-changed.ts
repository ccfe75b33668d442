import browser from 'webextension-polyfill';

/**
 * The worker's one message to everyone else: "the reports were recomputed". A capture is answered
 * once it is written; the report follows a moment later, and overlays and our pages ask again when
 * this arrives instead of polling. It carries nothing: listeners fetch what they show.
 */
export const REPORTS_CHANGED = 'reportsChanged';

export const isReportsChanged = (message: unknown): boolean =>
  typeof message === 'object' && message !== null && (message as { type?: unknown }).type === REPORTS_CHANGED;

/** Sent to the tabs matching `matches` (our content scripts) and to our open pages (popup, options). */
export async function broadcastReportsChanged(matches: string[]): Promise<void> {
  const message = { type: REPORTS_CHANGED };
  const tabs = await browser.tabs.query({ url: matches });
  // A tab opened before the extension was installed has no content script to answer: not an error.
  const toTabs = tabs.map((tab) => (tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, message).catch(() => {})));
  // With no page of ours open, Chromium rejects ("Receiving end does not exist"): nobody to tell.
  await Promise.all([...toTabs, browser.runtime.sendMessage(message).catch(() => {})]);
}

/** Calls `listener` on every broadcast until `signal` aborts. Answers nothing, so other listeners are unaffected. */
export function onReportsChanged(listener: () => void, signal?: AbortSignal): void {
  const handle = (message: unknown) => {
    if (isReportsChanged(message)) listener();
  };
  browser.runtime.onMessage.addListener(handle);
  signal?.addEventListener('abort', () => browser.runtime.onMessage.removeListener(handle), { once: true });
}
