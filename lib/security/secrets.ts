import crypto from 'node:crypto';
import { authSecret } from '@/lib/auth/secret';

/**
 * Credentials Uplift must keep (vendor API keys, OIDC client secrets, webhook signing keys) are stored
 * sealed: AES-256-GCM under a key derived from the app secret with HKDF, one key per purpose, and the
 * purpose bound in as associated data, so a value sealed for one use cannot be replayed in another.
 * The database alone (or a backup of it) never reveals them.
 */
const VERSION = 'v1';
const IV_BYTES = 12;

export class SecretUnreadableError extends Error {
  constructor(purpose: string) {
    super(`A stored ${purpose} credential cannot be decrypted (the app secret changed or the value was altered): enter it again.`);
  }
}

function keyFor(purpose: string, appSecret: string): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', appSecret, 'uplift-sealed-secrets', `purpose:${purpose}`, 32));
}

/** Seals `plaintext` for `purpose` ("usage:openai", "oidc-client", …) into one printable string. */
export function sealSecret(plaintext: string, purpose: string, appSecret: string = authSecret()): string {
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv('aes-256-gcm', keyFor(purpose, appSecret), iv);
  cipher.setAAD(Buffer.from(purpose, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

/** The plaintext of a value sealed for the same purpose; throws SecretUnreadableError otherwise. */
export function openSecret(sealed: string, purpose: string, appSecret: string = authSecret()): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || body === undefined) throw new SecretUnreadableError(purpose);
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', keyFor(purpose, appSecret), Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(purpose, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretUnreadableError(purpose);
  }
}

/** What a page may show of a saved credential: its last four characters, never more. */
export function secretHint(plaintext: string): string {
  return plaintext.length <= 8 ? '••••' : `••••${plaintext.slice(-4)}`;
}
