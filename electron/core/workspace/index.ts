export { WorkspaceStore } from './store.ts';
export type { ConnectionProfile, HistoryEntry, NewHistoryEntry, WorkspaceStoreOptions } from './store.ts';
export { noSecretCipher, SecretStorageUnavailableError } from './secrets.ts';
export type { SecretCipher } from './secrets.ts';
