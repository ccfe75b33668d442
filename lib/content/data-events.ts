/**
 * "The worker has new figures": fired in the content script when the worker broadcasts
 * `reportsChanged` (lib/messaging/reports-changed.ts; main.ts listens), so overlays ask again
 * instead of polling. The answer to a capture says only that it was written: the reports are
 * recomputed after it, and the broadcast follows.
 */
const listeners = new Set<() => void>();

export function onDataChanged(listener: () => void, signal: AbortSignal): void {
  listeners.add(listener);
  signal.addEventListener('abort', () => listeners.delete(listener), { once: true });
}

export function notifyDataChanged(): void {
  for (const listener of [...listeners]) listener();
}
