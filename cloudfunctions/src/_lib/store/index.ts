/**
 * The data port and its two adapters, for the local runtime and tests. Deployed function code
 * imports `./port` and `./cloudbase` directly: this barrel would pull better-sqlite3 (a native
 * module) into a CloudBase bundle.
 */
export * from './port';
export { createSqliteStore, type SqliteStore, type SqliteStoreOptions } from './sqlite';
export { createCloudbaseStore, type CloudbaseStoreOptions } from './cloudbase';
