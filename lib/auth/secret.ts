import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, dataDir, databaseKind } from '@/db/config';

/**
 * The signing secret: BETTER_AUTH_SECRET, or on the embedded database one generated on first
 * start and kept in the data folder, so `npm start` needs no configuration.
 */
export function authSecret({ create = false } = {}): string {
  const fromEnv = process.env.BETTER_AUTH_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new ConfigError('BETTER_AUTH_SECRET must be at least 32 characters long.');
    return fromEnv;
  }
  if (databaseKind() === 'postgres') {
    throw new ConfigError(
      'BETTER_AUTH_SECRET is not set: on PostgreSQL, set it to a long random string (e.g. `openssl rand -base64 32`), the same on every app server.',
    );
  }
  const file = path.join(dataDir(), 'auth-secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  if (!create) throw new ConfigError(`No signing secret in ${file}: run \`npm start\` (or \`npm run db:prepare\`) first.`);
  fs.mkdirSync(dataDir(), { recursive: true });
  const secret = crypto.randomBytes(32).toString('base64url');
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function publicUrl(): string {
  return process.env.BETTER_AUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
}
