// Secrets Steward must read back (Stripe and help desk signing secrets, outgoing webhook
// secrets) are kept sealed with AES-256-GCM under one key, STEWARD_SECRET_KEY: a copy of the
// database alone (a backup, a replica, a leaked dump) does not give them away. The same key
// signs what Steward must recognise later without storing it (a password reset link).
//
// The key: STEWARD_SECRET_KEY (32 bytes as base64 or 64 hex digits); unset, a key generated
// once into the data directory (`secret.key`, mode 0600) — right for the embedded set-up and
// for several processes on one machine; processes on several machines must share the variable.
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A sealed value: `sealed:v1:<iv>:<tag>:<ciphertext>`, each part base64url. */
const sealedPrefix = 'sealed:v1:';
const keyFileName = 'secret.key';

export type SecretBox = {
  /** Encrypts a value for the database; every call gives a different text (random IV). */
  seal(plain: string): string;
  /** The plain value, or undefined when it was sealed under another key or was altered. */
  open(sealed: string): string | undefined;
  /** A keyed MAC (HMAC-SHA256, base64url) of `value` for one purpose, never stored. */
  sign(purpose: string, value: string): string;
  /** Whether `signature` is `sign(purpose, value)`, compared in constant time. */
  verify(purpose: string, value: string, signature: string): boolean;
};

export function isSealed(value: string): boolean {
  return value.startsWith(sealedPrefix);
}

/** Reads STEWARD_SECRET_KEY's value: 32 bytes as 64 hex digits or as base64 / base64url. */
export function parseSecretKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (key.length !== 32) {
    throw new Error(
      'STEWARD_SECRET_KEY must be 32 random bytes, as 64 hex digits or base64 (openssl rand -base64 32).',
    );
  }
  return key;
}

export function secretBoxFromKey(key: Buffer): SecretBox {
  // Separate keys for sealing and signing, derived from the one the operator keeps.
  const derive = (use: string) => createHmac('sha256', key).update(`steward:${use}`).digest();
  const sealKey = derive('seal');
  const signKey = derive('sign');
  const sign = (purpose: string, value: string) =>
    createHmac('sha256', signKey).update(`${purpose}\0${value}`).digest('base64url');
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', sealKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${sealedPrefix}${[iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join(':')}`;
    },
    open(sealed) {
      if (!isSealed(sealed)) return undefined;
      const [iv, tag, body, ...rest] = sealed.slice(sealedPrefix.length).split(':');
      if (iv === undefined || tag === undefined || body === undefined || rest.length > 0) {
        return undefined;
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', sealKey, Buffer.from(iv, 'base64url'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([
          decipher.update(Buffer.from(body, 'base64url')),
          decipher.final(),
        ]).toString('utf8');
      } catch {
        return undefined;
      }
    },
    sign,
    verify(purpose, value, signature) {
      const expected = Buffer.from(sign(purpose, value));
      const given = Buffer.from(signature);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}

/** The key in the data directory, made on first use (several processes may race to make it). */
function dataDirectoryKey(dataDir: string): Buffer {
  const file = path.join(dataDir, keyFileName);
  try {
    return parseSecretKey(readFileSync(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process wrote it first: use theirs.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return parseSecretKey(readFileSync(file, 'utf8'));
}

const boxes = new Map<string, SecretBox>();

/** The install's box: from STEWARD_SECRET_KEY, else from the data directory's key file. */
export function secretBox(config: { secretKey: string | undefined; dataDir: string }): SecretBox {
  const id = config.secretKey ? `env:${config.secretKey}` : `dir:${config.dataDir}`;
  let box = boxes.get(id);
  if (!box) {
    box = secretBoxFromKey(
      config.secretKey ? parseSecretKey(config.secretKey) : dataDirectoryKey(config.dataDir),
    );
    boxes.set(id, box);
  }
  return box;
}
