export * from './room-code';
export * from './search-keys';
export * from './binding-check';
export * from './import-sheet';
