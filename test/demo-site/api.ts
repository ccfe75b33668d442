/**
 * The JSON bodies of Seller Central's own endpoints, built from the demo's ground truth. Shapes copy the
 * real captures (test/fixtures/seller-central/orders-api/*.json): same keys, epoch SECONDS as floats,
 * the same null-valued fields. Fields invented where no capture exists are listed in README.md.
 * Opaque tokens (`blob`, `customerOrderItemCode`) and the buyer relay address are present, clearly fake,
 * so tests can check that the extension drops them.
 */
import type { DemoOrder } from './model';
import type { DemoSeller } from './generate';
import { DAY, HOUR, localDay, shortZoneName, zoneOffsetMs } from './time';

type Query = URLSearchParams;

const money = (amount: number) => ({ Amount: Math.round(amount * 100) / 100, CurrencyCode: 'USD', EncryptedAmount: null });
const seconds = (ms: number | null) => (ms === null ? null : ms / 1000);

/** A stable, realistic-looking request id (20 upper-case letters and digits) for a request. */
export function requestId(key: string): string {
  let h = 2166136261;
  let out = '';
  for (let i = 0; out.length < 20; i++) {
    h = Math.imul(h ^ key.charCodeAt(i % Math.max(1, key.length)) ^ i, 16777619) >>> 0;
    out += 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'[h % 36];
  }
  return out;
}

function zoneDetails(seller: DemoSeller, dates: Record<string, number | null>) {
  const map: Record<string, { offset: number; shortenedTzString: string }> = {};
  for (const [key, ms] of Object.entries(dates)) {
    if (ms !== null) map[key] = { offset: zoneOffsetMs(ms, seller.timeZone), shortenedTzString: shortZoneName(ms, seller.timeZone) };
  }
  return map;
}

function relativeOrderDate(ms: number, now: number): string {
  const hours = Math.floor((now - ms) / HOUR);
  if (hours < 1) return `${Math.max(1, Math.floor((now - ms) / 60_000))} minutes ago`;
  if (hours < 24) return `${hours} hours ago`;
  const days = Math.floor((now - ms) / DAY);
  return days === 1 ? '1 day ago' : `${days} days ago`;
}

const isMfn = (o: DemoOrder) => o.channel === 'MFN';

/** Amazon's `orderStatus.Late`: past the ship-by date without (or before) confirmation. */
export function isLate(o: DemoOrder, now: number): boolean {
  return isMfn(o) && o.status !== 'Canceled' && o.status !== 'Pending' && (o.shipConfirmedAt ?? now) > o.latestShipDate;
}

/** Amazon's `orderStatus.AtRiskOfCancellation`: unconfirmed, late, and auto-cancel within 3 days. */
export function isAtRiskOfCancellation(o: DemoOrder, now: number): boolean {
  return o.status === 'Unshipped' && o.cancellationDate !== null && now > o.latestShipDate && o.cancellationDate - now < 3 * DAY;
}

function actions(o: DemoOrder): string[] {
  if (o.status === 'Unshipped' && isMfn(o)) {
    return [
      'buyShipping',
      'confirmShipment',
      'editMerchantOrderId',
      'manageFeedback',
      'manageSellerNotes',
      'printPackingSlip',
      'contactBuyer',
      'cancelOrder',
      'canViewOrderHistory',
    ];
  }
  if (o.status === 'Shipped' && isMfn(o))
    return ['editShipment', 'manageFeedback', 'manageSellerNotes', 'printPackingSlip', 'contactBuyer', 'refundOrder', 'canViewOrderHistory'];
  return ['manageSellerNotes', 'contactBuyer', 'canViewOrderHistory'];
}

/**
 * An order's packages in the 2023+ order detail's keys (`Carrier`, `TrackingId`, `ShipDate`, `ShippingService`,
 * `ShipmentId`: orders-api-order-detail.fields.2023.md). The search rows carry them too: that a shipped search row
 * has packages, and under these keys, is invented (the real search capture is of an unshipped order).
 */
