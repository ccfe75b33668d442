import { z } from 'zod';
import { SELLER_CENTRAL_MATCHES } from '@/lib/marketplaces';
import { startContentScript } from '@/lib/content/main';

export default defineContentScript({
  matches: SELLER_CENTRAL_MATCHES,
  // document_start: the listener for the page bridge's port must exist before the page's scripts run.
  runAt: 'document_start',
  main(ctx) {
    z.config({ jitless: true });
    startContentScript({
      signal: ctx.signal,
      onLocationChange: (listener) => ctx.addEventListener(window, 'wxt:locationchange', listener),
    });
  },
});
