export * from './identity';
export * from './property';
export * from './staff';
