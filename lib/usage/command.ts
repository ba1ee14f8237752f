/**
 * What `npm run usage -- import <source> <file>` does, by the rule `npm run jobs` follows (lib/jobs/command.ts): on
 * PostgreSQL it imports itself; on PGlite it hands the file to the running server on loopback, whose process holds
 * the database, and imports itself only when no server answers.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { ImportUsageResult } from '@/db/queries/usage/import';
import { USAGE_SIGNATURE_HEADER, signUsageImport } from './command-auth';

export type UsageCommandDeps = {
  kind: 'pglite' | 'postgres';
  serverUrl: string;
  secret: () => string;
  importHere: () => Promise<ImportUsageResult>;
};

export type UsageCommandOutcome = { via: 'server' | 'here'; result: ImportUsageResult & { message?: string } };

async function sha256Of(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function runUsageImport(source: string, file: string, deps: UsageCommandDeps): Promise<UsageCommandOutcome> {
  if (deps.kind === 'pglite') {
    const fileName = path.basename(file);
    const signature = signUsageImport(deps.secret(), source, fileName, await sha256Of(file));
    let res: Response | null = null;
    try {
      const query = new URLSearchParams({ source, name: fileName });
      res = await fetch(`${deps.serverUrl}/api/usage/import?${query}`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', [USAGE_SIGNATURE_HEADER]: signature },
        body: Readable.toWeb(fs.createReadStream(file)) as ReadableStream<Uint8Array>,
        duplex: 'half',
      } as RequestInit);
    } catch {
      res = null; // nobody listening: no server holds the database
    }
    if (res) {
      const body = (await res.json().catch(() => null)) as (ImportUsageResult & { message?: string }) | null;
      if (res.status === 401 || !body) throw new Error((body as { error?: string } | null)?.error ?? `The server at ${deps.serverUrl} answered ${res.status}; is it this install's server?`);
      return { via: 'server', result: body };
    }
  }
  return { via: 'here', result: await deps.importHere() };
}
