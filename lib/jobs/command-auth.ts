/**
 * `npm run jobs` asks the running server (PGlite: the server holds the database) to run a job, signed with the app
 * secret over the job and the time (lib/security/timed-signature.ts).
 */
import { signTimed, verifyTimed } from '@/lib/security/timed-signature';

export const SIGNATURE_HEADER = 'x-uplift-job-signature';

export const signJobRequest = (secret: string, job: string, now = Date.now()) => signTimed(secret, 'uplift-jobs', [job], now);

export const verifyJobRequest = (secret: string, job: string, header: string | null, now = Date.now()) => verifyTimed(secret, 'uplift-jobs', [job], header, now);
