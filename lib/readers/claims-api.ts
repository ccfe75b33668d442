import { z } from 'zod';
import type { Claim, ClaimProtection, ClaimStatus } from '../model';
import { jsonReader, mapAll } from './input';
import { defined } from './order-fields';
import { instant, maybe } from './schemas';

/**
 * A-to-z Guarantee claims as JSON. Seller Central's claims page has no known public endpoint; the
 * demo site serves `GET /gp/guarantee-claims/api/claims` → `{claims: [{claimId, orderId, orderDate,
 * filingDate, status, reason, amount, respondByDate?}]}` (invented, test/demo-site/api.ts). The page shows
 * "Respond by" on open claims: read from `respondByDate` / `responseDueDate` when the JSON carries it. Read from imported
 * files (readAny); not on the capture allow-list (detect.ts) until a real endpoint is known.
 *
 * The status decides whether a claim counts, so an unknown word is not guessed: "invalid". A bare
 * `GRANTED` says nothing of who pays: `granted` (the engine counts it unless its Buy Shipping protection
 * is shown). That protection's three conditions are read where the JSON gives them, each alone
 * (`claimsProtectedService`, `lateDeliveryRiskLabel`, `onTimeFirstScan`, at the top or under
 * `buyShippingProtection`); nothing real is known of them either.
 */

const FORMAT = 'claims-api';

const STATUSES: Record<string, ClaimStatus> = {
  OPEN: 'open',
  PENDING: 'open',
  UNDERREVIEW: 'open',
  UNDERINVESTIGATION: 'open',
  GRANTED: 'granted',
  GRANTEDSELLERFAULT: 'grantedSellerFault',
  SELLERFUNDED: 'grantedSellerFault',
  REFUNDEDBYSELLER: 'refundedBySeller',
  GRANTEDAMAZONFUNDED: 'grantedAmazonFunded',
  AMAZONFUNDED: 'grantedAmazonFunded',
  DENIED: 'denied',
  WITHDRAWN: 'withdrawn',
};

const Item = z.object({
  claimId: z.union([z.string().min(1), z.number()]).transform(String),
  orderId: z.string().min(1),
  orderDate: maybe(instant),
  filingDate: instant,
  status: z.string(),
  marketplaceId: maybe(z.string()),
  respondByDate: maybe(instant),
  responseDueDate: maybe(instant),
  claimsProtectedService: maybe(z.boolean()),
  lateDeliveryRiskLabel: maybe(z.boolean()),
  onTimeFirstScan: maybe(z.boolean()),
  buyShippingProtection: maybe(
    z.object({ claimsProtectedService: maybe(z.boolean()), lateDeliveryRiskLabel: maybe(z.boolean()), onTimeFirstScan: maybe(z.boolean()) }),
  ),
});
type Item = z.infer<typeof Item>;

function protectionOf(c: Item): ClaimProtection | undefined {
  const p = defined({
    claimsProtectedService: c.claimsProtectedService ?? c.buyShippingProtection?.claimsProtectedService,
    lateDeliveryRiskLabel: c.lateDeliveryRiskLabel ?? c.buyShippingProtection?.lateDeliveryRiskLabel,
    onTimeFirstScan: c.onTimeFirstScan ?? c.buyShippingProtection?.onTimeFirstScan,
  });
  return Object.keys(p).length ? p : undefined;
}

function toClaim(c: Item, fallbackMarketplace: string | undefined, observedAt: number): Claim | string {
  const status = STATUSES[c.status.toUpperCase().replace(/[^A-Z]/g, '')];
  if (!status) return `claim ${c.claimId}: status "${c.status.slice(0, 30)}" is not one Redline knows`;
  const marketplaceId = c.marketplaceId ?? fallbackMarketplace;
  if (!marketplaceId) return `claim ${c.claimId} names no marketplace`;
  return defined({
    kind: 'claim' as const,
    id: c.claimId,
    orderId: c.orderId,
    marketplaceId,
    orderDate: c.orderDate,
    date: c.filingDate,
    responseDeadline: c.respondByDate ?? c.responseDueDate,
    status,
    protection: protectionOf(c),
    observedAt,
    source: FORMAT,
  });
}

export const readClaimsApi = jsonReader(FORMAT, z.object({ claims: z.array(Item) }), (body, ctx) => {
  const defects = mapAll(body.claims, (c) => toClaim(c, ctx.marketplaceId, ctx.observedAt));
  return typeof defects === 'string' ? defects : { defects };
});
