import { MARKETPLACES, marketplaceById } from '../marketplaces';

/**
 * Links into Seller Central for a marketplace, on its canonical host (lib/marketplaces.ts lists it
 * first). Only our own fixed paths and an order id that matched Amazon's id pattern go into a URL.
 */
const ORDER_ID = /^\d{3}-\d{7}-\d{7}$/;

export function sellerCentralUrl(marketplaceId: string, path: `/${string}`): string | null {
  const host = marketplaceById(marketplaceId)?.hosts[0];
  return host ? `https://${host}${path}` : null;
}

export function orderUrl(marketplaceId: string, orderId: string): string | null {
  return ORDER_ID.test(orderId) ? sellerCentralUrl(marketplaceId, `/orders-v3/order/${orderId}`) : null;
}

export const PAGES = {
  manageOrders: '/orders-v3/mfn/unshipped',
  /** Manage Orders' Sent tab: shipped orders with their ship and delivery dates. */
  sentOrders: '/orders-v3/mfn/shipped',
  fbaOrders: '/orders-v3/fba/all',
  accountHealth: '/performance/dashboard',
} as const;

/** The options page's import, from an extension page (the popup): a link, no browser API needed. */
export const OPTIONS_IMPORT = 'options.html#import';

const LANGUAGE_MARKETPLACE: Record<string, string> = { de: 'DE', ja: 'JP', fr: 'FR', it: 'IT', es: 'ES', nl: 'NL', sv: 'SE', pl: 'PL', tr: 'TR' };

/**
 * Before any data, the first-run links need a marketplace: the browser's region if it is one
 * (en-GB → UK), else its language (de → DE), else the US. Only a guess for two links.
 */
export function guessMarketplace(locale: string): string {
  const [language = '', region = ''] = locale.split(/[-_]/);
  const country = region.toUpperCase() === 'GB' ? 'UK' : region.toUpperCase();
  const byCountry = (c: string | undefined) => MARKETPLACES.find((m) => m.country === c)?.marketplaceId;
  return byCountry(country) ?? byCountry(LANGUAGE_MARKETPLACE[language.toLowerCase()]) ?? 'ATVPDKIKX0DER';
}

/** PRIVACY.md's section for each UI language: GitHub's anchors of its headings (lib/build/privacy-page.ts). */
export const PRIVACY_SECTIONS = { en: 'english', de: 'deutsch', ja: '日本語' } as const;

/** The privacy policy the extension ships (`privacy.html`, built from PRIVACY.md), at the seller's language. */
export function privacyPolicyHref(locale: string): string {
  const language = locale.split(/[-_]/)[0]!.toLowerCase();
  const section = language in PRIVACY_SECTIONS ? PRIVACY_SECTIONS[language as keyof typeof PRIVACY_SECTIONS] : PRIVACY_SECTIONS.en;
  return `/privacy.html#${section}`;
}
