import type { PageKind } from '../pages/detect';

/**
 * One capability of the content script (refined-github style): the pages it applies to and an
 * `init` that gets an AbortSignal, aborted when the seller navigates away inside the single-page app.
 */
export interface Feature {
  name: string;
  pages: readonly PageKind[];
  init: (signal: AbortSignal) => void | Promise<void>;
}

/** Errors that only mean "the extension was reloaded or updated under this tab": not worth a log line. */
function isContextInvalidated(error: unknown): boolean {
  return error instanceof Error && /Extension context invalidated|Receiving end does not exist/.test(error.message);
}

const loggedStacks = new Set<string>();

/** Logs a feature's failure once per stack, with the feature's name; never throws into the page. */
export function reportFeatureError(feature: string, error: unknown): void {
  if (isContextInvalidated(error)) return;
  const key = error instanceof Error ? (error.stack ?? error.message) : String(error);
  if (loggedStacks.has(key)) return;
  loggedStacks.add(key);
  console.warn(`Redline: ${feature} failed`, error);
}

/**
 * Starts the features that apply to `page`, each isolated: one that throws or rejects never stops
 * the others, and none of it reaches the page's own error handlers.
 */
export function runFeatures(features: readonly Feature[], page: PageKind | undefined, signal: AbortSignal): void {
  if (!page) return;
  for (const feature of features) {
    if (!feature.pages.includes(page)) continue;
    try {
      Promise.resolve(feature.init(signal)).catch((error) => reportFeatureError(feature.name, error));
    } catch (error) {
      reportFeatureError(feature.name, error);
    }
  }
}
