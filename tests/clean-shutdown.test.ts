// The embedded database closes cleanly on SIGTERM / SIGINT: the process exits 0 after closing,
// the folder lock is released, and the data is there when the folder is opened again.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectPglite } from '@/db/connect';
import { lockFile } from '@/db/lock';
import { teams } from '@/db/schema';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function runUntilSignal(dir: string, signal: NodeJS.Signals): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join('scripts', 'reliability', 'signal-child.ts'), dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready') && !child.killed) child.kill(signal);
    });
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('closing on signals', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal}: closes the database, releases the lock, keeps the data`, async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uplift-signal-'));
      dirs.push(dir);
      const { code, output } = await runUntilSignal(dir, signal);
      expect(output).toContain('closed');
      expect(code).toBe(0);
      expect(fs.existsSync(lockFile(dir))).toBe(false);
      const conn = await connectPglite(dir);
      try {
        const rows = await conn.db.select().from(teams);
        expect(rows.map((r) => r.name)).toContain('Written before the signal');
      } finally {
        await conn.close();
      }
    }, 180_000); // a child that creates and migrates a database: a minute on 2 busy cores
  }
});
