export * from './device';
export * from './recurrence';
export * from './checklist';
export * from './plan';
export * from './lifecycle';
export * from './inspection';
