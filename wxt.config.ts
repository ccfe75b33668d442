import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { SELLER_CENTRAL_MATCHES } from './lib/marketplaces';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    // Localised from public/_locales/<lang>/messages.json (English is the fallback).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: settings; unlimitedStorage: a year of orders in IndexedDB; alarms: deadlines change
    // the numbers without new data; notifications: status changes.
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'notifications'],
    host_permissions: SELLER_CENTRAL_MATCHES,
    browser_specific_settings: {
      gecko: { id: 'redline@redline-extension.org', strict_min_version: '115.0' },
    },
  },
});
