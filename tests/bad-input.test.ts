// NUL bytes and ids beyond the integer range, wherever input arrives: form fields (cleaned), CSV files
// (refused whole), URL filters (cleaned, an over-large id ignored), ids in forms (a message), and the
// queries behind the pages given what the parsers let through — never a database error (22021, 22003).
// The pages themselves are requested in e2e/bad-input.spec.ts.
import { count, eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { listExperiments } from '@/db/queries/experiments/list';
import { getDashboardKpis } from '@/db/queries/dashboard/kpis';
import { experiments } from '@/db/schema';
import { cleanSearchParams, cleanText, csvText } from '@/lib/security/clean-text';
import { membershipSchema } from '@/lib/validation/admin';
import { parseDashboardParams, resolveDashboardFilters } from '@/lib/validation/dashboard-filters';
import { experimentFormObject, experimentSchema } from '@/lib/validation/experiment';
import { parseExperimentFilters } from '@/lib/validation/experiment-filters';
import { parseImportCsv } from '@/lib/validation/experiment-import';
import { idSchema, MAX_ID, versionSchema } from '@/lib/validation/ids';
import { startRetestSchema } from '@/lib/validation/insights';
import { benchmarkScoreSchema, modelUpdateSchema, priceChangeSchema } from '@/lib/validation/model';
import { parseModelFilters } from '@/lib/validation/model-filters';
import { parseModelImport } from '@/lib/validation/model-import';
import { ACTION_TABLE } from './helpers/action-table';
import { describeEachDb } from './helpers/db';
import { installDb, loadFixtures, runEntry, type Fixtures } from './helpers/security-harness';

vi.mock('next/headers', async () => (await import('./helpers/security-harness')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('./helpers/security-harness')).nextCacheMock);

const NUL_MESSAGE = /contains NUL bytes.*Save it as “CSV UTF-8”/;

describe('ids beyond the integer range are refused where they are ids', () => {
  it('bounds ids and versions to 1 … 2^31 − 1', () => {
    expect(MAX_ID).toBe(2 ** 31 - 1);
    expect(idSchema.parse('2147483647')).toBe(2147483647);
    for (const bad of ['2147483648', '99999999999', '9007199254740993', '1e30', '0', '-1', '3.5', 'abc', '']) {
      expect(idSchema.safeParse(bad).success, bad).toBe(false);
      expect(versionSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('the experiment form: an over-large team is a message next to the field; over-large model ids name no model', () => {
    const r = experimentSchema.safeParse({ title: 'T', teamId: '99999999999' });
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['teamId', 'Choose a team from the list.']]);
    const ok = experimentSchema.parse({ title: 'T', teamId: '3', modelIds: ['99999999999', '5', '-1'], primaryModelId: '99999999999' });
    expect([ok.teamId, ok.modelIds, ok.primaryModelId]).toEqual([3, [5], 5]);
  });

  it('admin, catalog and insights forms refuse them', () => {
    expect(membershipSchema.safeParse({ userId: 'u1', teamId: '99999999999', teamRole: 'lead' }).success).toBe(false);
    expect(priceChangeSchema.safeParse({ modelId: '99999999999', effectiveDate: '2026-01-01', input: '1', output: '2' }).success).toBe(false);
    expect(benchmarkScoreSchema.safeParse({ modelId: '2147483648', score: '50' }).success).toBe(false);
    expect(modelUpdateSchema.safeParse({ id: '99999999999', slug: 'a', name: 'A', vendor: 'V', releaseDate: '2025-01-01', dataPolicy: 'unknown' }).success).toBe(false);
    expect(startRetestSchema.safeParse({ experimentId: '99999999999', modelId: '1', version: '1' }).error?.issues[0].message).toBe('Choose an experiment.');
  });

  it('URL filters ignore them like any malformed value, and clean text', () => {
    const f = parseExperimentFilters({ team: '99999999999,3,2147483648', q: 'a\u0000b', model: 'gpt\u0000-4o', vendor: '\u0000' });
    expect([f.team, f.q, f.model, f.vendor]).toEqual([[3], 'ab', ['gpt-4o'], undefined]);
    expect(parseDashboardParams(new URLSearchParams('team=99999999999&vendor=a%00b')).team).toBeUndefined();
    expect(parseDashboardParams(new URLSearchParams('team=99999999999&vendor=a%00b')).vendor).toEqual(['ab']);
    expect(parseModelFilters({ q: '\u0000gpt', vendor: ['Open\u0000AI'], level: 'x\u0000' })).toMatchObject({ q: 'gpt', vendor: ['OpenAI'], level: 'x' });
    expect([...cleanSearchParams('http://x.test/api?format=%00csv&q=a%00').entries()]).toEqual([['format', 'csv'], ['q', 'a']]);
  });
});

describe('NUL bytes: cleaned in form text, refused in a CSV file', () => {
  it('form text loses NUL and other control characters, keeps tabs and line breaks', () => {
    expect(cleanText('a\u0000b\u0001c\td\ne\r\u007f')).toBe('abc\td\ne\r');
    const fd = new FormData();
    fd.append('title', 'Ti\u0000tle');
    fd.append('modelIds', '5\u0000');
    expect(experimentFormObject(fd)).toEqual({ title: 'Title', modelIds: ['5'] });
  });

  it('a CSV with a NUL anywhere is refused whole, saying how to save it', () => {
    expect(csvText('title\nA\u0000')).toEqual({ error: expect.stringMatching(NUL_MESSAGE) });
    // A spreadsheet saved as UTF-16 and read as UTF-8: a NUL after every Latin letter.
    const utf16 = Buffer.from('title,team\nDraft replies,Support\n', 'utf16le').toString('utf8');
    expect(parseImportCsv(utf16, { teams: new Map(), models: new Map() }).error).toMatch(NUL_MESSAGE);
    expect(parseModelImport('slug,name,vendor,release_date\ngpt\u0000,x,OpenAI,2025-01-01\n', ['OpenAI']).fileError).toMatch(NUL_MESSAGE);
    // Other control characters in a cell are removed like in forms.
    const rows = parseImportCsv('title,team\nDraft\u0001 replies,Support\n', { teams: new Map([['support', 1]]), models: new Map() }).rows;
    expect(rows[0]).toMatchObject({ ok: true, title: 'Draft replies' });
  });
});

describeEachDb(
  'bad input end to end: actions and the queries behind the pages',
  (ctx) => {
    let fx: Fixtures;
    beforeAll(async () => {
      installDb(ctx.db, ctx.kind);
      fx = await loadFixtures(ctx.db);
    });
    const entry = (name: string) => ACTION_TABLE.find((e) => e.name === name)!;

    it('the experiment form stores its text without the NUL bytes a forged post carries', async () => {
      const title = `Nul${fx.uid()}`;
      const outcome = await runEntry(entry('experiments: create'), fx, 'teamLead', {
        ...(await entry('experiments: create').input(fx, 'teamLead')),
        title: `${title.slice(0, 3)}\u0000${title.slice(3)}`,
        description: 'Line one\u0000\nline two',
      });
      expect(outcome.kind).toBe('ok');
      const [row] = await ctx.db.select({ description: experiments.description }).from(experiments).where(eq(experiments.title, title));
      expect(row.description).toBe('Line one\nline two');
    });

    it('ids beyond the integer range in experiment, outcome and insights posts get a message, never a 500', async () => {
      const cases: [string, Record<string, string>][] = [
        ['experiments: edit', { id: '99999999999' }],
        ['experiments: edit', { version: '99999999999' }],
        ['experiments: edit', { teamId: '99999999999' }],
        ['experiments: archive', { id: '2147483648' }],
        ['experiments: add outcome', { experimentId: '99999999999' }],
        ['experiments: delete outcome', { outcomeId: '99999999999' }],
        ['insights: record a privacy mitigation', { experimentId: '99999999999' }],
        ['admin: team membership', { teamId: '99999999999' }],
        ['models: add price', { modelId: '99999999999' }],
      ];
      for (const [name, hostile] of cases) {
        const e = entry(name);
        const caller = e.allowed.includes('teamLead') ? 'teamLead' : 'admin';
        const outcome = await runEntry(e, fx, caller, { ...(await e.input(fx, caller)), ...hostile });
        expect([name, outcome.kind], JSON.stringify(outcome)).toEqual([name, 'invalid']);
      }
    });

    it('an experiment import with NUL bytes is refused with the message and imports nothing', async () => {
      const e = entry('experiments import: apply');
      const valid = await e.input(fx, 'teamLead');
      const before = (await ctx.db.select({ n: count() }).from(experiments).where(like(experiments.title, 'Imported %')))[0].n;
      const outcome = await runEntry(e, fx, 'teamLead', { csv: `${valid.csv as string}\u0000` });
      expect(outcome.kind).toBe('invalid');
      expect(outcome.kind === 'invalid' && outcome.state?.error).toMatch(NUL_MESSAGE);
      expect((await ctx.db.select({ n: count() }).from(experiments).where(like(experiments.title, 'Imported %')))[0].n).toBe(before);
    });

    it('the list and dashboard queries run on whatever the URL parsers let through', async () => {
      const hostile = { team: '99999999999', q: '\u0000', model: '\u0000', vendor: '\u0000,a\u0000b', from: '\u0000', page: '99999999999' };
      const all = await listExperiments(ctx.db, parseExperimentFilters({}));
      const listed = await listExperiments(ctx.db, parseExperimentFilters({ team: '99999999999' }));
      expect(listed.total).toBe(all.total); // the over-large team is ignored, not "no such team"
      await expect(listExperiments(ctx.db, parseExperimentFilters(hostile))).resolves.toMatchObject({ total: expect.any(Number) });
      const params = parseDashboardParams(hostile);
      await expect(getDashboardKpis(ctx.db, resolveDashboardFilters(params, { today: '2026-11-28' }))).resolves.toBeDefined();
    });
  },
  { demo: true },
);