function packages(o: DemoOrder) {
  if (!o.package) return null;
  return [
    {
      Carrier: o.package.carrierName,
      IsSignatureConfirmationApplied: false,
      ShipDate: seconds(o.package.shipDate),
      ShipmentId: requestId(`shipment/${o.amazonOrderId}`).slice(0, 9),
      ShippingService: o.package.shippingService ?? null,
      TrackingId: o.package.trackingId,
    },
  ];
}

function quantities(o: DemoOrder, quantity: number) {
  const shipped = o.status === 'Shipped' ? quantity : 0;
  const unshipped = o.status === 'Unshipped' || o.status === 'Pending' ? quantity : 0;
  return { shipped, unshipped, canceled: o.status === 'Canceled' ? quantity : 0 };
}

/** One row of `GET /orders-api/search` (keys as in search_mfn-unshipped_2021-11.json, plus `packages`). */
export function searchOrder(o: DemoOrder, seller: DemoSeller) {
  return {
    actions: actions(o),
    alerts: [],
    amazonOrderId: o.amazonOrderId,
    awaitingVerification: false,
    badgeList: o.channel === 'AFN' ? ['Prime'] : [],
    badgesWithTooltips: null,
    blob: `DEMO-OPAQUE-TOKEN-${o.amazonOrderId}`,
    cancellationDate: seconds(o.cancellationDate),
    cancellationFees: null,
    complexActions: {},
    deliveryNoteMetadata: null,
    earliestDeliveryDate: seconds(o.earliestDeliveryDate),
    earliestShipDate: seconds(o.earliestShipDate),
    electronicInvoiceAwaitingUpload: false,
    electronicInvoiceStatus: null,
    fulfillmentMethod: 'Ship',
    homeMarketplaceId: seller.marketplaceId,
    inProgressAction: null,
    invoiceNotUploaded: false,
    invoiceUploadMetadata: null,
    isAccessPointOrder: false,
    isMerchantFulfilled: isMfn(o),
    isShipmentInjection: false,
    latestDeliveryDate: seconds(o.latestDeliveryDate),
    latestShipDate: seconds(o.latestShipDate),
    maximumTransitTimeDisplayUnit: 'Day',
    orderDate: seconds(o.orderDate),
    orderFulfillmentStatus: o.status,
    orderItems: o.items.map((item) => {
      const q = quantities(o, item.quantity);
      return {
        asin: item.asin,
        associatedItems: [],
        billingCountry: null,
        conditionNote: null,
        conditionSubtype: null,
        conditionType: 'New',
        customerOrderItemCode: `DEMO-OPAQUE-ITEM-CODE-${item.orderItemId}`,
        extendedTitle: item.title,
        giftMessageText: null,
        giftWrapType: null,
        harmonizedCode: null,
        imageSourceSarek: false,
        imageUrl: `https://images-na.ssl-images-amazon.com/images/I/${item.asin}._SX55_.jpg`,
        isGift: false,
        isHeavyOrBulky: false,
        listingId: null,
        orderItemId: item.orderItemId,
        productLink: `https://www.amazon.com/gp/product/${item.asin}`,
        productName: item.title,
        quantityOrdered: item.quantity,
        quantityShipped: q.shipped,
        quantityUnShipped: q.unshipped,
        scheduledDeliveryEndDate: null,
        scheduledDeliveryStartDate: null,
        scheduledDeliveryTimeZone: null,
        sellerSku: item.sellerSku,
        signatureRecommended: false,
        transparencyItem: false,
        unitPrice: money(item.unitPrice),
      };
    }),
    packages: packages(o),
    pickupDate: null,
    pickupReadyDate: null,
    pluginBadges: [],
    pluginOrderStatus: null,
    relativeOrderDate: relativeOrderDate(o.orderDate, seller.now),
    salesChannel: 'Amazon.com',
    sellerOrderId: null,
    shippingService: o.shippingService,
    shippingServiceOption: null,
    shippingServiceStringId: o.shippingService === 'Expedited' ? 'shipping-speed-expedited_3249' : 'shipping-speed-standard_3248',
    timeZoneDetailsMap: zoneDetails(seller, {
      earliestDeliveryDate: o.earliestDeliveryDate,
      earliestShipDate: o.earliestShipDate,
      latestDeliveryDate: o.latestDeliveryDate,
      latestShipDate: o.latestShipDate,
      orderDate: o.orderDate,
    }),
  };
}

