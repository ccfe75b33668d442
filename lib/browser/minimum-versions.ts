/**
 * The oldest browser versions the manifests accept, and why.
 *
 * - The page bridge (entrypoints/page-bridge.content.ts) must run in the page's own JavaScript world
 *   to see Seller Central's `fetch` and XHR responses; it is declared as a manifest content script
 *   with `world: 'MAIN'`. Browsers older than Chrome 111 and Firefox 128 ignore the key and run it
 *   isolated, where it would wrap the content script's own `fetch` and capture nothing, silently
 *   (MDN browser-compat-data, webextensions.manifest.content_scripts.world, read 2026-12-02). Firefox
 *   honours the key in its Manifest V2 build too: the Firefox core flow captures through it
 *   (test/e2e/flows/core.ts).
 * - Firefox's manifest declares `data_collection_permissions: none`, which addons.mozilla.org asks of
 *   every new add-on; Firefox knows the key from 140 (`web-ext lint` warns below that; docs/firefox-lint.md).
 */
export const MINIMUM_VERSIONS = {
  chrome: 111, // content_scripts[].world
  firefox: 140, // browser_specific_settings.gecko.data_collection_permissions (world: 128)
} as const;

/** The manifest's minimum-version value for `browser` (WXT's target name; Edge is Chromium's). */
export function minimumVersion(browser: string): string {
  return browser === 'firefox' ? `${MINIMUM_VERSIONS.firefox}.0` : String(MINIMUM_VERSIONS.chrome);
}
