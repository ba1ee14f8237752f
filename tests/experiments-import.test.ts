import { eq, sql } from 'drizzle-orm';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { applyImport, planImport } from '@/db/queries/experiments/import';
import { getExperimentDetail, getExperimentHistory } from '@/db/queries/experiments/detail';
import { experiments, teamMembers, user } from '@/db/schema';
import type { Db } from '@/db/types';
import type { SessionUser } from '@/lib/auth/permissions';
import { CONCLUSIONS, MINDSETS, SENSITIVITIES, STATUSES, WORK_TYPES } from '@/db/schema/experiments';
import { IMPORT_COLUMNS, IMPORT_EXAMPLE, importTemplateCsv, parseImportCsv } from '@/lib/validation/experiment-import';
import { IMPORT_COLUMN_HELP } from '@/lib/validation/import-help';
import { describeEachDb } from './helpers/db';

const lookups = { teams: new Map([['customer support', 1], ['finance', 2]]), models: new Map([['gpt-4o', 10], ['claude-3.5-sonnet', 11]]) };
const csv = (rows: Record<string, string>[]) => Papa.unparse({ fields: [...IMPORT_COLUMNS], data: rows.map((r) => IMPORT_COLUMNS.map((c) => r[c] ?? '')) });

describe('CSV import parsing', () => {
  it('reads the template’s example row as a valid experiment (models by slug, first is primary)', () => {
    const { rows, error } = parseImportCsv(importTemplateCsv(), lookups);
    expect(error).toBeUndefined();
    expect(rows).toHaveLength(1);
    const [r] = rows;
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.input).toMatchObject({ teamId: 1, modelIds: [10, 11], primaryModelId: 10, status: 'completed', conclusion: 'worked', tasksPerMonth: 800, channels: { 10: 'api', 11: 'consumer_paid' } });
  });
  it('reads access channels: none (the API), one for every model, one per model, codes or labels', () => {
    const { rows } = parseImportCsv(
      csv([
        { title: 'No channel', team: 'Finance', models: 'gpt-4o;claude-3.5-sonnet' },
        { title: 'One for all', team: 'Finance', models: 'gpt-4o;claude-3.5-sonnet', channels: 'Consumer app (free)' },
        { title: 'One each', team: 'Finance', models: 'gpt-4o;claude-3.5-sonnet', channels: 'self_hosted; Enterprise or workspace plan' },
        { title: 'Too many', team: 'Finance', models: 'gpt-4o', channels: 'api;api' },
        { title: 'Unknown', team: 'Finance', models: 'gpt-4o', channels: 'browser' },
      ]),
      lookups,
    );
    expect(rows.map((r) => (r.ok ? r.input.channels : r.errors))).toEqual([
      {},
      { 10: 'consumer_free', 11: 'consumer_free' },
      { 10: 'self_hosted', 11: 'enterprise' },
      ['Give one access channel, or one per model in the order of the models column.'],
      ['Choose an access channel from the list.'],
    ]);
  });
  it('accepts labels for enum columns and says per row what is wrong, with spreadsheet line numbers', () => {
    const { rows } = parseImportCsv(
      csv([
        { title: 'Labels', team: 'Finance', mindset: 'Create a new capability', status: 'Running', data_sensitivity: 'Confidential' },
        { title: '', team: 'Nowhere', models: 'gpt-99', start_date: '2026-02-01', end_date: '2026-01-01' },
      ]),
      lookups,
    );
    expect(rows[0]).toMatchObject({ ok: true, line: 2, input: { mindset: 'new_capability', status: 'running', dataSensitivity: 'confidential' } });
    expect(rows[1]).toMatchObject({ ok: false, line: 3 });
    if (!rows[1].ok)
      expect(rows[1].errors).toEqual(
        expect.arrayContaining(['Team "Nowhere" does not exist.', 'Model "gpt-99" is not in the catalog (use its name or slug as the Models page shows them).', 'Title is required.', 'End date is before start date.']),
      );
  });
  it('says what every column accepts: every code of every coded column, and the template’s example', () => {
    expect(IMPORT_COLUMN_HELP.map((c) => c.column)).toEqual([...IMPORT_COLUMNS]);
    const codes = (col: string) => IMPORT_COLUMN_HELP.find((c) => c.column === col)?.values?.map((v) => v.key);
    expect(codes('work_type')).toEqual([...WORK_TYPES]);
    expect(codes('mindset')).toEqual([...MINDSETS]);
    expect(codes('status')).toEqual([...STATUSES]);
    expect(codes('data_sensitivity')).toEqual([...SENSITIVITIES]);
    expect(codes('conclusion')).toEqual([...CONCLUSIONS]);
    expect(codes('channels')).toEqual(['consumer_free', 'consumer_paid', 'api', 'enterprise', 'self_hosted']);
    expect(IMPORT_COLUMN_HELP.find((c) => c.column === 'mindset')?.values?.[2]).toEqual({ key: 'new_capability', label: 'Create a new capability' });
    expect(IMPORT_COLUMN_HELP.find((c) => c.column === 'models')?.example).toBe(IMPORT_EXAMPLE.models);
    expect(IMPORT_COLUMN_HELP.filter((c) => !c.example).map((c) => c.column)).toEqual([]);
  });
  it('reads the exploration flag and the target metric; an exploration keeps no target metric', () => {
    const { rows } = parseImportCsv(
      csv([
        { title: 'Open-ended', team: 'Finance', exploration: 'yes', target_metric: 'ignored' },
        { title: 'Measured', team: 'Finance', exploration: 'no', target_metric: 'Days to close the books' },
      ]),
      lookups,
    );
    expect(rows.map((r) => (r.ok ? [r.input.exploration, r.input.targetMetric] : r.errors))).toEqual([
      [true, ''],
      [false, 'Days to close the books'],
    ]);
  });

  it('refuses files without a title column, with unknown columns, or empty', () => {
    expect(parseImportCsv('name,team\nx,y', lookups).error).toMatch(/no "title" column/);
    expect(parseImportCsv('title,colour\nx,red', lookups).error).toMatch(/Unknown column/);
    expect(parseImportCsv('title,team\n', lookups).error).toMatch(/no rows/);
  });
});