const STATUS_FILTER: Record<string, DemoOrder['status'] | undefined> = {
  unshipped: 'Unshipped',
  shipped: 'Shipped',
  pending: 'Pending',
  canceled: 'Canceled',
  cancelled: 'Canceled',
};

const SORTS: Record<string, (a: DemoOrder, b: DemoOrder) => number> = {
  order_date_desc: (a, b) => b.orderDate - a.orderDate,
  order_date_asc: (a, b) => a.orderDate - b.orderDate,
  ship_by_asc: (a, b) => a.latestShipDate - b.latestShipDate,
  ship_by_desc: (a, b) => b.latestShipDate - a.latestShipDate,
};

/** The filters the Manage Orders tab sends when the page does not say (Unshipped: last year, by ship-by). */
export function searchDefaults(query: Query): Record<string, string> {
  const status = query.get('orderStatus') ?? 'unshipped';
  return {
    'date-range': query.get('date-range') ?? 'last-365',
    fulfillmentType: query.get('fulfillmentType') ?? 'mfn',
    limit: query.get('limit') ?? '15',
    offset: query.get('offset') ?? '0',
    orderStatus: status,
    shipByDate: query.get('shipByDate') ?? 'all',
    sort: query.get('sort') ?? (status === 'unshipped' ? 'ship_by_asc' : 'order_date_desc'),
  };
}

/** Orders matching a search query's filters, sorted; `total` counts them all, `orders` is one page. */
export function filterOrders(seller: DemoSeller, query: Query): DemoOrder[] {
  const f = searchDefaults(query);
  const days = Number(/^last-(\d+)$/.exec(f['date-range']!)?.[1] ?? 365);
  const status = STATUS_FILTER[f.orderStatus!];
  return seller.orders
    .filter(
      (o) =>
        (f.fulfillmentType === 'all' || (f.fulfillmentType === 'fba') === (o.channel === 'AFN')) &&
        (f.orderStatus === 'all' || o.status === status) &&
        o.orderDate >= seller.now - days * DAY,
    )
    .sort(SORTS[f.sort!] ?? SORTS.order_date_desc);
}

/** `GET /orders-api/search?limit=&offset=&fulfillmentType=&orderStatus=&sort=&date-range=` */
export function searchResponse(seller: DemoSeller, query: Query) {
  const f = searchDefaults(query);
  const limit = Math.min(100, Math.max(1, Number(f.limit) || 15));
  const offset = Math.max(0, Number(f.offset) || 0);
  const matching = filterOrders(seller, query);
  return {
    appliedSearchFilters: Object.entries({ ...f, limit: String(limit), offset: String(offset) }).map(([key, value]) => ({
      key,
      selectedValues: [value],
    })),
    debugInfo: null,
    exceptions: [],
    featureList: [],
    offset,
    orders: matching.slice(offset, offset + limit).map((o) => searchOrder(o, seller)),
    requestId: requestId(`search?${query}`),
    total: matching.length,
  };
}

