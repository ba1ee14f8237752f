// db/derived/ is the one home of the database's functions and triggers: each live function and trigger
// is defined in exactly one file there, with the live body equal to the file's, and the migrator applies
// a file again only when its content changed, recomputing its summary, in one transaction.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, expect, it } from 'vitest';
import { rawRows } from '@/db/sql';
import { DERIVED_FILES, applyDerived, derivedFolder } from '@/db/derived/apply';
import { NO_DRIFT, summaryDrift } from './helpers/summary-definitions';
import { describeEachDb } from './helpers/db';

type Defined = { file: string; kind: 'function' | 'trigger'; key: string; body?: string };

/** What each file defines: functions by name (with their body), triggers by name and table. */
function definitions(folder = derivedFolder): Defined[] {
  const out: Defined[] = [];
  for (const file of DERIVED_FILES) {
    const text = fs.readFileSync(path.join(folder, `${file}.sql`), 'utf8');
    for (const m of text.matchAll(/CREATE (?:OR REPLACE )?FUNCTION (\w+)\([^)]*\)[^$]*?AS \$\$([\s\S]*?)\$\$/g))
      out.push({ file, kind: 'function', key: m[1], body: m[2] });
    for (const m of text.matchAll(/CREATE TRIGGER (\w+)[\s\S]*? ON ("?\w+"?)/g)) out.push({ file, kind: 'trigger', key: `${m[1]} on ${m[2].replace(/"/g, '')}` });
  }
  return out;
}

// An extension's own functions (pg_trgm's, migration 0021) are not ours to define: left out.
const LIVE_FUNCTIONS = sql`select p.proname as key, p.prosrc as body, p.prosecdef as definer from pg_proc p
  join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'public'
  and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e') order by 1`;
const LIVE_TRIGGERS = sql`select t.tgname || ' on ' || c.relname as key from pg_trigger t join pg_class c on c.oid = t.tgrelid
  join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and not t.tgisinternal order by 1`;

