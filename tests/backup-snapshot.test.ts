import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { backupJson, openBackup, writeBackupFile } from '@/db/backup/create';
import { rawRows } from '@/db/sql';
import { describeEachDb } from './helpers/db';

type Row = Record<string, unknown>;

describeEachDb(
  'a backup is one snapshot',
  (ctx) => {
    it('a write committed between two pages is in the file wholly or not at all', async () => {
      const [{ id: last, team_id: team }] = await rawRows<{ id: number; team_id: number }>(ctx.db, sql`select id, team_id from experiments order by id desc limit 1`);
      const experimentsBefore = Number((await rawRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from experiments`))[0].n);
      expect(experimentsBefore).toBeGreaterThan(40);

      // After the first page of experiments (teams already read), one transaction adds a team and moves
      // the newest experiment (on a later page) into it. Read outside one snapshot, the file would hold
      // the move but not the team: a reference that does not resolve.
      let write: Promise<unknown> | undefined;
      let text = '';
      const chunks = backupJson(ctx.db, 'test', {
        batch: 10,
        afterPage: async (table, page) => {
          if (table !== 'experiments' || page !== 1) return;
          write = ctx.db.transaction(async (tx) => {
            const [{ id }] = await rawRows<{ id: number }>(tx, sql`insert into teams (name) values ('Snapshot probe') returning id`);
            await tx.execute(sql`update experiments set team_id = ${id} where id = ${last}`);
          });
          // PostgreSQL commits it now, on another connection; PGlite's one connection runs it after the snapshot.
          if (ctx.kind === 'postgres') await write;
        },
      });
      for await (const chunk of chunks) text += chunk;
      await write;

      const file = JSON.parse(text) as { tables: Record<string, Row[]> };
      const teamIds = new Set(file.tables.teams.map((t) => t.id));
      expect(file.tables.teams.some((t) => t.name === 'Snapshot probe')).toBe(false);
      const moved = file.tables.experiments.find((e) => e.id === last)!;
      expect(moved.team_id).toBe(team);
      expect(file.tables.experiments.filter((e) => !teamIds.has(e.team_id))).toEqual([]);
      expect(file.tables.experiments.length).toBe(experimentsBefore);
      // The write did commit: the next backup holds it.
      const [{ team_id: now }] = await rawRows<{ team_id: number }>(ctx.db, sql`select team_id from experiments where id = ${last}`);
      expect(now).not.toBe(team);
    });

    it('pages by primary key reach every row once, whatever the page size', async () => {
      let small = '';
      for await (const chunk of backupJson(ctx.db, 'test', { batch: 7, now: new Date(0) })) small += chunk;
      let large = '';
      for await (const chunk of backupJson(ctx.db, 'test', { now: new Date(0) })) large += chunk;
      expect(small).toBe(large);
      const file = JSON.parse(small) as { tables: Record<string, Row[]> };
      const ids = file.tables.experiments.map((e) => e.id as number);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
    });

    it('writes the file readable by its owner only, and leaves no temporary file behind', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uplift-snapshot-test-'));
      try {
        const file = path.join(dir, 'b.json.gz');
        const rows = await writeBackupFile(ctx.db, 'test', file, { gzip: true });
        expect(rows).toBeGreaterThan(100);
        expect(fs.statSync(file).mode & 0o777).toBe(0o600);
        const stream = await openBackup(ctx.db, 'test');
        const temp = String(stream.path);
        expect(fs.statSync(temp).mode & 0o777).toBe(0o600);
        expect(fs.statSync(path.dirname(temp)).mode & 0o777).toBe(0o700);
        for await (const chunk of stream) expect((chunk as Buffer).length).toBeGreaterThan(0);
        await stream.removed;
        expect(fs.existsSync(path.dirname(temp))).toBe(false);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  },
  { demo: true },
);
