/**
 * Readers of what Seller Central's own pages receive, by endpoint: the worker reads captures with
 * these alone. The formats of imported files (lib/readers/detect.ts) are read on the options page.
 */
import type { ReadResult } from '../model';
import type { PageKind } from '../pages/detect';
import { readChargebacksApi } from './chargebacks-api';
import { readClaimsApi } from './claims-api';
import { readCountOrders } from './count-orders';
import { readFeedbacksApi } from './feedbacks-api';
import { looksLikeHtml } from './html';
import { readOrdersApiOrder, readOrdersApiSearch } from './orders-api';
import { readPerformanceSummary } from './performance-summary';
import { notRecognized, type ReadContext, type Reader } from './result';

/**
 * The endpoints whose responses the page bridge may hand over (seller-central.md), and their readers.
 * Nothing else is read: an allow-list, not a pattern.
 */
const ENDPOINTS: { matches: (path: string) => boolean; reader: Reader; page: PageKind }[] = [
  { matches: (p) => p === '/orders-api/search', reader: readOrdersApiSearch, page: 'manageOrders' },
  { matches: (p) => p === '/orders-api/countOrders', reader: readCountOrders, page: 'manageOrders' },
  { matches: (p) => /^\/orders-api\/order\/[^/]+$/.test(p), reader: readOrdersApiOrder, page: 'orderDetail' },
  { matches: (p) => p === '/fbmapi/v1/feedbacks', reader: readFeedbacksApi, page: 'feedbackManager' },
  { matches: (p) => p === '/chargebacks/api/v1/chargebacks', reader: readChargebacksApi, page: 'chargebacks' },
  { matches: (p) => p === '/performance/api/summary', reader: readPerformanceSummary, page: 'accountHealth' },
  { matches: (p) => p === '/gp/guarantee-claims/api/claims', reader: readClaimsApi, page: 'claims' },
];

/** `/orders-api/search?limit=15` or a full URL → `/orders-api/search`. */
function pathOf(pathOrUrl: string): string {
  const path = /^https?:\/\//i.test(pathOrUrl) ? new URL(pathOrUrl).pathname : pathOrUrl.split(/[?#]/, 1)[0]!;
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

export function isCapturedEndpoint(pathOrUrl: string): boolean {
  return ENDPOINTS.some((e) => e.matches(pathOf(pathOrUrl)));
}

/** The Seller Central page whose JSON an endpoint is (for "this page looks different"). */
export function endpointPage(pathOrUrl: string): PageKind | undefined {
  return ENDPOINTS.find((e) => e.matches(pathOf(pathOrUrl)))?.page;
}

/**
 * A response the page itself received, by endpoint. 401, 403 or an HTML body where JSON was
 * expected means the session had expired (seller-central.md): "signed out", never "zero orders".
 */
export function readResponse(path: string, status: number, contentType: string | null, body: string, ctx: ReadContext): ReadResult {
  try {
    const endpoint = ENDPOINTS.find((e) => e.matches(pathOf(path)));
    if (!endpoint) return notRecognized('unknownFormat', `${pathOf(path).slice(0, 100)} is not an endpoint Redline reads`);
    if (status === 401 || status === 403) return notRecognized('signedOut', `HTTP ${status}: the session had expired`);
    if (/html/i.test(contentType ?? '') || looksLikeHtml(body)) {
      return notRecognized('signedOut', 'an HTML page where JSON was expected: the session had expired');
    }
    if (status < 200 || status > 299) return notRecognized('invalid', `HTTP ${status}`);
    return endpoint.reader(body, ctx);
  } catch (error) {
    return notRecognized('invalid', `response: internal error: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300));
  }
}
