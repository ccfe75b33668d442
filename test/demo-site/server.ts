/**
 * The demo Seller Central as a request handler: given a method and URL on any Seller Central host, the
 * page shell, script or JSON that the real site would answer. Playwright routes requests here
 * (test/e2e/harness.ts); unit tests can call it directly.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chargebacksResponse,
  claimsResponse,
  countOrdersResponse,
  feedbackAggregatesResponse,
  feedbacksResponse,
  orderDetailResponse,
  searchResponse,
} from './api';
import { accountHealthPage, DEMO_LOCALES, type DemoLocale } from './account-health-page';
import { cancelOrder, confirmShipment, editShipment, parseForm } from './actions';
import { generateDemoSeller, type DemoSeller, type DemoSellerOptions } from './generate';

/** How a signed-out session answers the JSON endpoints (seller-central.md): all three are seen. */
export type SignedOutMode = 'html' | '401' | '403';

export interface DemoSiteOptions extends DemoSellerOptions {
  signedOut?: SignedOutMode | null;
  changedLayout?: boolean;
}

/**
 * `changedLayout`: the demo as if Amazon had changed its pages (invented changes, for "this page looks
 * different"): Account Health's row ids and the orders JSON's `amazonOrderId` are renamed.
 */
const CHANGED_IDS: [RegExp, string][] = [
  [/shipping-late-shipment-rate-row/g, 'ahd-shipping-late-shipment'],
  [/shipping-cancellation-rate-row/g, 'ahd-shipping-cancellation'],
  [/shipping-view-tracking-rate-row/g, 'ahd-shipping-valid-tracking'],
  [/unit-on-time-delivery-rate-row/g, 'ahd-shipping-on-time-delivery'],
  [/customer-satisfaction-content-rows-section/g, 'ahd-customer-service'],
  [/odr-breakdown-section/g, 'ahd-odr-parts'],
  [/ahd-numeric-ahr-indicator/g, 'ahd-rating'],
];

function renameOrderIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(renameOrderIds);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k === 'amazonOrderId' ? 'orderIdentifier' : k, renameOrderIds(v)]));
}

export interface DemoResponse {
  status: number;
  contentType: string;
  body: string;
}

/** Where the demo's pages are, by what they show. */
export const DEMO_PAGES = {
  home: '/home',
  unshipped: '/orders-v3/mfn/unshipped',
  shipped: '/orders-v3/mfn/shipped',
  pending: '/orders-v3/mfn/pending',
  canceled: '/orders-v3/mfn/canceled',
  fba: '/orders-v3/fba/all',
  orderDetail: (orderId: string) => `/orders-v3/order/${orderId}`,
  confirmShipment: (orderId: string) => `/orders-v3/order/${orderId}/confirm-shipment`,
  editShipment: (orderId: string) => `/orders-v3/order/${orderId}/edit-shipment`,
  buyShipping: (orderId: string) => `/orders-v3/order/${orderId}/buy-shipping`,
  cancelOrder: (orderId: string) => `/orders-v3/order/${orderId}/cancel`,
  accountHealth: '/performance/dashboard',
  feedback: '/feedback-manager/index.html',
  claims: '/gp/guarantee-claims/home.html',
  chargebacks: '/gp/chargebacks/home.html',
} as const;

/** Requests the demo pages make carry this header, so the harness can tell them from the extension's. */
export const DEMO_PAGE_REQUEST_HEADER = 'x-demo-page-request';

const ASSET_PREFIX = '/demo-assets/';
const ASSETS = [
  'common.js',
  'orders.js',
  'order-detail.js',
  'confirm-shipment.js',
  'cancel-order.js',
  'account-health.js',
  'feedback.js',
  'claims.js',
  'chargebacks.js',
  'style.css',
];

interface PageRoute {
  pattern: RegExp;
  title: string;
  script: string | null;
}

