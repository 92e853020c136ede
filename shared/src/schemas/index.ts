export * from './identity';
export * from './property';
