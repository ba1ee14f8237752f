/**
 * What `npm run jobs -- <name>` does: on PostgreSQL it runs the job itself (the lease keeps it to one run); on
 * PGlite it asks the running server on loopback, whose process holds the database, and runs the job itself
 * only when no server answers.
 */
import { SIGNATURE_HEADER, signJobRequest } from './command-auth';
import type { RunResult } from './runner';

export type CommandDeps = {
  kind: 'pglite' | 'postgres';
  /** The loopback address of this install's server, e.g. http://127.0.0.1:3000. */
  serverUrl: string;
  secret: () => string;
  runHere: () => Promise<RunResult>;
};

export type CommandOutcome = { via: 'server' | 'here'; result: RunResult };

export async function runCommand(job: string, deps: CommandDeps): Promise<CommandOutcome> {
  if (deps.kind === 'pglite') {
    let res: Response | null = null;
    try {
      res = await fetch(`${deps.serverUrl}/api/jobs/run`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signJobRequest(deps.secret(), job) },
        body: JSON.stringify({ job }),
      });
    } catch {
      res = null; // nobody listening: no server holds the database
    }
    if (res) {
      const body = (await res.json().catch(() => null)) as (RunResult & { error?: string }) | null;
      if (res.status === 401 || !body) throw new Error(body?.error ?? `The server at ${deps.serverUrl} answered ${res.status}; is it this install's server?`);
      return { via: 'server', result: body };
    }
  }
  return { via: 'here', result: await deps.runHere() };
}

/** One line for the terminal, and the exit code. */
export function describeOutcome(job: string, o: CommandOutcome): { line: string; code: number } {
  const where = o.via === 'server' ? ' (run by the server)' : '';
  const r = o.result;
  if (!r.ran) return { line: `${r.message}`, code: r.reason === 'unknown' ? 2 : 1 };
  if (r.outcome === 'failed') return { line: `${job} failed${where}: ${r.error}`, code: 1 };
  return { line: `${job} succeeded${where}: ${r.summary ?? 'done'}`, code: 0 };
}
