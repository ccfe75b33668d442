/** Readers of Amazon's formats: each a pure `(input, ctx) => ReadResult` that never throws. */
export { detectFormat, isCapturedEndpoint, readAny, readResponse, type DetectedFormat } from './detect';
export type { ReadContext, Reader } from './result';
export { readOrdersApiOrder, readOrdersApiSearch } from './orders-api';
export { readCountOrders } from './count-orders';
export { readSpApiOrders } from './sp-api-orders';
export { readSpApiOrdersV0 } from './sp-api-orders-v0';
export { readPerformanceReport } from './performance-report';
export { readPerformanceSummary } from './performance-summary';
export { readFeedbackReport } from './flat-feedback';
export { readUnshippedReport } from './flat-unshipped';
export { readAllOrdersReport } from './flat-all-orders';
export { readFeedbacksApi } from './feedbacks-api';
export { readChargebacksApi } from './chargebacks-api';
export { readClaimsApi } from './claims-api';
export { readRedlineExport } from './redline-export';
