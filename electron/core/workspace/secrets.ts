/**
 * Encrypts secrets (database passwords) before they reach the workspace file. The desktop app passes
 * an adapter over Electron's safeStorage (OS keychain / DPAPI / libsecret); the CLI has none, so it
 * never stores a password and reads one from PGPASSWORD or ~/.pgpass instead (node-postgres does).
 */
export interface SecretCipher {
  isAvailable(): boolean;
  encrypt(plain: string): Buffer;
  decrypt(cipher: Buffer): string;
}

export const noSecretCipher: SecretCipher = {
  isAvailable: () => false,
  encrypt: () => {
    throw new SecretStorageUnavailableError();
  },
  decrypt: () => {
    throw new SecretStorageUnavailableError();
  },
};

export class SecretStorageUnavailableError extends Error {
  override readonly name = 'SecretStorageUnavailableError';
  constructor() {
    super(
      'passwords are not stored here: no OS secret storage is available to encrypt them; ' +
        'leave the password out of the URL and provide it through PGPASSWORD or ~/.pgpass',
    );
  }
}
