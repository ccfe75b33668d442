import { SELLER_CENTRAL_MATCHES } from '@/lib/marketplaces';
import { installPageBridge } from '@/lib/capture/page-bridge';

// The page's MAIN world, before Seller Central's own scripts: observes their JSON responses.
export default defineContentScript({
  matches: SELLER_CENTRAL_MATCHES,
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    try {
      installPageBridge(window);
    } catch {
      // Never let Redline break the page.
    }
  },
});
