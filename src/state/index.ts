/**
 * @module state
 * The public face of the state folder: the in-memory {@link Store} implementation that sits beside
 * the port for unit tests and the console.
 */

export type { MemoryStoreOptions } from './memory-store.ts';
export { MemoryStore } from './memory-store.ts';
