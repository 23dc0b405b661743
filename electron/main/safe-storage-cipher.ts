import type { SafeStorage } from 'electron';
import type { SecretCipher } from '../core/workspace/index.ts';

/** The workspace store's SecretCipher over Electron's safeStorage (Keychain, DPAPI, libsecret/kwallet). */
export function safeStorageCipher(safeStorage: SafeStorage): SecretCipher {
  return {
    // On Linux without a keyring safeStorage falls back to a hard-coded key: treat that as unavailable.
    isAvailable: () => safeStorage.isEncryptionAvailable() && (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'),
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (cipher) => safeStorage.decryptString(cipher),
  };
}
