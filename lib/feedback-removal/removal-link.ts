/**
 * Where the seller asks Amazon to remove a feedback: Feedback Manager's "Request removal" for the
 * order (Amazon accepts removal requests only there). No public capture shows a deep link, so this is
 * Feedback Manager with the order in its in-app route; the demo site serves the same route. Redline
 * only links: it never sends the request itself. Change it here when Amazon's real route is seen.
 */
const ORDER_ID = /^\d{3}-\d{7}-\d{7}$/;

export function feedbackRemovalPath(orderId: string): `/${string}` | null {
  return ORDER_ID.test(orderId) ? `/feedback-manager/index.html#/request-removal/${orderId}` : null;
}
