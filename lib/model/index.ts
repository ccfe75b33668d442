export * from './time';
export * from './metric-keys';
export * from './order';
export * from './defect';
export * from './reading';
export * from './settings';
export * from './batch';
