import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { capabilityOutcomes, experiments, teamMembers, user } from '@/db/schema';
import { orderedExperimentIds } from '@/db/queries/reports/export';
import { teamScope } from '@/lib/auth/permissions';
import { childrenCsv, filteredExperimentsCsv } from '@/lib/export/experiments-csv';
import { experimentsWorkbook } from '@/lib/export/experiments-xlsx';
import { getHeadlineFigures } from '@/db/queries/dashboard/headline';
import { parseExperimentFilters, type ExperimentFilters } from '@/lib/validation/experiment-filters';
import type { Db } from '@/db/types';
import { describeEachDb } from './helpers/db';

function parseCsv(text: string) {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

/** The experiments CSV for (already scoped) filters, as the route streams it. */
async function experimentsCsvOf(db: Db, filters: ExperimentFilters) {
  return parseCsv(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await bytesOf(await filteredExperimentsCsv(db, filters))));
}

async function childrenCsvOf(db: Db, ids: number[], dataset: 'outcomes' | 'checkins') {
  let text = '';
  for await (const chunk of childrenCsv(db, ids, dataset)) text += chunk;
  return parseCsv(text);
}

async function bytesOf(stream: ReadableStream<Uint8Array>) {
  const parts: Uint8Array[] = [];
  for await (const part of stream as unknown as AsyncIterable<Uint8Array>) parts.push(part);
  return Buffer.concat(parts);
}

