import type { PopupState } from './Popup';

/**
 * The popup's last answer from the worker, kept in the extension's own localStorage (synchronous,
 * readable before the worker is even awake) so the next popup paints the seller's figures at once,
 * marked as being brought up to date, instead of a blank box for the worker's round trip (the worker
 * may be stopped, or busy with what-ifs). The live answer replaces it as soon as it arrives.
 *
 * Same origin as the IndexedDB data, nothing leaves the browser. Kept only for the build that wrote
 * it (a new version may shape the state differently), and forgotten when the seller deletes their
 * data (options page) or the worker answers that there is none.
 */
const KEY = 'redline:popup-last';
/** A seller with thousands of at-risk orders: parsing a bigger copy would cost more than it saves. */
const MAX_CHARS = 512 * 1024;

export interface Remembered {
  state: PopupState;
  /** When the worker gave this answer (ms epoch). */
  at: number;
}

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // storage disabled
  }
}

function buildVersion(): string {
  const g = globalThis as { chrome?: { runtime?: { getManifest?(): { version?: string } } } };
  try {
    return g.chrome?.runtime?.getManifest?.().version ?? '';
  } catch {
    return '';
  }
}

/** The last answer, when there is one from this build with a report to show; null otherwise. */
export function rememberedState(): Remembered | null {
  try {
    const text = storage()?.getItem(KEY);
    if (!text) return null;
    const kept = JSON.parse(text) as { version?: unknown; at?: unknown; state?: PopupState };
    const state = kept.state;
    if (kept.version !== buildVersion() || typeof kept.at !== 'number' || !state?.report || !Array.isArray(state.scopes)) return null;
    return { state, at: kept.at };
  } catch {
    return null;
  }
}

/** Keeps an answer with a report for the next popup; an answer without one (no data, deleted) forgets. */
export function remember(state: PopupState, at: number): void {
  const store = storage();
  if (!store) return;
  try {
    if (!state.report) {
      store.removeItem(KEY);
      return;
    }
    const text = JSON.stringify({ version: buildVersion(), at, state });
    if (text.length > MAX_CHARS) store.removeItem(KEY);
    else store.setItem(KEY, text);
  } catch {
    // Quota or serialisation: the next popup waits for the worker, as before.
    forgetRemembered();
  }
}

/** After "delete all data": no figure of the deleted data may show again, not even for a moment. */
export function forgetRemembered(): void {
  try {
    storage()?.removeItem(KEY);
  } catch {
    // nothing kept
  }
}
