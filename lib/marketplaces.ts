/**
 * Every Amazon marketplace Redline knows: its Seller Central hosts, marketplace id and the time zone
 * whose calendar days the metrics count in (metrics-spec §1).
 * Source: shared/reference/seller-central/domains.json (Amazon's SP-API developer guide table plus
 * hosts seen serving Seller Central for later marketplaces).
 */
export interface Marketplace {
  country: string;
  marketplaceId: string;
  region: 'NA' | 'EU' | 'FE';
  /** Seller Central hosts that serve this marketplace (the first is the canonical one). */
  hosts: readonly string[];
  /** ISO 4217: the currency prices are in (VTR's exemption threshold is set in it). */
  currency: string;
  timeZone: string;
}

export const MARKETPLACES: readonly Marketplace[] = [
  { country: 'US', marketplaceId: 'ATVPDKIKX0DER', region: 'NA', hosts: ['sellercentral.amazon.com'], currency: 'USD', timeZone: 'America/Los_Angeles' },
  { country: 'CA', marketplaceId: 'A2EUQ1WTGCTBG2', region: 'NA', hosts: ['sellercentral.amazon.ca'], currency: 'CAD', timeZone: 'America/Los_Angeles' },
  { country: 'MX', marketplaceId: 'A1AM78C64UM0Y8', region: 'NA', hosts: ['sellercentral.amazon.com.mx'], currency: 'MXN', timeZone: 'America/Mexico_City' },
  { country: 'BR', marketplaceId: 'A2Q3Y263D00KWC', region: 'NA', hosts: ['sellercentral.amazon.com.br'], currency: 'BRL', timeZone: 'America/Sao_Paulo' },
  {
    country: 'UK',
    marketplaceId: 'A1F83G8C2ARO7P',
    region: 'EU',
    hosts: ['sellercentral-europe.amazon.com', 'sellercentral.amazon.co.uk'],
    currency: 'GBP',
    timeZone: 'Europe/London',
  },
  {
    country: 'DE',
    marketplaceId: 'A1PA6795UKMFR9',
    region: 'EU',
    hosts: ['sellercentral-europe.amazon.com', 'sellercentral.amazon.de'],
    currency: 'EUR',
    timeZone: 'Europe/Berlin',
  },
  {
    country: 'FR',
    marketplaceId: 'A13V1IB3VIYZZH',
    region: 'EU',
    hosts: ['sellercentral-europe.amazon.com', 'sellercentral.amazon.fr'],
    currency: 'EUR',
    timeZone: 'Europe/Paris',
  },
  {
    country: 'IT',
    marketplaceId: 'APJ6JRA9NG5V4',
    region: 'EU',
    hosts: ['sellercentral-europe.amazon.com', 'sellercentral.amazon.it'],
    currency: 'EUR',
    timeZone: 'Europe/Rome',
  },
  {
    country: 'ES',
    marketplaceId: 'A1RKKUPIHCS9HS',
    region: 'EU',
    hosts: ['sellercentral-europe.amazon.com', 'sellercentral.amazon.es'],
    currency: 'EUR',
    timeZone: 'Europe/Madrid',
  },
  { country: 'NL', marketplaceId: 'A1805IZSGTT6HS', region: 'EU', hosts: ['sellercentral.amazon.nl'], currency: 'EUR', timeZone: 'Europe/Amsterdam' },
  { country: 'SE', marketplaceId: 'A2NODRKZP88ZB9', region: 'EU', hosts: ['sellercentral.amazon.se'], currency: 'SEK', timeZone: 'Europe/Stockholm' },
  { country: 'PL', marketplaceId: 'A1C3SOZRARQ6R3', region: 'EU', hosts: ['sellercentral.amazon.pl'], currency: 'PLN', timeZone: 'Europe/Warsaw' },
  { country: 'BE', marketplaceId: 'AMEN7PMS3EDWL', region: 'EU', hosts: ['sellercentral.amazon.com.be'], currency: 'EUR', timeZone: 'Europe/Brussels' },
  { country: 'IE', marketplaceId: 'A28R8C7NBKEWEA', region: 'EU', hosts: ['sellercentral.amazon.ie'], currency: 'EUR', timeZone: 'Europe/London' },
  { country: 'TR', marketplaceId: 'A33AVAJ2PDY3EV', region: 'EU', hosts: ['sellercentral.amazon.com.tr'], currency: 'TRY', timeZone: 'Europe/Istanbul' },
  { country: 'AE', marketplaceId: 'A2VIGQ35RCS4UG', region: 'EU', hosts: ['sellercentral.amazon.ae'], currency: 'AED', timeZone: 'Asia/Dubai' },
  { country: 'SA', marketplaceId: 'A17E79C6D8DWNP', region: 'EU', hosts: ['sellercentral.amazon.sa'], currency: 'SAR', timeZone: 'Asia/Riyadh' },
  { country: 'EG', marketplaceId: 'ARBP9OOSHTCHU', region: 'EU', hosts: ['sellercentral.amazon.eg'], currency: 'EGP', timeZone: 'Africa/Cairo' },
  { country: 'IN', marketplaceId: 'A21TJRUUN4KGV', region: 'EU', hosts: ['sellercentral.amazon.in'], currency: 'INR', timeZone: 'Asia/Kolkata' },
  { country: 'ZA', marketplaceId: 'AE08WJ6YKNBMC', region: 'EU', hosts: ['sellercentral.amazon.co.za'], currency: 'ZAR', timeZone: 'Africa/Johannesburg' },
  {
    country: 'JP',
    marketplaceId: 'A1VC38T7YXB528',
    region: 'FE',
    hosts: ['sellercentral.amazon.co.jp', 'sellercentral-japan.amazon.com'],
    currency: 'JPY',
    timeZone: 'Asia/Tokyo',
  },
  { country: 'AU', marketplaceId: 'A39IBJ37TRP1C6', region: 'FE', hosts: ['sellercentral.amazon.com.au'], currency: 'AUD', timeZone: 'Australia/Sydney' },
  { country: 'SG', marketplaceId: 'A19VAU5U5O7RUS', region: 'FE', hosts: ['sellercentral.amazon.sg'], currency: 'SGD', timeZone: 'Asia/Singapore' },
];

/** Every Seller Central host, once. */
export const SELLER_CENTRAL_HOSTS: readonly string[] = [...new Set(MARKETPLACES.flatMap((m) => m.hosts))];

/** Match patterns for content scripts and host_permissions: Seller Central hosts only, https only. */
export const SELLER_CENTRAL_MATCHES: string[] = SELLER_CENTRAL_HOSTS.map((host) => `https://${host}/*`);

const byId = new Map(MARKETPLACES.map((m) => [m.marketplaceId, m]));

export function marketplaceById(marketplaceId: string): Marketplace | undefined {
  return byId.get(marketplaceId);
}

/** Time zone whose calendar days the metrics count in; UTC for an unknown marketplace id. */
export function marketplaceTimeZone(marketplaceId: string): string {
  return byId.get(marketplaceId)?.timeZone ?? 'UTC';
}

export function isSellerCentralHost(host: string): boolean {
  return SELLER_CENTRAL_HOSTS.includes(host.toLowerCase());
}

/**
 * Marketplaces a host can serve. One host can serve several (the European unified host), so the
 * marketplace of a page comes from its data when it has one, and from the host only when it is
 * unambiguous.
 */
export function marketplacesForHost(host: string): Marketplace[] {
  const h = host.toLowerCase();
  return MARKETPLACES.filter((m) => m.hosts.includes(h));
}
