export * from './telemetry';
export * from './rules';
export * from './evaluate';
export * from './alarm';
export * from './secret-format';
export * from './documents';
