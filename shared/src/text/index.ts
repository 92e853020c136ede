export * from './ellipsize';
