/**
 * HTML where data was expected. A signed-out or expired session answers Seller Central's JSON
 * endpoints with the Amazon sign-in page (seller-central.md); any other HTML page (e.g. the
 * 2011-2013 Seller Central layout) is simply not a format Redline reads.
 */

export function looksLikeHtml(text: string): boolean {
  const head = text.trimStart().slice(0, 2048).toLowerCase();
  // Pages saved with their HTTP response head (`HTTP/1.1 200 OK` …) count as HTML too.
  return head.startsWith('<') || (head.startsWith('http/1.') && head.includes('<html'));
}

/**
 * Markers of Amazon's sign-in page: its form posts to `/ap/signin` with fields `ap_email` /
 * `ap_password`; the form is named `signIn`. A Seller Central page's own "sign out" link
 * (`/gp/sign-in/logout.html`) does not match.
 */
const SIGN_IN_MARKERS = [
  /\/ap\/signin\b/i,
  /\bid\s*=\s*["']?ap_(?:email|password)\b/i,
  /<form[^>]*\bname\s*=\s*["']?signIn\b/i,
  /<title[^>]*>\s*Amazon Sign[- ]?In\s*</i,
];

export function isSignInPage(text: string): boolean {
  return SIGN_IN_MARKERS.some((marker) => marker.test(text));
}

/** `{"reason":"sign_in"}`, the 403 body of an expired session. */
export function isSignInJson(value: unknown): boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const reason = (value as Record<string, unknown>).reason;
  return typeof reason === 'string' && /^sign[_-]?in$/i.test(reason);
}