/** `GET /orders-api/order/{orderId}` (keys as in order-detail_2021-11.json); undefined for an unknown id. */
export function orderDetailResponse(seller: DemoSeller, orderId: string) {
  const o = seller.orders.find((x) => x.amazonOrderId === orderId);
  if (!o) return undefined;
  const row = searchOrder(o, seller);
  const subtotal = o.items.reduce((sum, i) => sum + i.unitPrice * i.quantity, 0);
  const shipping = o.channel === 'MFN' ? 4.99 : 0;
  const nulls = (...keys: string[]) => Object.fromEntries(keys.map((k) => [k, null]));
  return {
    debugInfo: null,
    featureList: [],
    order: {
      actions: row.actions,
      addressType: 'Residential',
      alertMessages: [],
      alerts: [],
      amazonInvoiced: false,
      amazonOrderId: o.amazonOrderId,
      assignedShipFromLocationAddressId: isMfn(o) ? 'DEMOSHIPFROMLOCATION0001' : null,
      automatedShippingSettings: {
        automatedCarrierName: null,
        automatedCarrierStringId: null,
        automatedShipFromLocationAddressId: null,
        automatedShipMethodName: null,
        automatedShipMethodStringId: null,
        hasAutomatedShippingSettings: false,
      },
      awaitingVerification: false,
      badges: row.badgeList,
      badgesWithTooltips: row.badgeList.map((badge) => ({ badge, tooltip: null })),
      billingCountry: null,
      billingCountryFlagUrl: null,
      blob: row.blob,
      buyerCompanyName: null,
      buyerPONumber: null,
      buyerProxyEmail: `demo-buyer-${o.amazonOrderId.slice(-7)}@marketplace.example.invalid`,
      cancelOrderDetails: null,
      cancellationDate: row.cancellationDate,
      cancellationFees: null,
      cod: false,
      complexActions: {},
      deemedResellerCategory: null,
      deliveryNoteMetadata: null,
      earliestDeliveryDate: row.earliestDeliveryDate,
      earliestShipDate: row.earliestShipDate,
      euDeemedReseller: false,
      filterShipFromLocations: true,
      fulfillmentChannel: isMfn(o) ? 'Seller' : 'Amazon',
      handoverAddressDetails: null,
      hasSensitiveRights: true,
      hasSystemUnknownPromiseDate: false,
      invoiceUploadMetadata: null,
      iossNumber: null,
      isAccessPointOrder: false,
      isBuybackOrder: false,
      isIBAOrder: false,
      labelRefundPackages: null,
      latestDeliveryDate: row.latestDeliveryDate,
      latestShipDate: row.latestShipDate,
      marketplaceTaxingSeller: null,
      maximumTransitTimeDisplayUnit: 'Day',
      orderChannel: null,
      orderCost: {
        ...nulls('CODCollectible', 'CODTotal', 'CODTotalTax', 'CancelableRefundTotal', 'ExportChargeTotal', 'ExportChargeTotalTax'),
        ...nulls('GiftWrapTotal', 'GiftWrapTotalTax', 'NetSalesProceeds', 'PaymentMethodFeeTotal', 'PaymentMethodFeeTotalTax', 'Prepaid'),
        ...nulls('PromotionTotal', 'PromotionTotalTax', 'RefundAppliedTotal', 'RefundPendingTotal', 'RefundTotal', 'ShippingTotalTax'),
        ...nulls('TaxTotal', 'TotalTax'),
        CODGrandTotal: money(subtotal + shipping),
        GrandTotal: money(subtotal + shipping),
        ShippingTotal: money(shipping),
        Total: money(subtotal),
      },
      orderItems: o.items.map((item) => {
        const q = quantities(o, item.quantity);
        return {
          ASIN: item.asin,
          AssociatedItems: [],
          // 2021 capture: `BuyerRequestedCancel: null`; 2023+: `isBuyerRequestedCancel` and `cancelReason` on every item
          // (a 2023 scraper). That `cancelReason` holds the buyer's words is invented.
          BuyerRequestedCancel: null,
          isBuyerRequestedCancel: o.buyerCancelRequest !== null,
          cancelReason: o.buyerCancelRequest?.reason ?? null,
          Condition: 'New',
          ConditionNote: null,
          ConditionSubtype: null,
          CustomerOrderItemCode: `DEMO-OPAQUE-ITEM-CODE-${item.orderItemId}`,
          CustomizationInfoMap: null,
          Gift: false,
          GiftMessage: null,
          GiftWrapType: null,
          HarmonizedCode: null,
          ImageSourceSarek: false,
          ImageUrl: `https://images-na.ssl-images-amazon.com/images/I/${item.asin}._SX55_.jpg`,
          InvoiceData: null,
          ItemCost: {
            ...nulls('COD', 'CODTax', 'ExportCharge', 'ExportChargeTax', 'GiftWrap', 'GiftWrapTax', 'NetSalesProceeds'),
            ...nulls('PaymentMethodFee', 'PaymentMethodFeeTax', 'Promotion', 'PromotionTax', 'Refund', 'RefundApplied'),
            ...nulls('RefundPending', 'ShippingTax', 'SubtotalTax', 'Tax', 'UnitPriceExclTax'),
            CODGrandTotal: money(item.unitPrice * item.quantity + shipping),
            Shipping: money(shipping),
            Subtotal: money(item.unitPrice * item.quantity),
            Total: money(item.unitPrice * item.quantity + shipping),
            UnitPrice: money(item.unitPrice),
          },
          ItemCustomizations: null,
          ItemHeight: null,
          ItemLength: null,
          ItemPointsSummary: { PointsGranted: null, Reversals: null },
          ItemStatus: {
            CancelStatus: o.status === 'Canceled' ? 'Canceled' : 'None',
            InvoiceNotSent: false,
            InvoiceSent: false,
            ItemStatus: o.status,
          },
          ItemWeight: null,
          ItemWidth: null,
          LegacyListingId: null,
          OrderItemId: item.orderItemId,
          PriceDesignation: null,
          ProductCustomizations: null,
          ProductLink: `https://www.amazon.com/gp/product/${item.asin}`,
          QuantityCanceled: q.canceled,
          QuantityOrdered: item.quantity,
          QuantityShipped: q.shipped,
          QuantityUnshipped: q.unshipped,
          SellerSKU: item.sellerSku,
          ShipmentIdLists: null,
          SignatureRecommended: false,
          Title: item.title,
          heavyOrBulky: false,
          transparencyItem: false,
        };
      }),
      orderMarketplaceId: seller.marketplaceId,
      orderPointsSummary: { PointsGranted: null, Reversals: { PointsReturned: null } },
      orderStatus: {
        AtRiskOfCancellation: isAtRiskOfCancellation(o, seller.now),
        InvoiceNotSent: false,
        InvoiceNotUploaded: false,
        InvoiceSent: false,
        Late: isLate(o, seller.now),
        OrderStatus: o.status,
        RefundApplied: false,
        RefundPending: false,
      },
      orderType: null,
      packages: packages(o),
      paymentMethodDetails: ['Standard'],
      pluginActions: {},
      pluginAlertMessages: [],
      pluginBadges: [],
      pluginOrderStatus: null,
      pluginValuePairs: [],
      possibleCancelReasons:
        o.status === 'Unshipped' && isMfn(o)
          ? ['NoInventory', 'BuyerCanceled', 'GeneralAdjustment', 'ShippingAddressUndeliverable', 'CustomerExchange', 'PricingError']
          : [],
      promiseResponseDueDate: null,
      purchaseDate: row.orderDate,
      replacedOrderId: null,
      rootMarketplaceId: seller.marketplaceId,
      salesChannel: 'Amazon.com',
      salesChannelFlagUrl: null,
      scheduledDeliveryEndDateUtc: null,
      scheduledDeliveryStartDateUtc: null,
      scheduledDeliveryTimeZone: null,
      sellerNotes: null,
      sellerOrderId: null,
      shippingFromCountry: 'US',
      shippingService: o.shippingService,
      shippingServiceOption: null,
      shouldDisplayInFBA: o.channel === 'AFN',
      shouldEnableTradewindUX: false,
      showRecalculatingProceedsAlert: false,
      showShipFromAddressChangeWarning: false,
      showVATNotFinalWarning: false,
      taxCollectionModel: null,
      taxLabelStrings: { IncludedTax: 'Tax included', Tax: 'Tax', TaxExclusive: '(excl. tax)', TaxInclusive: '(incl. tax)', TaxTotal: 'Tax total' },
      taxResponsiblePartyName: null,
      timeZoneDetailsMap: zoneDetails(seller, {
        cancellationDate: o.cancellationDate,
        earliestDeliveryDate: o.earliestDeliveryDate,
        earliestShipDate: o.earliestShipDate,
        latestDeliveryDate: o.latestDeliveryDate,
        latestShipDate: o.latestShipDate,
        purchaseDate: o.orderDate,
      }),
      verifiedBusinessBuyer: false,
    },
    protips: [],
    requestId: requestId(`order/${orderId}`),
    responseCodes: [],
  };
}

