/** The metrics engine's public surface: the report and its schemas (its parts are imported from their own files). */
export { computeHealthReport, reportOrdersFrom, type HealthData } from './report';
export * from './report-schema';
