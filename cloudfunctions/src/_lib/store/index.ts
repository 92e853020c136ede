/** The data port and its two adapters. Handlers depend on the port types only. */
export * from './port';
export { createSqliteStore, type SqliteStore, type SqliteStoreOptions } from './sqlite';
export { createCloudbaseStore, type CloudbaseStoreOptions } from './cloudbase';
