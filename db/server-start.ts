import { ConfigError, databaseKind } from './config';
import { getHandle } from './index';

/**
 * Called once when the Next server starts (instrumentation.ts): on the embedded database, open it now,
 * taking the data folder's lock, so a second server on the same folder (another container on a shared
 * volume too) stops at once with one sentence instead of failing on its first request.
 */
export async function openAtServerStart(): Promise<void> {
  if (databaseKind() !== 'pglite') return;
  try {
    await getHandle();
  } catch (err) {
    console.error(`Uplift cannot start: ${err instanceof ConfigError ? err.message : String(err)}`);
    process.exit(1);
  }
}
