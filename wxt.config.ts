import { readFileSync } from 'node:fs';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { privacyPage } from './lib/build/privacy-page';
import { zodWithoutJsonSchema } from './lib/build/zod-without-json-schema';
import { minimumVersion } from './lib/browser/minimum-versions';
import { SELLER_CENTRAL_MATCHES } from './lib/marketplaces';

const EXTENSION_PAGES_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // zodWithoutJsonSchema: zod's JSON-schema code, unused, is 1/4 of zod in every bundle (docs/performance.md).
  vite: () => ({ plugins: [preact(), zodWithoutJsonSchema()] }),
  // `npm run zip` (README, "Store packages"): redline-<version>-chrome.zip, -firefox.zip, and the
  // sources addons.mozilla.org asks for, which hold what builds the add-on and nothing else (WXT
  // already leaves out node_modules, dot files, *.test.ts and .output). bundle.e2e.ts rebuilds from it.
  hooks: {
    // The privacy policy inside the extension, from the one PRIVACY.md (the options page links to it).
    'build:publicAssets': (wxt, files) => {
      files.push({ relativeDest: 'privacy.html', contents: privacyPage(readFileSync(`${wxt.config.root}/PRIVACY.md`, 'utf8')) });
    },
  },
  zip: {
    excludeSources: [
      'test/**',
      'scripts/**',
      'eslint.config.js',
      'knip.jsonc',
      'docs/images/**',
      'vitest*.config.ts',
      'demo-output/**',
      'bench-output/**',
      'test-results/**',
      '**/*.log',
    ],
  },
  manifest: ({ browser }) => ({
    // Localised from public/_locales/<lang>/messages.json (English is the fallback).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: settings; unlimitedStorage: a year of orders in IndexedDB; alarms: deadlines change
    // the numbers without new data; notifications: status changes.
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'notifications'],
    host_permissions: SELLER_CENTRAL_MATCHES,
    // As strict as the extension's pages and worker allow: our own scripts and styles only, no eval
    // (zod runs jitless), no plugins, no network at all, no framing (docs/reliability.md).
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
    // The oldest browsers that run the page bridge in the page's world, and more (lib/browser/minimum-versions.ts).
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'redline@redline-extension.org',
              strict_min_version: minimumVersion(browser),
              // Nothing is collected or sent anywhere (PRIVACY.md): what AMO asks every add-on to declare.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : { minimum_chrome_version: minimumVersion(browser) }),
  }),
});
