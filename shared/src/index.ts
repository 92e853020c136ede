import './schemas/zod-setup';
export * from './errors';
export * from './money';
export * from './time';
export * from './ids';
export * from './schemas';
export * from './property';
export * from './billing';
export * from './api';
