import { SELLER_CENTRAL_MATCHES } from '@/lib/marketplaces';

export default defineContentScript({
  matches: SELLER_CENTRAL_MATCHES,
  main() {},
});
