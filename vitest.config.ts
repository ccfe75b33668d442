import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests (toolchain.md): WXT's plugin gives the `@/` alias, auto-imports and a fake `browser`;
// happy-dom stands in for pages; fake-indexeddb for IndexedDB. The browser tests have their own
// config (vitest.e2e.config.ts) because they need plain Node and one file at a time.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    setupFiles: ['fake-indexeddb/auto'],
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx', 'lib/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**', '.output/**'],
  },
});
