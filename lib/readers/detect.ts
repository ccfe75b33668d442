import type { ReadResult } from '../model';
import { readChargebacksApi } from './chargebacks-api';
import { readClaimsApi } from './claims-api';
import { readCountOrders } from './count-orders';
import { readFeedbacksApi } from './feedbacks-api';
import { readAllOrdersReport } from './flat-all-orders';
import { readFeedbackReport } from './flat-feedback';
import { readUnshippedReport } from './flat-unshipped';
import { isRecord, jsonInput, textInput } from './input';
import { readOrdersApiOrder, readOrdersApiSearch } from './orders-api';
import { readPerformanceReport } from './performance-report';
import { readPerformanceSummary } from './performance-summary';
import { readRedlineExport, REDLINE_EXPORT_FORMAT } from './redline-export';
import { neverThrows, notRecognized, type Failure, type ReadContext, type Reader } from './result';
import { readSpApiOrders } from './sp-api-orders';
import { readSpApiOrdersV0 } from './sp-api-orders-v0';
import { ColumnReader, headerOf } from './tsv';

/**
 * Which format a file holds, from its CONTENT (JSON keys, TSV header), never its name: sellers
 * rename downloads. The rules, in order:
 *
 * JSON (text starting with `{` or `[`):
 * - `{"reason":"sign_in"}` → signed out
 * - `format: "redline-export"` → Redline's own export (options page)
 * - `performanceMetrics: [...]` → SP-API performance report; a bare entry (`orderDefectRate`,
 *   `lateShipmentRateList`, `accountHealthRating` at the top) → Account Health summary
 * - `payload` with `Orders` or `AmazonOrderId` → SP-API Orders v0
 * - `orders: [...]` whose rows have `amazonOrderId` → Seller Central orders search; rows with
 *   `orderId` → SP-API Orders 2026-01-01; an empty list is told by its siblings
 *   (`appliedSearchFilters`/`requestId` vs `pagination`/`lastUpdatedBefore`)
 * - `order: {...}` with `amazonOrderId` → Seller Central order detail; with `orderId` → SP-API 2026
 * - `chargebacks: [...]` → chargebacks; `feedbacks: [...]` → Feedback Manager rows; `claims: [...]` → A-to-z claims
 * - `keyToCountMap: {...}` → Manage Orders' tile counts
 * Tab-separated, by header columns (any order, any extra columns):
 * - `Date`, `Rating`, `Order ID` → feedback report
 * - `order-id` with `promise-date` / `days-past-promise` / `quantity-to-ship` → unshipped orders report
 * - `amazon-order-id` (or `order-id`), `purchase-date`, `order-status` → all-orders report
 * HTML: an Amazon sign-in page → signed out; any other page → not recognized.
 */

export interface DetectedFormat {
  reader: Reader;
  /** The format has no marketplace of its own: the context must give one. */
  needsMarketplace: boolean;
  /** The JSON already parsed to detect it: the reader is given this, not the text (a 20 MB export parses in a quarter of a second). */
  parsed?: unknown;
}

const json = (reader: Reader): DetectedFormat => ({ reader, needsMarketplace: false });
const has = (o: Record<string, unknown>, ...keys: string[]) => keys.some((k) => k in o);
const firstRow = (list: unknown) => (Array.isArray(list) && isRecord(list[0]) ? list[0] : undefined);

function detectJson(value: unknown): DetectedFormat | Failure {
  const unknown = notRecognized('unknownFormat', 'JSON, but not a format Redline reads');
  if (!isRecord(value)) return unknown;
  if (value.format === REDLINE_EXPORT_FORMAT) return json(readRedlineExport);
  if (Array.isArray(value.performanceMetrics)) return json(readPerformanceReport);
  if (has(value, 'orderDefectRate', 'lateShipmentRateList', 'accountHealthRating')) return json(readPerformanceSummary);
  if (isRecord(value.payload)) {
    if (has(value.payload, 'Orders', 'AmazonOrderId') && !('OrderItems' in value.payload)) return json(readSpApiOrdersV0);
    if ('OrderItems' in value.payload) {
      return notRecognized('unknownFormat', 'SP-API v0 getOrderItems has no order date or marketplace: import getOrders');
    }
    return unknown;
  }
  if (Array.isArray(value.orders)) {
    const row = firstRow(value.orders);
    if (row ? 'amazonOrderId' in row : has(value, 'appliedSearchFilters', 'requestId')) return json(readOrdersApiSearch);
    if (row ? 'orderId' in row : has(value, 'pagination', 'lastUpdatedBefore', 'createdAfter')) return json(readSpApiOrders);
    return unknown;
  }
  if (isRecord(value.order)) {
    if ('amazonOrderId' in value.order) return json(readOrdersApiOrder);
    if ('orderId' in value.order) return json(readSpApiOrders);
    return unknown;
  }
  if (Array.isArray(value.chargebacks)) return json(readChargebacksApi);
  if (Array.isArray(value.feedbacks)) return json(readFeedbacksApi);
  if (Array.isArray(value.claims)) return json(readClaimsApi);
  if (isRecord(value.keyToCountMap)) return json(readCountOrders);
  return unknown;
}

function detectTable(text: string): DetectedFormat | Failure {
  const header = headerOf(text);
  if (header.length < 2) return notRecognized('unknownFormat', 'neither JSON nor a tab-separated report');
  const columns = new ColumnReader(header);
  const any = (...names: string[]) => names.some((n) => columns.has(n));
  if (columns.has('Date', 'Rating', 'Order ID')) return { reader: readFeedbackReport, needsMarketplace: true };
  if (columns.has('order-id') && any('promise-date', 'days-past-promise', 'quantity-to-ship')) {
    return { reader: readUnshippedReport, needsMarketplace: true };
  }
  if (any('amazon-order-id', 'order-id') && columns.has('purchase-date', 'order-status')) {
    return { reader: readAllOrdersReport, needsMarketplace: false };
  }
  const shown = header.slice(0, 4).join(', ').slice(0, 120);
  return notRecognized('unknownFormat', `a tab-separated file, but not a report Redline reads (columns: ${shown}…)`);
}

/** The format of a file's text (see the rules above), or why it is not recognized. */
export function detectFormat(text: string): DetectedFormat | Failure {
  const input = textInput(text);
  if (!input.ok) return input;
  const start = input.text.trimStart()[0];
  if (start !== '{' && start !== '[') return detectTable(input.text);
  const parsed = jsonInput(input.text);
  if (!parsed.ok) return parsed;
  const detected = detectJson(parsed.value);
  return 'reader' in detected ? { ...detected, parsed: parsed.value } : detected;
}

const readDetected: Reader = neverThrows('file', (text, ctx) => {
  if (typeof text !== 'string') return notRecognized('unknownFormat', 'expected the text of a file');
  const detected = detectFormat(text);
  return 'reader' in detected ? detected.reader('parsed' in detected ? detected.parsed : text, ctx) : detected;
});

/** Reads a saved file of any known format. */
export function readAny(text: string, ctx: ReadContext): ReadResult {
  return readDetected(text, ctx);
}

export { isCapturedEndpoint, readResponse } from './endpoints';
