export * from './spec';
export * from './dashboard';
export * from './analytics';
export * from './bars';
