/** The metrics engine's public surface: the report, its schemas, and the helpers the UI may reuse. */
export { computeHealthReport, reportOrdersFrom, type EngineChecks, type HealthData } from './report';
export { orderReachAt } from './order-pass';
export * from './report-schema';
export { calendarFor, dateOfDay, dayOfDate, LocalCalendar, DAY_MS } from './calendar';
export { marginOf, meetsTarget, rateOf, statusOf, basisPointsOf, type WarningRule } from './targets';
