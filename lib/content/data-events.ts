/**
 * "The worker has new figures": fired in the content script when something it sent (a capture of
 * the page's JSON or DOM) has been stored and the reports recomputed, so overlays ask again
 * instead of polling. The worker answers a capture only after recomputing.
 */
const listeners = new Set<() => void>();

export function onDataChanged(listener: () => void, signal: AbortSignal): void {
  listeners.add(listener);
  signal.addEventListener('abort', () => listeners.delete(listener), { once: true });
}

export function notifyDataChanged(): void {
  for (const listener of [...listeners]) listener();
}