const PAGE_ROUTES: PageRoute[] = [
  { pattern: /^\/orders-v3(\/(mfn\/(unshipped|shipped|pending|canceled)|pending|fba\/all))?\/?$/, title: 'Manage Orders', script: 'orders.js' },
  { pattern: /^\/orders-v3\/order\/[\w-]+\/?$/, title: 'Order details', script: 'order-detail.js' },
  { pattern: /^\/orders-v3\/order\/[\w-]+\/(confirm-shipment|edit-shipment|buy-shipping)\/?$/, title: 'Confirm shipment', script: 'confirm-shipment.js' },
  { pattern: /^\/orders-v3\/order\/[\w-]+\/cancel\/?$/, title: 'Cancel order', script: 'cancel-order.js' },
  { pattern: /^\/performance\/(dashboard|account\/health)\/?$/, title: 'Account Health', script: 'account-health.js' },
  { pattern: /^\/feedback-manager\/index\.html$/, title: 'Feedback Manager', script: 'feedback.js' },
  { pattern: /^\/gp\/guarantee-claims\/home\.html$/, title: 'A-to-z Guarantee Claims', script: 'claims.js' },
  { pattern: /^\/gp\/chargebacks\/home\.html$/, title: 'Chargeback Claims', script: 'chargebacks.js' },
  { pattern: /^\/(home)?\/?$/, title: 'Home', script: null },
];

const HTML = 'text/html; charset=utf-8';
const JSON_TYPE = 'application/json;charset=UTF-8';

// A path, not a URL object: under happy-dom the global URL is not Node's, and fs rejects it.
const PAGES_DIR = join(dirname(fileURLToPath(import.meta.url)), 'pages');
const assetCache = new Map<string, string>();
function asset(name: string): string {
  let text = assetCache.get(name);
  if (text === undefined) {
    text = readFileSync(join(PAGES_DIR, name), 'utf8');
    assetCache.set(name, text);
  }
  return text;
}

const NAV: [string, string][] = [
  ['Orders', DEMO_PAGES.unshipped],
  ['Account Health', DEMO_PAGES.accountHealth],
  ['Feedback', DEMO_PAGES.feedback],
  ['A-to-z Claims', DEMO_PAGES.claims],
  ['Chargebacks', DEMO_PAGES.chargebacks],
];

