import Papa from 'papaparse';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { aiModels, capabilityOutcomes, checkins, experimentModels, experiments, teams } from '@/db/schema';
import type { NewExperiment } from '@/db/schema';
import { teamScope } from '@/lib/auth/permissions';
import type { Db } from '@/db/types';
import { EXPERIMENT_COLUMNS } from '@/lib/export/columns';
import { filteredExperimentsCsv } from '@/lib/export/experiments-csv';
import { parseExperimentFilters } from '@/lib/validation/experiment-filters';
import { describeEachDb } from './helpers/db';

type Row = Record<string, string>;
const HEADER = `\uFEFF${EXPERIMENT_COLUMNS.map((c) => c.header).join(',')}\r\n`;

/** The streamed CSV as text chunks (one per batch), exactly as the route sends it. */
async function chunksOf(stream: ReadableStream<Uint8Array>): Promise<string[]> {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const out: string[] = [];
  for await (const part of stream as unknown as AsyncIterable<Uint8Array>) out.push(decoder.decode(part));
  return out;
}

function parse(text: string): Row[] {
  expect(text.startsWith(HEADER)).toBe(true);
  const parsed = Papa.parse<Row>(text.slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

async function exportRows(db: Db, query: string, options: { batchSize?: number; lead?: number[] } = {}) {
  const filters = parseExperimentFilters(new URLSearchParams(query));
  const scoped = options.lead ? teamScope({ role: 'lead', teamIds: options.lead, leadTeamIds: options.lead }).scopeFilters(filters) : filters;
  return parse((await chunksOf(await filteredExperimentsCsv(db, scoped, {}, options))).join(''));
}

describeEachDb('streamed experiments CSV', (ctx) => {
  const ids: Record<string, number> = {};
  let alpha = 0;

  beforeAll(async () => {
    const db = ctx.db;
    const [a, b] = await db.insert(teams).values([{ name: 'Stream Alpha' }, { name: 'Stream Beta' }]).returning({ id: teams.id });
    alpha = a.id;
    const models = await db
      .insert(aiModels)
      .values(['one', 'two', 'three'].map((n) => ({ slug: `sx-${n}`, name: `sx ${n}`, vendor: 'Sx', releaseDate: '2029-01-01', dataPolicy: 'no_training' as const, dataPolicySource: 'sx' })))
      .returning({ id: aiModels.id });
    const add = async (key: string, e: Partial<NewExperiment> & { title: string; teamId: number }) => {
      const [row] = await db.insert(experiments).values(e).returning({ id: experiments.id });
      ids[key] = row.id;
    };
    // Default order: coalesce(start, created) newest first, then id: E4, E1, E5, E2, (E3 archived).
    await add('E1', { title: 'Alpha one', teamId: a.id, status: 'running', startDate: '2030-05-01', hoursBeforePerTask: '2.50', hoursWithAiPerTask: '0.50', tasksPerMonth: '10.00', spendMonthlyCents: 12345 });
    await add('E2', { title: '=HYPERLINK("http://evil")', teamId: b.id, status: 'completed', startDate: '2030-04-01', endDate: '2030-04-30', description: 'line one\nline, two "quoted"' });
    await add('E3', { title: '-5', teamId: a.id, status: 'completed', startDate: '2030-03-01', archivedAt: new Date('2030-07-01T10:00:00.250Z'), createdAt: new Date('2030-01-02T03:04:05.678Z') });
    await add('E4', { title: 'Beta proposed', teamId: b.id, status: 'proposed', createdAt: new Date('2030-06-01T12:00:00Z') });
    await add('E5', { title: 'Alpha five', teamId: a.id, status: 'running', startDate: '2030-04-01', reasoningUsed: true, mindset: 'new_capability', workType: 'customer_support', dataSensitivity: 'confidential', conclusion: 'partly' });
    await db.insert(experimentModels).values([
      { experimentId: ids.E1, modelId: models[0].id, isPrimary: true },
      { experimentId: ids.E1, modelId: models[2].id, isPrimary: false, channel: 'consumer_free' },
      { experimentId: ids.E1, modelId: models[1].id, isPrimary: false },
    ]);
    await db.insert(capabilityOutcomes).values([1, 2].map(() => ({ experimentId: ids.E1, type: 'insight' as const, description: 'x', impact: 3, recordedOn: '2030-05-10' })));
    await db.insert(checkins).values({ experimentId: ids.E1, date: '2030-05-20' });
    // Microseconds in the database; the CSV shows milliseconds, truncated as a JavaScript Date would.
    await db.execute(sql`update experiments set created_at = '2030-01-02T03:04:05.678901Z' where id = ${ids.E3}`);
  });

  const order = (...keys: string[]) => keys.map((k) => String(ids[k]));

  it('holds the selected experiments in the list order, each field as written', async () => {
    const rows = await exportRows(ctx.db, '');
    expect(rows.map((r) => r.ID)).toEqual(order('E4', 'E1', 'E5', 'E2'));
    const e1 = rows[1];
    expect(e1).toMatchObject({
      Title: 'Alpha one', Team: 'Stream Alpha', Status: 'Running', 'Status code': 'running', 'Start date': '2030-05-01', 'End date': '',
      'Primary model': 'sx one', 'Compared models': 'sx three; sx two', Outcomes: '2', 'Check-ins': '1',
      'Hours before per task': '2.5', 'Hours saved per month': '20', 'Monthly spend': '123.45', 'One-off spend': '', 'Reasoning used': 'no',
    });
    expect(e1['Access channels']).toBe('sx one: API; sx three: Consumer app (free); sx two: API');
    expect(rows[2]['Reasoning used']).toBe('yes');
    // Coded values read as labels, with the codes in their own columns; a choice nobody made reads "Not set".
    expect(rows[2]).toMatchObject({
      Mindset: 'New capability', 'Work type': 'Customer support', 'Data sensitivity': 'Confidential', Conclusion: 'Partly worked',
      'Mindset code': 'new_capability', 'Work type code': 'customer_support', 'Data sensitivity code': 'confidential', 'Conclusion code': 'partly',
    });
    expect(e1).toMatchObject({ Mindset: 'Not set', 'Work type': 'Not set', 'Data sensitivity': 'Not set', Conclusion: 'Not concluded yet', 'Mindset code': '', 'Work type code': '' });
    expect(rows[0]).toMatchObject({ Outcomes: '0', 'Check-ins': '0', 'Primary model': '', 'Start date': '' });
    expect(rows[0]['Created at']).toBe('2030-06-01T12:00:00.000Z');
    // Quotes, commas and newlines survive the round trip.
    expect(rows[3].Description).toBe('line one\nline, two "quoted"');
  });

  it('applies the formula-injection guard and leaves a plain negative number alone', async () => {
    const rows = await exportRows(ctx.db, 'archived=include');
    const byId = new Map(rows.map((r) => [r.ID, r]));
    expect(byId.get(String(ids.E2))!.Title).toBe('\'=HYPERLINK("http://evil")');
    expect(byId.get(String(ids.E3))!.Title).toBe('-5');
  });

  it('includes archived experiments only when asked, with their timestamps', async () => {
    expect((await exportRows(ctx.db, '')).map((r) => r.ID)).not.toContain(String(ids.E3));
    const rows = await exportRows(ctx.db, 'archived=include');
    expect(rows.map((r) => r.ID)).toEqual(order('E4', 'E1', 'E5', 'E2', 'E3'));
    expect(rows[4]).toMatchObject({ 'Archived at': '2030-07-01T10:00:00.250Z', 'Created at': '2030-01-02T03:04:05.678Z' });
    expect((await exportRows(ctx.db, 'archived=only')).map((r) => r.ID)).toEqual(order('E3'));
  });

  it('follows filters and sorts', async () => {
    expect((await exportRows(ctx.db, 'status=running')).map((r) => r.ID)).toEqual(order('E1', 'E5'));
    expect((await exportRows(ctx.db, 'status=running&sort=title&dir=asc')).map((r) => r.Title)).toEqual(['Alpha five', 'Alpha one']);
    expect((await exportRows(ctx.db, 'sort=outcomes&dir=desc')).map((r) => r.ID)[0]).toBe(String(ids.E1));
  });

  it("gives a lead their own teams only, even when they ask for another team's", async () => {
    expect((await exportRows(ctx.db, '', { lead: [alpha] })).map((r) => r.ID)).toEqual(order('E1', 'E5'));
    const [beta] = await ctx.db.select({ id: teams.id }).from(teams).where(eq(teams.name, 'Stream Beta'));
    expect(await exportRows(ctx.db, `team=${beta.id}`, { lead: [alpha] })).toEqual([]);
  });

  it('writes the same file in batches of 2 as in one batch, one chunk per batch', async () => {
    const stream = await filteredExperimentsCsv(ctx.db, parseExperimentFilters(new URLSearchParams('archived=include')), {}, { batchSize: 2 });
    const chunks = await chunksOf(stream);
    expect(chunks).toHaveLength(3);
    expect(chunks[0].startsWith(HEADER)).toBe(true);
    expect(chunks.slice(1).some((c) => c.includes('ID,'))).toBe(false);
    const whole = await chunksOf(await filteredExperimentsCsv(ctx.db, parseExperimentFilters(new URLSearchParams('archived=include')), {}));
    expect(chunks.join('')).toBe(whole.join(''));
  });

  it('is a header alone when nothing matches', async () => {
    const chunks = await chunksOf(await filteredExperimentsCsv(ctx.db, parseExperimentFilters(new URLSearchParams('q=no-such-experiment')), {}));
    expect(chunks.join('')).toBe(HEADER);
  });

  it('reads one snapshot: rows written during the download are not in it', async () => {
    const stream = await filteredExperimentsCsv(ctx.db, parseExperimentFilters(new URLSearchParams('')), {}, { batchSize: 1 });
    const reader = stream.getReader();
    const first = await reader.read();
    // Mid-download: a new experiment that sorts last, and an edit of one not yet sent.
    const [added] = await ctx.db.insert(experiments).values({ title: 'Alpha late', teamId: alpha, startDate: '2000-01-01' }).returning({ id: experiments.id });
    await ctx.db.update(experiments).set({ title: 'Alpha five (edited)' }).where(eq(experiments.id, ids.E5));
    let text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(first.value);
    for (let r = await reader.read(); !r.done; r = await reader.read()) text += new TextDecoder().decode(r.value);
    const rows = parse(text);
    expect(rows.map((r) => r.ID)).toEqual(order('E4', 'E1', 'E5', 'E2'));
    expect(rows[2].Title).toBe('Alpha five');
    await ctx.db.delete(experiments).where(eq(experiments.id, added.id));
    await ctx.db.update(experiments).set({ title: 'Alpha five' }).where(eq(experiments.id, ids.E5));
  });

  it('releases its cursor when the client goes away', async () => {
    // More abandoned downloads than the PostgreSQL pool has connections: a leak would hang here.
    for (let i = 0; i < 6; i++) {
      const stream = await filteredExperimentsCsv(ctx.db, parseExperimentFilters(new URLSearchParams('')), {}, { batchSize: 1 });
      await stream.cancel();
    }
    const [open] = await ctx.db.execute(sql`select count(*)::int as n from pg_cursors where name like 'uplift_cursor_%'`).then((r) => (Array.isArray(r) ? r : (r as unknown as { rows: { n: number }[] }).rows));
    expect(Number(open.n)).toBe(0);
    expect(await exportRows(ctx.db, '')).toHaveLength(4);
  });
});