async function sessionUser(db: Db, email: string): Promise<SessionUser> {
  const [u] = await db.select({ id: user.id, name: user.name, email: user.email, role: user.role }).from(user).where(eq(user.email, email));
  const m = await db.select().from(teamMembers).where(eq(teamMembers.userId, u.id));
  return { ...u, teamIds: m.map((x) => x.teamId), leadTeamIds: m.filter((x) => x.teamRole === 'lead').map((x) => x.teamId) };
}
const count = async (db: Db) => (await db.select({ n: sql<number>`count(*)::int` }).from(experiments))[0].n;

describeEachDb(
  'CSV import into the database',
  (ctx) => {
    it('previews and applies a clean file in one go, with an audit entry per experiment', async () => {
      const lead = await sessionUser(ctx.db, 'lead@uplift.demo');
      const file = csv([
        { title: 'Imported one', team: 'Customer Support', models: 'gpt-4o;claude-3.5-sonnet', hours_before_per_task: '1', hours_with_ai_per_task: '0.25', tasks_per_month: '100' },
        { title: 'Imported two', team: 'customer support', status: 'completed', start_date: '2024-01-01', end_date: '2024-03-01' },
      ]);
      const plan = await planImport(ctx.db, lead, file);
      expect(plan).toMatchObject({ creatable: 2, rejected: 0 });
      const before = await count(ctx.db);
      const result = await applyImport(ctx.db, lead, file);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(await count(ctx.db)).toBe(before + 2);
      const e = (await getExperimentDetail(ctx.db, result.created[0]))!;
      expect(Number(e.hoursSavedPerMonth)).toBe(75);
      expect(e.models.find((m) => m.isPrimary)?.slug).toBe('gpt-4o');
      expect((await getExperimentHistory(ctx.db, e.id)).map((h) => h.action)).toEqual(['experiment.import']);
    });
    it('imports nothing when one row is rejected, and rejects rows for teams the lead does not lead', async () => {
      const lead = await sessionUser(ctx.db, 'lead@uplift.demo');
      const file = csv([
        { title: 'Fine row', team: 'Customer Support' },
        { title: 'Someone else’s team', team: 'Finance' },
      ]);
      const plan = await planImport(ctx.db, lead, file);
      expect(plan).toMatchObject({ creatable: 1, rejected: 1 });
      expect(plan.rows[1]).toMatchObject({ ok: false, errors: ['You can import only into teams you lead.'] });
      const before = await count(ctx.db);
      expect((await applyImport(ctx.db, lead, file)).ok).toBe(false);
      expect(await count(ctx.db)).toBe(before);
      const admin = await sessionUser(ctx.db, 'admin@uplift.demo');
      expect((await applyImport(ctx.db, admin, file)).ok).toBe(true);
      expect(await count(ctx.db)).toBe(before + 2);
    });
    it('accepts models by the name the catalog shows as well as by slug, and previews what each row becomes', async () => {
      const lead = await sessionUser(ctx.db, 'lead@uplift.demo');
      const plan = await planImport(
        ctx.db,
        lead,
        csv([{ title: 'By name', team: 'Customer Support', models: 'Claude Sonnet 4.6; gpt-4o', status: 'Running', start_date: '2026-01-05', hours_before_per_task: '1', hours_with_ai_per_task: '0.25', tasks_per_month: '100', spend_monthly_usd: '40' }]),
      );
      expect(plan).toMatchObject({ creatable: 1, rejected: 0 });
      expect(plan.rows[0].becomes).toBe('Customer Support · Running · Work type not set · Mindset not set · 2026-01-05 to … · Claude Sonnet 4.6 (primary), GPT-4o · Data sensitivity not set · saves 75 h/month · $40/month');
    });
    it('shows every error of a row at once: a bad model and a team the lead does not lead', async () => {
      const lead = await sessionUser(ctx.db, 'lead@uplift.demo');
      const plan = await planImport(ctx.db, lead, csv([{ title: 'Two problems', team: 'Finance', models: 'gpt-99' }]));
      expect(plan.rows[0]).toMatchObject({
        ok: false,
        errors: ['Model "gpt-99" is not in the catalog (use its name or slug as the Models page shows them).', 'You can import only into teams you lead.'],
      });
    });
    it('lets an executive import nothing', async () => {
      const exec = await sessionUser(ctx.db, 'exec@uplift.demo');
      const plan = await planImport(ctx.db, exec, csv([{ title: 'x', team: 'Finance' }]));
      expect(plan.creatable).toBe(0);
    });
  },
  { demo: true, today: '2026-11-28' },
);