const tempDirs: string[] = [];
afterAll(() => tempDirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** A copy of db/derived/ with `change` applied to one file's text. */
function changedCopy(file: string, change: (text: string) => string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uplift-derived-'));
  tempDirs.push(dir);
  for (const f of DERIVED_FILES) fs.copyFileSync(path.join(derivedFolder, `${f}.sql`), path.join(dir, `${f}.sql`));
  const target = path.join(dir, `${file}.sql`);
  fs.writeFileSync(target, change(fs.readFileSync(target, 'utf8')));
  return dir;
}

it('each function and trigger is written in exactly one file, 36 functions and 127 triggers in all', () => {
  const defined = definitions();
  const keys = defined.map((d) => `${d.kind} ${d.key}`);
  expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  expect(defined.filter((d) => d.kind === 'function')).toHaveLength(36);
  expect(defined.filter((d) => d.kind === 'trigger')).toHaveLength(127);
  const perFile = Object.fromEntries(
    DERIVED_FILES.map((f) => [f, [defined.filter((d) => d.file === f && d.kind === 'function').length, defined.filter((d) => d.file === f && d.kind === 'trigger').length]]),
  );
  expect(perFile).toEqual({
    'data-version': [3, 76],
    'model-usage': [6, 5],
    'checkin-summary': [3, 5],
    'outcome-slice': [2, 2],
    'model-summary': [9, 19],
    'model-best-scores': [2, 3],
    'outcome-count': [3, 5],
    'insights-rollup': [3, 5],
    'usage-rollup': [4, 5],
    'audit-log-append-only': [1, 2],
  });
});

describeEachDb(
  'db/derived/ is what the database runs',
  (ctx) => {
    it('every live function and trigger is the one a file defines, with the file’s body', async () => {
      const defined = definitions();
      const functions = await rawRows<{ key: string; body: string; definer: boolean }>(ctx.ownerDb, LIVE_FUNCTIONS);
      const triggers = await rawRows<{ key: string }>(ctx.ownerDb, LIVE_TRIGGERS);
      expect(functions.map((f) => f.key)).toEqual(defined.filter((d) => d.kind === 'function').map((d) => d.key).sort());
      expect(triggers.map((t) => t.key).sort()).toEqual(defined.filter((d) => d.kind === 'trigger').map((d) => d.key).sort());
      const bodies = Object.fromEntries(defined.filter((d) => d.kind === 'function').map((d) => [d.key, d.body]));
      expect(functions.filter((f) => f.body !== bodies[f.key]).map((f) => f.key)).toEqual([]);
      // The writers of tables the app may only read run with the owner's rights, and only they.
      expect(functions.filter((f) => f.definer).map((f) => f.key)).toEqual([
        'data_version_before_write',
        'data_version_bump',
        'data_version_lock',
        'insights_rollup_refresh',
        'insights_rollup_settings',
        'model_best_scores_refresh',
        'model_usage_experiment_deleted',
        'model_usage_experiments_updated',
        'model_usage_links_deleted',
        'model_usage_links_inserted',
        'model_usage_links_updated',
        'usage_rollup_refresh',
      ]);
    });

    it('applies nothing again while the files are unchanged, and records one hash per file', async () => {
      expect(await applyDerived(ctx.ownerDb)).toEqual([]);
      const recorded = await rawRows<{ name: string }>(ctx.ownerDb, sql`select name from drizzle.uplift_derived order by name`);
      expect(recorded.map((r) => r.name)).toEqual([...DERIVED_FILES].sort());
    });

    it('re-applies only the changed file, and recomputes its summary from the raw rows', async () => {
      // A summary gone wrong behind the triggers' back (only the owner can).
      await ctx.ownerDb.execute(sql`update model_usage set experiments = experiments + 5`);
      expect((await summaryDrift(ctx.ownerDb)).modelUsage).toBeGreaterThan(0);
      const [{ version: before }] = await rawRows<{ version: string }>(ctx.ownerDb, sql`select version::text from data_version`);
      const changed = changedCopy('model-usage', (t) => `${t}\n-- a changed comment is a changed file\n`);
      expect(await applyDerived(ctx.ownerDb, { folder: changed })).toEqual(['model-usage']);
      expect(await summaryDrift(ctx.ownerDb)).toEqual(NO_DRIFT);
      // Cached figures were computed from the old summary: the version moved.
      const [{ version: after }] = await rawRows<{ version: string }>(ctx.ownerDb, sql`select version::text from data_version`);
      expect(BigInt(after)).toBeGreaterThan(BigInt(before));
      expect(await applyDerived(ctx.ownerDb, { folder: changed })).toEqual([]);
      expect(await applyDerived(ctx.ownerDb)).toEqual(['model-usage']);
    });

    it('a file that fails part-way changes nothing: its triggers stay, its hash is not recorded', async () => {
      const broken = changedCopy('insights-rollup', (t) => `${t}\n--> statement-breakpoint\nSELECT no_such_function();\n`);
      const hash = async () => (await rawRows<{ hash: string }>(ctx.ownerDb, sql`select hash from drizzle.uplift_derived where name = 'insights-rollup'`))[0].hash;
      const kept = await hash();
      await expect(applyDerived(ctx.ownerDb, { folder: broken })).rejects.toThrow();
      expect(await hash()).toBe(kept);
      const triggers = await rawRows<{ key: string }>(ctx.ownerDb, LIVE_TRIGGERS);
      expect(triggers.filter((t) => t.key.startsWith('insights_rollup_')).map((t) => t.key)).toEqual([
        'insights_rollup_delete on experiments',
        'insights_rollup_insert on experiments',
        'insights_rollup_settings on org_settings',
        'insights_rollup_truncate on experiments',
        'insights_rollup_update on experiments',
      ]);
      expect(await applyDerived(ctx.ownerDb)).toEqual([]);
    });
  },
  { demo: true, today: '2026-11-28' },
);