describeEachDb(
  'experiment export',
  (ctx) => {
    it('CSV holds exactly the filtered experiments, in order, with their fields', async () => {
      const filters = parseExperimentFilters(new URLSearchParams('status=completed&sort=hoursSaved&dir=desc'));
      const ids = await orderedExperimentIds(ctx.db, filters);
      const expected = await ctx.db
        .select({ id: experiments.id, title: experiments.title, hours: experiments.hoursSavedPerMonth, start: experiments.startDate })
        .from(experiments)
        .where(and(eq(experiments.status, 'completed'), isNull(experiments.archivedAt)));
      expect(ids.length).toBe(expected.length);
      expect(ids.length).toBeGreaterThan(5);

      const rows = await experimentsCsvOf(ctx.db, filters);
      expect(rows.map((r) => Number(r.ID))).toEqual(ids);
      const byId = new Map(expected.map((e) => [e.id, e]));
      for (const r of rows) {
        const e = byId.get(Number(r.ID))!;
        expect(r.Title).toBe(e.title.replace(/^([=+\-@\t\r])/, "'$1"));
        expect(r.Status).toBe('Completed');
        expect(r['Status code']).toBe('completed');
        expect(r['Start date']).toBe(e.start ?? '');
        expect(r['Hours saved per month'] === '' ? null : Number(r['Hours saved per month'])).toBe(e.hours == null ? null : Number(e.hours));
      }
      // "Hours saved" sorts by the current figure (latest check-in, else own, else 0), as the list shows it.
      const hours = rows.map((r) => Number(r['Current hours saved per month']));
      expect(hours).toEqual([...hours].sort((a, b) => b - a));
    });

    it('outcomes CSV holds every outcome of the filtered experiments and no other', async () => {
      const filters = parseExperimentFilters({ hasOutcomes: 'yes', mindset: 'new_capability' });
      const ids = await orderedExperimentIds(ctx.db, filters);
      const expected = await ctx.db.select({ id: capabilityOutcomes.id }).from(capabilityOutcomes).where(inArray(capabilityOutcomes.experimentId, ids));
      const rows = await childrenCsvOf(ctx.db, ids, 'outcomes');
      expect(rows.map((r) => Number(r['Outcome ID'])).sort((a, b) => a - b)).toEqual(expected.map((e) => e.id).sort((a, b) => a - b));
      expect(rows.every((r) => ids.includes(Number(r['Experiment ID'])))).toBe(true);
      // The experiments file's per-row count agrees with the outcomes file.
      const perExperiment = await experimentsCsvOf(ctx.db, filters);
      expect(perExperiment.map((e) => Number(e.ID))).toEqual(ids);
      for (const e of perExperiment) expect(Number(e.Outcomes)).toBe(rows.filter((r) => r['Experiment ID'] === e.ID).length);
      // Sorted by outcome count, as the list sorts it.
      const byCount = await experimentsCsvOf(ctx.db, parseExperimentFilters({ hasOutcomes: 'yes', mindset: 'new_capability', sort: 'outcomes', dir: 'desc' }));
      const counts = byCount.map((e) => Number(e.Outcomes));
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      expect(new Set(counts).size).toBeGreaterThan(1);
    });

    it("a lead's export holds only their own teams, even when asking for another team", async () => {
      const [lead] = await ctx.db
        .select({ id: user.id, teamId: teamMembers.teamId })
        .from(user)
        .innerJoin(teamMembers, eq(teamMembers.userId, user.id))
        .where(eq(user.email, 'lead@uplift.demo'));
      const caller = { role: 'lead' as const, teamIds: [lead.teamId], leadTeamIds: [lead.teamId] };
      const scoped = teamScope(caller).scopeFilters(parseExperimentFilters({}));
      const all = await orderedExperimentIds(ctx.db, scoped);
      const [own] = await ctx.db
        .select({ n: sql<number>`count(*)::int` })
        .from(experiments)
        .where(and(eq(experiments.teamId, lead.teamId), isNull(experiments.archivedAt)));
      expect(all.length).toBe(own.n);
      const rows = await experimentsCsvOf(ctx.db, scoped);
      expect(rows.map((r) => Number(r.ID))).toEqual(all);
      expect(new Set(rows.map((r) => r.Team)).size).toBe(1);

      const otherTeam = lead.teamId === 1 ? 2 : 1;
      const other = await orderedExperimentIds(ctx.db, teamScope(caller).scopeFilters(parseExperimentFilters({ team: String(otherTeam) })));
      expect(other).toEqual([]);
      const executive = await orderedExperimentIds(ctx.db, teamScope({ role: 'executive', teamIds: [], leadTeamIds: [] }).scopeFilters(parseExperimentFilters({ team: String(otherTeam) })));
      expect(executive.length).toBeGreaterThan(0);
    });

    it('XLSX opens back with Summary, typed cells, frozen filtered headers and the same rows', async () => {
      const filters = parseExperimentFilters({ status: 'completed,running' });
      const ids = await orderedExperimentIds(ctx.db, filters);
      const body = await experimentsWorkbook(ctx.db, ids, filters, {
        organisation: 'Test Org', currency: 'USD', filterText: 'status=completed,running', generatedAt: new Date(),
      });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await bytesOf(body)) as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Experiments', 'Outcomes', 'Check-ins', 'Usage']);

      const sheet = wb.getWorksheet('Experiments')!;
      expect(sheet.rowCount).toBe(ids.length + 1);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter).toBeTruthy();
      const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1);
      const col = (name: string) => header.indexOf(name) + 1;
      expect(sheet.getColumn(col('Description')).width).toBeGreaterThan(sheet.getColumn(col('ID')).width!);
      const sheetIds: number[] = [];
      sheet.eachRow((row, n) => {
        if (n > 1) sheetIds.push(row.getCell(col('ID')).value as number);
      });
      expect(sheetIds).toEqual(ids);
      const withStart = [...Array(ids.length).keys()].map((i) => sheet.getRow(i + 2)).find((r) => r.getCell(col('Start date')).value);
      expect(withStart!.getCell(col('Start date')).value).toBeInstanceOf(Date);
      const withSpend = [...Array(ids.length).keys()].map((i) => sheet.getRow(i + 2)).find((r) => r.getCell(col('Monthly spend')).value != null);
      expect(typeof withSpend!.getCell(col('Monthly spend')).value).toBe('number');
      expect(withSpend!.getCell(col('Monthly spend')).numFmt).toContain('$');

      const summary = wb.getWorksheet('Summary')!;
      const lines = new Map<string, ExcelJS.CellValue>();
      summary.eachRow((row) => lines.set(String(row.getCell(1).value), row.getCell(2).value));
      expect(lines.get('Experiments in this file')).toBe(ids.length);
      // The headline lines are the dashboard's figures for the same filters (tests/export-figures.test.ts compares them all).
      const { current } = await getHeadlineFigures(ctx.db, filters);
      expect(lines.get('Capability outcomes')).toBe(current.outcomes);
      expect(lines.get('Active experiments')).toBe(current.active);
    });

    it('an empty selection still gives a header row', async () => {
      const rows = await childrenCsvOf(ctx.db, [], 'checkins');
      expect(rows).toEqual([]);
      let text = '';
      for await (const chunk of childrenCsv(ctx.db, [], 'checkins')) text += chunk;
      expect(text).toContain('Check-in ID');
    });
  },
  { demo: true },
);
