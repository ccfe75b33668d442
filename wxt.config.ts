import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { SELLER_CENTRAL_MATCHES } from './lib/marketplaces';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Redline — Seller Account Health',
    description:
      "Shows how far each Amazon account-health metric is from its red line, when it will cross, and which orders put it at risk.",
    // storage: settings; unlimitedStorage: a year of orders in IndexedDB; alarms: deadlines change
    // the numbers without new data; notifications: status changes.
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'notifications'],
    host_permissions: SELLER_CENTRAL_MATCHES,
    browser_specific_settings: {
      gecko: { id: 'redline@redline-extension.org', strict_min_version: '115.0' },
    },
  },
});
