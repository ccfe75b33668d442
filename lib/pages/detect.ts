import { isSellerCentralHost } from '../marketplaces';

/**
 * Which Seller Central page a URL is, as pure functions of the URL (github-url-detection style).
 * Each detector lists example paths beside it; test/unit/pages/detect.test.ts checks that every
 * example matches its own detector and no other, on every marketplace host.
 */

export type PageKind =
  'manageOrders' | 'orderDetail' | 'accountHealth' | 'feedbackManager' | 'claims' | 'chargebacks' | 'confirmShipment' | 'buyShipping' | 'cancelOrder';

interface Detector {
  kind: PageKind;
  test: (path: string) => boolean;
  examples: string[];
}

export const PAGE_DETECTORS: readonly Detector[] = [
  {
    kind: 'orderDetail',
    test: (p) => /^\/orders-v3\/order\/[^/]+\/?$/.test(p),
    examples: ['/orders-v3/order/114-7941379-5480234', '/orders-v3/order/114-7941379-5480234/'],
  },
  {
    kind: 'confirmShipment',
    // `edit-shipment` is "Re-confirm Shipment" on a shipped order (a 2024–2025 extension opens both).
    test: (p) => /^\/orders-v3\/order\/[^/]+\/(confirm|edit)-shipment\/?$/.test(p),
    examples: [
      '/orders-v3/order/114-7941379-5480234/confirm-shipment',
      '/orders-v3/order/114-7941379-5480234/confirm-shipment/',
      '/orders-v3/order/114-7941379-5480234/edit-shipment',
    ],
  },
  {
    kind: 'buyShipping',
    // Buy Shipping lives under the order (2025–2026) and, in older flows, under /orders-st/buyshipping.
    test: (p) => /^\/orders-v3\/order\/[^/]+\/buy-shipping\/?$/.test(p) || /^\/orders-st\/buyshipping\/?$/.test(p),
    examples: ['/orders-v3/order/114-7941379-5480234/buy-shipping', '/orders-st/buyshipping'],
  },
  {
    kind: 'cancelOrder',
    test: (p) => /^\/orders-v3\/order\/[^/]+\/cancel(-order)?\/?$/.test(p),
    examples: ['/orders-v3/order/114-7941379-5480234/cancel', '/orders-v3/order/114-7941379-5480234/cancel-order'],
  },
  {
    kind: 'manageOrders',
    // Tabs nest on some marketplaces (amazon.in 2026: `/mfn/unshipped/selfship`, `/mfn/shipped/easyship/handover-done`).
    test: (p) => /^\/orders-v3(\/(mfn|fba|pending|search)(\/[a-z-]+){0,3})?\/?$/.test(p),
    examples: [
      '/orders-v3',
      '/orders-v3/',
      '/orders-v3/mfn/unshipped',
      '/orders-v3/mfn/shipped',
      '/orders-v3/pending',
      '/orders-v3/fba/all',
      '/orders-v3/search',
      '/orders-v3/mfn/unshipped/selfship',
      '/orders-v3/mfn/shipped/easyship/handover-done',
      '/orders-v3/mfn/invoice-missing',
    ],
  },
  {
    kind: 'accountHealth',
    test: (p) => /^\/performance\/(dashboard|account\/health)\/?$/.test(p),
    examples: ['/performance/dashboard', '/performance/account/health'],
  },
  {
    kind: 'feedbackManager',
    test: (p) => /^\/feedback-manager(\/index\.html)?\/?$/.test(p),
    examples: ['/feedback-manager/index.html', '/feedback-manager'],
  },
  {
    kind: 'claims',
    test: (p) => /^\/gp\/guarantee-claims\/home\.html$/.test(p),
    examples: ['/gp/guarantee-claims/home.html'],
  },
  {
    kind: 'chargebacks',
    test: (p) => /^\/gp\/chargebacks\/home\.html$/.test(p),
    examples: ['/gp/chargebacks/home.html'],
  },
];

/** Paths on Seller Central hosts that are none of the pages above. */
export const NOT_A_KNOWN_PAGE = [
  '/',
  '/home',
  '/orders-v3/order',
  '/performance/notifications',
  '/inventory',
  '/gp/homepage.html',
  '/orders-api/search',
  '/orders-api/order/114-7941379-5480234/confirm-shipment',
  '/orders-v3/order/114-7941379-5480234/refund',
];

/** The page a URL shows, or undefined when it is not a Seller Central page Redline reads. */
function parseUrl(url: string | URL): URL | undefined {
  try {
    return new URL(String(url));
  } catch {
    return undefined;
  }
}

export function detectPage(url: string | URL): PageKind | undefined {
  const parsed = parseUrl(url);
  if (!parsed) return undefined;
  if (parsed.protocol !== 'https:' || !isSellerCentralHost(parsed.host)) return undefined;
  return PAGE_DETECTORS.find((d) => d.test(parsed.pathname))?.kind;
}

/** The order id in a confirm-shipment, buy-shipping or cancel page's path (`/orders-v3/order/{id}/…`), or in `?orderId=`. */
export function orderIdOfPage(url: string | URL): string | undefined {
  const parsed = parseUrl(url);
  if (!parsed) return undefined;
  const inPath = /^\/orders-v3\/order\/(\d{3}-\d{7}-\d{7})(?:\/|$)/.exec(parsed.pathname)?.[1];
  const inQuery = parsed.searchParams.get('orderId') ?? undefined;
  return inPath ?? (inQuery && /^\d{3}-\d{7}-\d{7}$/.test(inQuery) ? inQuery : undefined);
}