function shell(title: string, body: string, script: string | null, lang: DemoLocale = 'en-US'): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${title} - Seller Central</title>
<link rel="stylesheet" href="${ASSET_PREFIX}style.css">
${script ? `<script type="module" src="${ASSET_PREFIX}${script}"></script>` : ''}
</head>
<body>
<header class="sc-header">
<div class="sc-logo">amazon <span>seller central</span></div>
<nav class="sc-nav">${NAV.map(([label, href]) => `<a href="${href}">${label}</a>`).join('')}</nav>
<div class="sc-account"><b>Demo Goods Store</b> | United States</div>
</header>
<main id="sc-content">${body}</main>
</body>
</html>`;
}

function homeBody(): string {
  const links = Object.values(DEMO_PAGES)
    .filter((href) => typeof href === 'string')
    .map((href) => `<li><a href="${href}">${href}</a></li>`)
    .join('');
  return `<h1>Demo Seller Central</h1><div class="card"><p>A made-up US seller for trying Redline. Nothing here is real.</p><ul>${links}</ul></div>`;
}

const SIGN_IN_PAGE = `<!doctype html>
<html lang="en-US"><head><meta charset="utf-8"><title>Amazon Sign-In</title></head>
<body><form name="signIn" method="post" action="/ap/signin"><h1>Sign in</h1>
<label>Email or mobile phone number <input type="email" name="email"></label>
<input type="submit" value="Continue"></form></body></html>`;

const json = (body: unknown, status = 200): DemoResponse => ({ status, contentType: JSON_TYPE, body: JSON.stringify(body) });
const notFound = (): DemoResponse => json({ message: 'Not Found' }, 404);

export class DemoSite {
  readonly seller: DemoSeller;
  /** Switchable at any time: the next API request answers as a signed-out session. */
  signedOut: SignedOutMode | null;
  /** Switchable at any time: pages and JSON as if Amazon had changed them (CHANGED_IDS above). */
  changedLayout: boolean;

  constructor(options: DemoSiteOptions = {}) {
    this.seller = generateDemoSeller(options);
    this.signedOut = options.signedOut ?? null;
    this.changedLayout = options.changedLayout ?? false;
  }

  /** `body`: a POST's text (the confirm-shipment and cancel forms send JSON). */
  respond(method: string, url: string | URL, body?: string): DemoResponse {
    const { pathname, searchParams } = new URL(url);
    if (pathname.startsWith(ASSET_PREFIX)) {
      const name = pathname.slice(ASSET_PREFIX.length);
      if (!ASSETS.includes(name)) return { status: 404, contentType: 'text/plain', body: 'Not Found' };
      return { status: 200, contentType: name.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8', body: asset(name) };
    }
    if (pathname === '/favicon.ico') return { status: 204, contentType: 'image/x-icon', body: '' };
    const api = this.api(method, pathname, searchParams, body);
    if (api) return this.signedOut ? this.signedOutResponse() : api;
    const page = PAGE_ROUTES.find((r) => r.pattern.test(pathname));
    if (page?.script === 'account-health.js') return this.accountHealth(searchParams);
    if (page) {
      const body = page.script ? '<p class="muted">Loading…</p>' : homeBody();
      return { status: 200, contentType: HTML, body: shell(page.title, body, page.script) };
    }
    return { status: 404, contentType: HTML, body: shell('Page not found', '<h1>Looking for something?</h1><p>The page was not found.</p>', null) };
  }

  /** The JSON endpoint for a path, or undefined when the path is not an endpoint. */
  private api(method: string, pathname: string, query: URLSearchParams, body?: string): DemoResponse | undefined {
    const s = this.seller;
    const action = /^\/orders-api\/order\/([\w-]+)\/(confirm-shipment|edit-shipment|cancel)$/.exec(pathname);
    if (action && method === 'POST') {
      const form = parseForm(body);
      const changed = { cancel: cancelOrder, 'confirm-shipment': confirmShipment, 'edit-shipment': editShipment }[action[2] as 'cancel'](s, action[1]!, form);
      return changed ? json(orderDetailResponse(s, action[1]!)) : notFound();
    }
    const orders = (body: unknown) => json(this.changedLayout ? renameOrderIds(body) : body);
    if (pathname === '/orders-api/search' && method === 'GET') return orders(searchResponse(s, query));
    if (pathname === '/orders-api/countOrders' && method === 'POST') return json(countOrdersResponse(s));
    const order = /^\/orders-api\/order\/([\w-]+)$/.exec(pathname);
    if (order && method === 'GET') {
      const body = orderDetailResponse(s, order[1]!);
      return body ? orders(body) : notFound();
    }
    if (pathname === '/fbmapi/v1/feedbacks' && method === 'GET') return json(feedbacksResponse(s, query));
    if (pathname === '/fbmapi/v1/aggregates' && method === 'GET') return json(feedbackAggregatesResponse(s));
    if (pathname === '/gp/guarantee-claims/api/claims' && method === 'GET') return json(claimsResponse(s));
    if (pathname === '/chargebacks/api/v1/chargebacks' && method === 'GET') return json(chargebacksResponse(s));
    if (pathname === '/performance/api/summary' && method === 'GET') return json(s.accountHealth);
    if (/^\/(orders-api|fbmapi|chargebacks\/api|performance\/api|gp\/guarantee-claims\/api)\//.test(pathname)) return notFound();
    return undefined;
  }

  /**
   * Account Health is rendered on the server, as Seller Central's AUI page is (account-health-page.ts).
   * `?locale=de-DE` / `ja-JP` stands in for the seller's choice of language (Seller Central's own switch is not modelled).
   */
  private accountHealth(query: URLSearchParams): DemoResponse {
    const asked = query.get('locale') as DemoLocale | null;
    const locale = asked && DEMO_LOCALES.includes(asked) ? asked : 'en-US';
    const page = accountHealthPage(this.seller.accountHealth, locale);
    const body = this.signedOut
      ? '<div class="notice" id="signed-out-notice">Your session has expired. <a href="/ap/signin">Sign in again</a></div>'
      : this.changedLayout
        ? CHANGED_IDS.reduce((html, [id, renamed]) => html.replace(id, renamed), page)
        : page;
    return { status: 200, contentType: HTML, body: shell('Account Health', body, 'account-health.js', locale) };
  }

  private signedOutResponse(): DemoResponse {
    switch (this.signedOut) {
      case '401':
        return { status: 401, contentType: 'text/plain', body: '' };
      case '403':
        return json({ reason: 'sign_in' }, 403);
      default:
        return { status: 200, contentType: HTML, body: SIGN_IN_PAGE };
    }
  }
}