/**
 * `POST /orders-api/countOrders` → `{keyToCountMap}`, the real 2026 shape (orders-api-countOrders.2026-07.IN.json):
 * keys mix tab paths and English display names. The US tabs' paths and which tiles a US page asks for are
 * invented from the Indian capture (Easy Ship is India's).
 */
export function countOrdersResponse(seller: DemoSeller) {
  const mfn = seller.orders.filter(isMfn);
  const unshipped = mfn.filter((o) => o.status === 'Unshipped');
  const today = localDay(seller.now, seller.timeZone);
  return {
    keyToCountMap: {
      '/mfn/canceled': mfn.filter((o) => o.status === 'Canceled').length,
      '/mfn/pending': mfn.filter((o) => o.status === 'Pending').length,
      '/mfn/unshipped': unshipped.length,
      'Ship by today': unshipped.filter((o) => localDay(o.latestShipDate, seller.timeZone) === today).length,
      'Verge Of Cancellation': unshipped.filter((o) => isAtRiskOfCancellation(o, seller.now)).length,
      'Verge Of Late Shipment': unshipped.filter((o) => o.latestShipDate >= seller.now && o.latestShipDate - seller.now < DAY).length,
    },
  };
}

/** The demo seller's merchant id, as Feedback Manager's `encryptedRateeId` and its aggregates' `merchantId` carry it (invented). */
const DEMO_MERCHANT_ID = 'A1DEMOGOODSSTORE';

