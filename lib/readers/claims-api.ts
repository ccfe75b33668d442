import { z } from 'zod';
import type { Claim, ClaimStatus } from '../model';
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
 * The status decides whether a claim counts, so an unknown word is not guessed: "invalid".
 */

const FORMAT = 'claims-api';

const STATUSES: Record<string, ClaimStatus> = {
  OPEN: 'open',
  PENDING: 'open',
  UNDERREVIEW: 'open',
  UNDERINVESTIGATION: 'open',
  // The demo's GRANTED is "granted, seller at fault" (its README); Amazon-funded grants say so.
  GRANTED: 'grantedSellerFault',
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
});
type Item = z.infer<typeof Item>;

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
    observedAt,
    source: FORMAT,
  });
}

export const readClaimsApi = jsonReader(FORMAT, z.object({ claims: z.array(Item) }), (body, ctx) => {
  const defects = mapAll(body.claims, (c) => toClaim(c, ctx.marketplaceId, ctx.observedAt));
  return typeof defects === 'string' ? defects : { defects };
});
