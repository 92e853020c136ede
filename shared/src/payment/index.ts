export * from './order';
export * from './out-trade-no';
export * from './price-bills';
export * from './notification';
export * from './refund';
export * from './reconcile';
