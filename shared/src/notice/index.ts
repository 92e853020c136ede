export * from './rich-text';
export * from './notice';
export * from './targeting';
export * from './read-rate';
export * from './markup';
