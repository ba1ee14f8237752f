/**
 * `npm run usage -- import` on PGlite sends the file to the running server (which holds the database), signed with
 * the app secret like `npm run jobs` (lib/security/timed-signature.ts), over the source, the file name, the SHA-256
 * of the file and the time, so a signature cannot carry another file.
 */
import { signTimed, verifyTimed } from '@/lib/security/timed-signature';

export const USAGE_SIGNATURE_HEADER = 'x-uplift-usage-signature';

const PURPOSE = 'uplift-usage-import';

export const signUsageImport = (secret: string, source: string, fileName: string, sha256: string, now = Date.now()) =>
  signTimed(secret, PURPOSE, [source, fileName, sha256], now);

export const verifyUsageImport = (secret: string, source: string, fileName: string, sha256: string, header: string | null, now = Date.now()) =>
  verifyTimed(secret, PURPOSE, [source, fileName, sha256], header, now);
