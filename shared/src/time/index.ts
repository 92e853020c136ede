export * from './shanghai';
export * from './period';
