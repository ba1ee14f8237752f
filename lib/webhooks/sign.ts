/**
 * The signature every webhook request carries: `X-Uplift-Signature: sha256=<hex>`, the HMAC-SHA256 of the exact
 * request body under the webhook's secret (shown once when the webhook is created). A receiver recomputes it over
 * the raw body and compares in constant time.
 */
import crypto from 'node:crypto';

export const SIGNATURE_HEADER = 'x-uplift-signature';

export function signBody(secret: string, body: string): string {
  return `sha256=${crypto.createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

export function verifyBody(secret: string, body: string, header: string | null | undefined): boolean {
  const expected = Buffer.from(signBody(secret, body));
  const got = Buffer.from(header ?? '');
  return got.length === expected.length && crypto.timingSafeEqual(got, expected);
}

/** A new signing secret: 32 random bytes, printable. */
export function newWebhookSecret(): string {
  return `whsec_${crypto.randomBytes(32).toString('base64url')}`;
}

/** The purpose the secret is sealed under (lib/security/secrets.ts). */
export const WEBHOOK_SECRET_PURPOSE = 'webhook-signing';
