/**
 * The page bridge (entrypoints/page-bridge.content.ts) must run in the page's own JavaScript world to
 * see Seller Central's `fetch` and XHR responses; it is declared as a manifest content script with
 * `world: 'MAIN'`. Browsers older than these ignore the key and run it isolated, where it would wrap
 * the content script's own `fetch` and capture nothing, silently. So the manifest refuses them:
 * Chrome 111 and Firefox 128 (MDN browser-compat-data, webextensions.manifest.content_scripts.world,
 * read 2026-12-02). Firefox honours the key in its Manifest V2 build too: the Firefox end-to-end test
 * captures through it (test/e2e/flows/core.ts).
 */
export const MAIN_WORLD_SINCE = { chrome: 111, firefox: 128 } as const;

/** The manifest's minimum-version value for `browser` (WXT's target name): Firefox's is `strict_min_version`. */
export function minimumVersion(browser: string): string {
  return browser === 'firefox' ? `${MAIN_WORLD_SINCE.firefox}.0` : String(MAIN_WORLD_SINCE.chrome);
}
