export * from './questions';
export * from './answers';
export * from './survey';
export * from './aggregate';
export * from './templates';
