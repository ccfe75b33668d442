// Shared by the demo Seller Central pages: fetching the page's JSON the way the real pages do, and
// building DOM from data as text (never innerHTML), so the extension meets the same shapes as on Amazon.
export const TIME_ZONE = 'America/Los_Angeles';
export const LANG = document.documentElement.lang || 'en-US';

const dateFormat = new Intl.DateTimeFormat(LANG, { timeZone: TIME_ZONE, month: 'short', day: 'numeric', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat(LANG, {
  timeZone: TIME_ZONE,
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
});
const percentFormat = new Intl.NumberFormat(LANG, { style: 'percent', maximumFractionDigits: 2 });
const moneyFormat = new Intl.NumberFormat(LANG, { style: 'currency', currency: 'USD' });

/** Dates arrive as epoch seconds (orders-api), epoch ms (fbmapi) or ISO strings (claims, chargebacks). */
function toDate(value, unit) {
  if (value == null) return null;
  if (typeof value === 'string') return new Date(value);
  return new Date(unit === 'ms' ? value : value * 1000);
}
export const formatDate = (value, unit) => (value == null ? '—' : dateFormat.format(toDate(value, unit)));
export const formatDateTime = (value, unit) => (value == null ? '—' : dateTimeFormat.format(toDate(value, unit)));
export const formatPercent = (rate) => percentFormat.format(rate);
export const formatMoney = (m) => (m ? moneyFormat.format(m.Amount) : '—');

export class SignedOutError extends Error {}

/** GET (or POST) one of the page's own endpoints. A sign-in page, 401 or 403 means the session is gone. */
export async function getJson(path, init = {}) {
  const response = await fetch(path, {
    credentials: 'same-origin',
    ...init,
    // Marks requests made by the demo pages themselves; the harness treats any other request as the extension's.
    headers: { accept: 'application/json', 'x-demo-page-request': '1', ...(init.headers || {}) },
  });
  const type = response.headers.get('content-type') || '';
  if (response.status === 401 || response.status === 403 || (response.ok && !type.includes('json'))) throw new SignedOutError();
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${path}`);
  return response.json();
}

/** h('a', { href, class: 'x', dataset: {…} }, 'text', child…): children are text or nodes. */
export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value == null || value === false) continue;
    if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child == null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export const badge = (text, colour) => h('span', { class: `badge ${colour}` }, text);

export function content() {
  return document.getElementById('sc-content');
}

/** Replace the page body. Unlike replaceChildren, skips null/false (which it would print as "null"). */
export function show(...children) {
  content().replaceChildren(...children.flat().filter((c) => c != null && c !== false));
}

/** Replace the page body with an error: "signed out" gets Amazon's sign-in prompt. */
export function showError(error) {
  const signedOut = error instanceof SignedOutError;
  content().replaceChildren(
    h(
      'div',
      { class: `notice ${signedOut ? '' : 'error'}`, id: signedOut ? 'signed-out-notice' : 'load-error' },
      signedOut ? 'Your session has expired. ' : `Something went wrong: ${error.message}. `,
      signedOut ? h('a', { href: '/ap/signin' }, 'Sign in again') : 'Reload the page to try again.',
    ),
  );
}
