import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';
import { secureRandomBytes } from './random.ts';

/**
 * Authenticated encryption (AES-256-GCM) for secrets that must be readable again later
 * (queued message bodies, the company's code word). The key id is stored beside the
 * ciphertext so keys can be rotated: old rows stay readable while new rows use the new key.
 */
export interface KeyRing {
  currentKeyId: string;
  keys: Record<string, string>;
}

// Derived once per secret: every sealed message needs its key, a sign-in seals three.
const derivedKeys = new Map<string, Buffer>();

function keyBytes(secret: string): Buffer {
  let key = derivedKeys.get(secret);
  if (!key) {
    key = createHash('sha256').update(secret).digest();
    derivedKeys.set(secret, key);
  }
  return key;
}

export function encrypt(ring: KeyRing, plaintext: string): string {
  const secret = ring.keys[ring.currentKeyId];
  if (!secret) throw new Error(`encryption key ${ring.currentKeyId} is not configured`);
  const iv = secureRandomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyBytes(secret), iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [ring.currentKeyId, iv.toString('base64url'), tag.toString('base64url'), body.toString('base64url')].join('.');
}

export function decrypt(ring: KeyRing, sealed: string): string {
  const [keyId, iv, tag, body] = sealed.split('.');
  const secret = keyId ? ring.keys[keyId] : undefined;
  if (!secret || !iv || !tag || body === undefined) throw new Error('cannot decrypt: unknown key or malformed value');
  const decipher = createDecipheriv('aes-256-gcm', keyBytes(secret), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

export function keyIdOf(sealed: string): string {
  return sealed.split('.')[0] ?? '';
}
