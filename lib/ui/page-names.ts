/** Seller Central's pages in the seller's words: where a capture came from (popup, options page's data log). */
import type { LogEntry } from '../storage/records';
import { t, type MessageKey } from './i18n';
import { quote } from './text';

/** Redline's page kinds (lib/pages/detect.ts) → their names. */
const PAGE_KEYS: Record<string, MessageKey> = {
  manageOrders: 'page_manageOrders',
  orderDetail: 'page_orderDetail',
  accountHealth: 'page_accountHealth',
  feedbackManager: 'page_feedback',
  claims: 'page_claims',
  chargebacks: 'page_chargebacks',
  confirmShipment: 'page_confirmShipment',
  buyShipping: 'page_buyShipping',
  cancelOrder: 'page_cancelOrder',
};

export function pageLabel(page: string): string | undefined {
  const key = PAGE_KEYS[page];
  return key ? t(key) : undefined;
}

/** Where a capture or import came from: the page it names, else the page its path is, else the path or file as text. */
export function sourceName(entry: Pick<LogEntry, 'origin' | 'source' | 'page'>): string {
  if (entry.origin === 'import') return t('source_file', quote(entry.source));
  const named = entry.page ? pageLabel(entry.page) : undefined;
  if (named) return named;
  const p = entry.source;
  if (p.startsWith('/orders-api') || p.startsWith('/orders-v3')) return t('page_manageOrders');
  if (p.startsWith('/performance')) return t('page_accountHealth');
  if (p.startsWith('/fbmapi') || p.startsWith('/feedback-manager')) return t('page_feedback');
  if (p.includes('chargeback')) return t('page_chargebacks');
  if (p.includes('guarantee-claims')) return t('page_claims');
  return quote(p);
}