/**
 * Feedback Manager asks `GET /fbmapi/v1/feedbacks?pageNumber=0&pageSize=20&fromRating=1&toRating=5&sortBy=Date
 * &descendingOrder=true&includePartiallySuppressed=true&excludeTTRFeedback=true&lastEvaluatedKey=` (verbatim from
 * the live 2026 capture, test/fixtures/seller-central/2026/): pages count from 0, and each next page sends the
 * cursor the previous one returned.
 */
function feedbackPage(query: Query, total: number) {
  const size = Math.min(100, Math.max(1, Number(query.get('pageSize')) || 20));
  // The cursor says where the next page starts (the real cursor's content is unknown: an opaque string here).
  const cursor = /^DEMO-CURSOR-(\d+)$/.exec(query.get('lastEvaluatedKey') ?? '')?.[1];
  const start = cursor !== undefined ? Number(cursor) : Math.max(0, Number(query.get('pageNumber')) || 0) * size;
  const end = Math.min(total, start + size);
  return { start, end, next: end < total ? `DEMO-CURSOR-${end}` : null };
}

/**
 * `GET /fbmapi/v1/feedbacks`: rows in the real 2026 shape (fbmapi-feedbacks.2026-07.IN.excerpt.json: same keys,
 * ISO dates with milliseconds, `numericRating`, `suppressed` with `suppressReasonId` for what Amazon struck
 * through), newest first. The captured part of the real body shows no paging field: the demo's
 * `lastEvaluatedKey` (the next page's cursor, null on the last page) is a guess, and so are suppress reasons
 * other than `AmazonFaultFBAShipping` (the only one seen).
 */
export function feedbacksResponse(seller: DemoSeller, query: Query) {
  const from = Number(query.get('fromRating')) || 1;
  const to = Number(query.get('toRating')) || 5;
  const rows = seller.feedback.filter((f) => f.rating >= from && f.rating <= to);
  const channel = new Map(seller.orders.map((o) => [o.amazonOrderId, o.channel]));
  const { start, end, next } = feedbackPage(query, rows.length);
  return {
    feedbacks: rows.slice(start, end).map((f) => {
      const suppressed = f.status === 'REMOVED';
      return {
        feedbackId: f.feedbackId,
        encryptedRateeId: DEMO_MERCHANT_ID,
        encryptedMarketplaceId: seller.marketplaceId,
        ratingRole: 'BuyerRatesSeller',
        orderId: f.orderId,
        encryptedRaterId: `DEMO-OPAQUE-RATER-${f.feedbackId}`,
        feedbackText: f.comments,
        numericRating: f.rating,
        suppressReasonId: suppressed ? (channel.get(f.orderId) === 'AFN' ? 'AmazonFaultFBAShipping' : 'SellerFeedbackPolicyViolation') : null,
        responseId: null,
        responseText: null,
        responseIsSuppressed: false,
        feedbackDate: new Date(f.date).toISOString(),
        responseDate: null,
        answerMap: {
          NumericAnswer: { booleanRating: null, numericRating: f.rating },
          ItemAsDescribed: { booleanRating: f.itemAsDescribed, numericRating: null },
          ArrivedOnTime: { booleanRating: f.arrivedOnTime, numericRating: null },
          ReasonCode: { booleanRating: null, numericRating: null },
        },
        partiallySuppressed: suppressed,
        suppressed,
      };
    }),
    lastEvaluatedKey: next,
  };
}

