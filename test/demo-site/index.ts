/** The demo Seller Central: a generated seller (generate.ts) served at the real URLs (server.ts). */
export { generateDemoSeller, DEFAULT_SEED, DEMO_HOST, DEMO_MARKETPLACE_ID, DEMO_TIME_ZONE } from './generate';
export type { DemoSeller, DemoSellerOptions } from './generate';
export type * from './model';
export { DemoSite, DEMO_PAGES, DEMO_PAGE_REQUEST_HEADER } from './server';
export type { DemoResponse, DemoSiteOptions, SignedOutMode } from './server';
export { referenceMetrics, maxUnder } from './reference-metrics';
export type { ReferenceMetrics, RateCount, OdrCount } from './reference-metrics';
export * as demoApi from './api';
