export * from './payment-segments';
export * from './dunning-strategy';
export * from './repair-frequency';