/** `GET /fbmapi/v1/aggregates?duration=30D,90D,365D,LIFETIME`, in the real shape (fbmapi-aggregates.2026-07.IN.json). */
export function feedbackAggregatesResponse(seller: DemoSeller) {
  const windows: Record<string, number> = { '30D': 30, '90D': 90, '365D': 365, LIFETIME: Infinity };
  const durationResponseMap: Record<string, Record<string, unknown>> = {};
  for (const [name, days] of Object.entries(windows)) {
    const rows = seller.feedback.filter((f) => seller.now - f.date <= days * DAY);
    const byStars = [1, 2, 3, 4, 5].map((r) => rows.filter((f) => f.rating === r).length);
    const mean = rows.length ? Math.round((rows.reduce((sum, f) => sum + f.rating, 0) / rows.length) * 10) / 10 : 0;
    const percent = (n: number) => (rows.length ? Math.round((100 * n) / rows.length) : 0);
    const entry: Record<string, unknown> = {
      durationName: name,
      effectiveRating: mean,
      meanRating: mean,
      positiveCount: byStars[3]! + byStars[4]!,
      negativeCount: byStars[0]! + byStars[1]!,
      neutralCount: byStars[2]!,
    };
    byStars.forEach((n, i) => {
      entry[`rating${i + 1}`] = n;
      entry[`rating${i + 1}Percentage`] = percent(n);
      entry[`rating${i + 1}PercentageDisplayString`] = `${percent(n)}%`;
    });
    Object.assign(entry, { positiveWithText: entry.positiveCount, negativeWithText: entry.negativeCount, neutralWithText: entry.neutralCount });
    byStars.forEach((n, i) => (entry[`rating${i + 1}WithText`] = n));
    durationResponseMap[name] = entry;
  }
  return { merchantId: DEMO_MERCHANT_ID, marketplaceId: seller.marketplaceId, durationResponseMap };
}

/** `GET /gp/guarantee-claims/api/claims` (invented endpoint and shape, see README.md). */
export function claimsResponse(seller: DemoSeller) {
  const orderDate = new Map(seller.orders.map((o) => [o.amazonOrderId, o.orderDate]));
  return {
    claims: seller.claims.map((c) => ({
      claimId: c.claimId,
      orderId: c.orderId,
      orderDate: new Date(orderDate.get(c.orderId) ?? c.filedAt).toISOString(),
      filingDate: new Date(c.filedAt).toISOString(),
      status: c.status,
      reason: c.reason,
      amount: money(c.amount),
      ...(c.respondBy === null ? {} : { respondByDate: new Date(c.respondBy).toISOString() }),
    })),
    total: seller.claims.length,
  };
}

/** `GET /chargebacks/api/v1/chargebacks`: the shape seller-central.md gives; no real answer of it was ever captured (invented). */
export function chargebacksResponse(seller: DemoSeller) {
  const orderDate = new Map(seller.orders.map((o) => [o.amazonOrderId, o.orderDate]));
  return {
    chargebacks: seller.chargebacks.map((c) => ({
      id: c.id,
      status: c.status,
      reasonCode: c.reasonCode,
      filingDate: new Date(c.filedAt).toISOString(),
      amount: money(c.amount),
      ...(c.respondBy === null ? {} : { respondByDate: new Date(c.respondBy).toISOString() }),
      relatedOrders: [{ orderId: c.orderId, orderDate: new Date(orderDate.get(c.orderId) ?? c.filedAt).toISOString() }],
    })),
  };
}
