/**
 * The only Seller Central responses Redline reads: the page's own order, feedback, chargeback and
 * account-health JSON (seller-central.md), and the A-to-z claims list. Everything else the page
 * loads is left alone. lib/readers/detect.ts has a reader for each (test/unit/capture checks).
 */
export const CAPTURED_PATH_PREFIXES = [
  '/orders-api/search',
  '/orders-api/countOrders',
  '/orders-api/order/',
  '/fbmapi/v1/feedbacks',
  '/chargebacks/api/v1/chargebacks',
  '/performance/api/summary',
  '/gp/guarantee-claims/api/claims',
] as const;

export function isCapturedPath(pathname: string): boolean {
  return CAPTURED_PATH_PREFIXES.some((prefix) => pathname.startsWith(prefix));
}
