// Before any module that builds a zod schema (lib/zod-jitless.ts).
import '@/lib/zod-jitless';
import { SELLER_CENTRAL_MATCHES } from '@/lib/marketplaces';
import { startContentScript } from '@/lib/content/main';

export default defineContentScript({
  matches: SELLER_CENTRAL_MATCHES,
  // document_start: the listener for the page bridge's port must exist before the page's scripts run.
  runAt: 'document_start',
  main(ctx) {
    startContentScript({
      signal: ctx.signal,
      onLocationChange: (listener) => ctx.addEventListener(window, 'wxt:locationchange', listener),
    });
  },
});
