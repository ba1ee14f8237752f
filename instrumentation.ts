// Next calls register() once per server process before it serves requests (never while building).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { openAtServerStart } = await import('./db/server-start');
  await openAtServerStart();
  // Background jobs (catalog sync, later alerts and digests): one run per slot across servers (lib/jobs).
  const { startJobsAtServerStart } = await import('./lib/jobs/server-start');
  startJobsAtServerStart();
}
