export * from './message';
export * from './conversation';
export * from './complaint';
export * from './quick-replies';
