import { z } from 'zod';
import type { Order, Package } from '../model';
import { jsonReader, mapAll } from './input';
import {
  cancellationFields,
  cancelledByFrom,
  channelFrom,
  defined,
  isNonAmazonChannel,
  orderStatusFrom,
  sightingBracket,
  worstCanceller,
} from './order-fields';
import type { Reader } from './result';
import { instant, maybe } from './schemas';

/**
 * SP-API Orders 2026-01-01: `searchOrders` → `{orders: [...]}`, `getOrder` → `{order: {...}}`
 * (model: reference/amazon-sp-api/orders_2026-01-01.json). ISO instants. `buyer`, `recipient`,
 * addresses and gift messages are not in the schema, so they are dropped here.
 */

const Window = maybe(z.object({ latestDateTime: maybe(instant) }));

/** Package states that mean the carrier has the parcel: at least one carrier scan exists. */
const SCANNED_STATUSES = new Set(['IN_TRANSIT', 'DELIVERED', 'UNDELIVERABLE']);
const SCANNED_DETAILS = new Set([
  'PICKED_UP',
  'DROPPED_OFF',
  'OUT_FOR_DELIVERY',
  'DELIVERED',
  'REJECTED_BY_BUYER',
  'RETURNING_TO_SELLER',
  'RETURNED_TO_SELLER',
]);

const SpPackage = z.object({
  carrier: maybe(z.string()),
  trackingNumber: maybe(z.string()),
  shipTime: maybe(instant),
  packageStatus: maybe(z.object({ status: maybe(z.string()), detailedStatus: maybe(z.string()) })),
});

function toPackage(p: z.infer<typeof SpPackage>): Package {
  const scanned =
    SCANNED_STATUSES.has(p.packageStatus?.status ?? '') || SCANNED_DETAILS.has(p.packageStatus?.detailedStatus ?? '');
  // Absence of a scan state is not evidence of no scan: only `true` is ever set.
  return defined({ carrier: p.carrier, trackingNumber: p.trackingNumber, shipTime: p.shipTime, carrierScanned: scanned || undefined });
}

const SpItem = z.object({
  cancellation: maybe(
    z.object({
      cancellationRequest: maybe(z.object({ requester: maybe(z.string()) })),
      cancellationExecution: maybe(z.object({ cancelledBy: maybe(z.string()) })),
    }),
  ),
});

const SpOrder = z.object({
  orderId: z.string(),
  createdTime: instant,
  salesChannel: maybe(z.object({ channelName: maybe(z.string()), marketplaceId: maybe(z.string()) })),
  fulfillment: maybe(
    z.object({
      fulfillmentStatus: maybe(z.string()),
      fulfilledBy: maybe(z.string()),
      shipByWindow: Window,
      deliverByWindow: Window,
    }),
  ),
  orderItems: maybe(z.array(SpItem)),
  packages: maybe(z.array(SpPackage).max(100)),
});
type SpOrder = z.infer<typeof SpOrder>;

function cancellationOf(o: SpOrder, cancelledOrder: boolean) {
  const cancellations = (o.orderItems ?? []).map((i) => i.cancellation).filter((c) => c !== undefined);
  const executedBy = cancellations.map((c) => cancelledByFrom(c.cancellationExecution?.cancelledBy)).filter((b) => b !== undefined);
  const executed = cancellations.filter((c) => c.cancellationExecution);
  // Who asked matters only for executed cancellations once any exist; otherwise for open requests.
  const relevant = executed.length ? executed : cancellations;
  const buyerRequested = relevant.length
    ? relevant.some((c) => c.cancellationRequest?.requester?.toUpperCase() === 'BUYER')
    : undefined;
  return cancellationFields(cancelledOrder || executed.length > 0, buyerRequested, worstCanceller(executedBy));
}

function toOrder(o: SpOrder, observedAt: number, fallbackMarketplace: string | undefined): Order | string {
  const marketplaceId = o.salesChannel?.marketplaceId ?? fallbackMarketplace;
  if (!marketplaceId) return `order ${o.orderId} names no marketplace`;
  const status = orderStatusFrom(o.fulfillment?.fulfillmentStatus);
  const packages = o.packages?.map(toPackage);
  const shipTimes = (packages ?? []).map((p) => p.shipTime).filter((t) => t !== undefined);
  const bracket = sightingBracket(status, observedAt);
  return defined({
    orderId: o.orderId,
    marketplaceId,
    channel: channelFrom(o.fulfillment?.fulfilledBy),
    orderDate: o.createdTime,
    status,
    latestShipDate: o.fulfillment?.shipByWindow?.latestDateTime,
    latestDeliveryDate: o.fulfillment?.deliverByWindow?.latestDateTime,
    // The first package handed over is when shipment was confirmed (metrics-spec §7).
    shipConfirmation: shipTimes.length ? { at: Math.min(...shipTimes), ...bracket } : bracket,
    packages,
    ...cancellationOf(o, status === 'cancelled'),
    observedAt,
    source: FORMAT,
  });
}

const FORMAT = 'sp-api/orders-2026';

const SpOrdersDocument = z.union([
  z.object({ orders: z.array(SpOrder) }).transform((d) => d.orders),
  z.object({ order: SpOrder }).transform((d) => [d.order]),
]);

/** Orders 2026-01-01 `searchOrders` or `getOrder` response. Orders placed outside Amazon are left out. */
export const readSpApiOrders: Reader = jsonReader(FORMAT, SpOrdersDocument, (list, ctx) => {
  const orders = mapAll(list, (raw) =>
    isNonAmazonChannel(raw.salesChannel?.channelName) ? undefined : toOrder(raw, ctx.observedAt, ctx.marketplaceId),
  );
  return typeof orders === 'string' ? orders : { orders };
});
