import { z } from 'zod';
import { PAGING_PARAMETERS } from '../model/paging';
import { EpochMs, RATE_METRICS, Settings } from '../model';

/**
 * Every message sent to the background worker, one strict schema each. The worker validates each
 * message before acting on it; anything else is rejected.
 */

/** A response the page itself received, observed by the MAIN-world bridge (never a request of ours). */
export const CaptureResponse = z.object({
  type: z.literal('captureResponse'),
  /** URL path only: query strings can carry search terms typed by the seller. */
  path: z.string().max(500),
  status: z.number().int().min(0).max(999),
  contentType: z.string().max(200).nullable(),
  body: z.string().max(50_000_000),
  /** The request's paging parameters (lib/model/paging.ts): digits, or whether a cursor was sent. */
  paging: z.partialRecord(z.enum(PAGING_PARAMETERS), z.string().regex(/^(\d{1,9}|set|)$/)).optional(),
  observedAt: EpochMs,
});

/** Text read from a page's DOM where there is no JSON: a DOM reader's raw extraction. */
export const CaptureDom = z.object({
  type: z.literal('captureDom'),
  page: z.enum(['accountHealth', 'feedbackManager', 'claims', 'chargebacks']),
  path: z.string().max(500),
  /** `<html lang>`: numbers and dates are parsed in the page's locale. */
  lang: z.string().max(35),
  extraction: z.unknown(),
  observedAt: EpochMs,
});

/**
 * A page the content script could not read: kept in the log and shown in the popup and the options
 * page's data log, with which page it was, what did not match and its element structure (no values:
 * lib/shape-report/dom.ts). Sent right after a DOM capture the worker did not recognize, it adds the
 * shape to that capture's log entry instead of a second one.
 */
export const PageNotRecognized = z.object({
  type: z.literal('pageNotRecognized'),
  path: z.string().max(500),
  reason: z.string().max(64),
  detail: z.string().max(500),
  page: z
    .string()
    .regex(/^[A-Za-z]{1,40}$/)
    .optional(),
  missing: z.string().max(500).optional(),
  shape: z.string().max(21_000).optional(),
  observedAt: EpochMs,
});

/** The content script asks which of the orders on screen are at risk, to badge them. */
export const GetOrderRisks = z.object({
  type: z.literal('getOrderRisks'),
  orderIds: z.array(z.string().max(64)).max(1000),
});

/**
 * The content script asks what it needs to overlay a page besides order risks: the reports of the
 * page's marketplace (Account Health rows) and display settings (quiet marks). The worker picks
 * the reports from the sender tab's host, never from the message.
 */
export const GetPageContext = z.object({ type: z.literal('getPageContext') });

/** Confirm-shipment / buy-shipping form: the number being typed, checked in the worker (format, carrier, reuse). */
export const CheckTracking = z.object({
  type: z.literal('checkTracking'),
  orderId: z.string().max(64),
  carrier: z.string().max(100),
  trackingNumber: z.string().max(100),
});

/** What an action on the page's order would do to its metric: cancel it, or confirm it without valid tracking. */
export const GetActionImpact = z.object({
  type: z.literal('getActionImpact'),
  orderId: z.string().max(64),
  action: z.enum(['sellerCancel', 'shipWithoutValidTracking']),
});

/** Negative feedback Amazon would likely remove (Feedback Manager, popup); `scope` from our own pages only. */
export const GetRemovableFeedback = z.object({ type: z.literal('getRemovableFeedback'), scope: z.string().max(128).optional() });
/** Open A-to-z claims and chargebacks, most urgent first (claims and chargebacks pages, popup). */
export const GetOpenDisputes = z.object({ type: z.literal('getOpenDisputes'), scope: z.string().max(128).optional() });

export const GetPopupState = z.object({ type: z.literal('getPopupState'), scope: z.string().max(128).optional() });
/** The popup's "which orders make this": the orders behind one metric's figures, computed on demand. */
export const ExplainMetric = z.object({ type: z.literal('explainMetric'), metric: z.enum(RATE_METRICS), scope: z.string().max(128).optional() });
export const SetActiveScope = z.object({ type: z.literal('setActiveScope'), scope: z.string().max(128) });
export const GetSettings = z.object({ type: z.literal('getSettings') });
export const SaveSettings = z.object({ type: z.literal('saveSettings'), settings: Settings });

/** Options page: the active scope's marketplace, for imported files that name none (feedback, unshipped reports). */
export const GetImportContext = z.object({ type: z.literal('getImportContext') });
/**
 * Options page: the records it read from the seller's files (lib/readers/import-files.ts), to store.
 * Each batch is validated in the worker by `Batch` (lib/model/batch.ts) before anything is written,
 * once: the service parses it, so it is `unknown` here.
 */
export const ImportBatches = z.object({
  type: z.literal('importBatches'),
  files: z
    .array(z.object({ name: z.string().max(300), batch: z.unknown() }))
    .min(1)
    .max(50),
});
export const ExportData = z.object({ type: z.literal('exportData') });
/** Options page: the newest entries of the worker's log (what was read, what was not, and why). */
export const GetDataLog = z.object({ type: z.literal('getDataLog') });
export const DeleteAllData = z.object({ type: z.literal('deleteAllData') });

export const Message = z.discriminatedUnion('type', [
  CaptureResponse,
  CaptureDom,
  PageNotRecognized,
  GetOrderRisks,
  GetPageContext,
  GetPopupState,
  ExplainMetric,
  SetActiveScope,
  GetSettings,
  SaveSettings,
  GetImportContext,
  ImportBatches,
  ExportData,
  GetDataLog,
  DeleteAllData,
  CheckTracking,
  GetActionImpact,
  GetRemovableFeedback,
  GetOpenDisputes,
]);
export type Message = z.infer<typeof Message>;
export type MessageType = Message['type'];
export type MessageOf<T extends MessageType> = Extract<Message, { type: T }>;

/** Messages a content script on Seller Central may send; the rest come from our own pages only. */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<MessageType> = new Set([
  'captureResponse',
  'captureDom',
  'pageNotRecognized',
  'getOrderRisks',
  'getPageContext',
  'checkTracking',
  'getActionImpact',
  'getRemovableFeedback',
  'getOpenDisputes',
]);
