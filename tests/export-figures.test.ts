// One set of figures everywhere: for several filter sets, the dashboard's headline figures are computed
// and compared exactly with what the PDF report, the workbook's Summary sheet, the experiments CSV (summed
// over its rows active in the period) and the Reports page's summary show. The figures of the fixture are
// worked out by hand below, so a formula wrong in every place at once still fails.
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { createElement } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, expect, it } from 'vitest';
import { HeadlineSummary } from '@/components/reports/headline-summary';
import { MESSAGES } from '@/messages';
import { getDashboardKpis, type PeriodKpis } from '@/db/queries/dashboard/kpis';
import { orderedExperimentIds } from '@/db/queries/reports/export';
import { teamScope } from '@/lib/auth/permissions';
import { getHeadlineFigures, type HeadlineResult } from '@/db/queries/dashboard/headline';
import { executiveReportData } from '@/db/queries/reports/executive-report';
import { capabilityOutcomes, checkins, experiments, teams, type NewExperiment } from '@/db/schema';
import type { Db } from '@/db/types';
import { filteredExperimentsCsv } from '@/lib/export/experiments-csv';
import { experimentsWorkbook } from '@/lib/export/experiments-xlsx';
import { executiveReportPdf } from '@/lib/export/pdf/executive-report';
import { extractPdfText } from '@/lib/export/pdf/extract-text';
import { headlineFigures } from '@/lib/metrics/headline';
import { formatKpiValue } from '@/lib/metrics/kpi';
import { parseDashboardParams, resolveDashboardFilters } from '@/lib/validation/dashboard-filters';
import { parseExperimentFilters, type ExperimentFilters } from '@/lib/validation/experiment-filters';
import { describeEachDb } from './helpers/db';

/*
 * Dated 2030–2031 (after the reference catalog's experiments never matter: the fixture has no models).
 * Today 2031-06-30. Teams T1, T2, T3.
 *
 *   E1 T1 running    2031-04-10 …          new_cap    analysis  own 4 → 1 × 10 = 30 h, $200; check-in 06-01: 4 → 0.5 × 10 = 35 h, $250
 *   E2 T1 completed  2031-01-05 … 05-20    automate   writing   3 → 1 × 5 = 10 h, $100, one-off $500 on 05-01; insight (4) on 05-10
 *   E3 T2 completed  2031-02-01 … 05-25    new_cap    analysis  2 → 1 × 20 = 20 h, no spend
 *   E4 T2 running    2030-09-01 …          accelerate analysis  own 1.5 → 0.25 × 12 = 15 h, $150; check-in 2031-03-01 with hours
 *                                                               only: 1.5 → 0.5 × 12 = 12 h (spend stays its own $150);
 *                                                               new capability (5) on 06-01, synthesis (2) on 03-15
 *   E5 T3 running    2031-03-01 …          automate   analysis  2 → 1 × 7 = 7 h, $70
 *   E6 T1 completed  2030-05-01 … 08-15    automate   analysis  5 → 1 × 2 = 8 h, $40
 *   E7 T1 running    2031-04-01, archived  —          analysis  72 h, $999: never counted
 *   E8 T2 proposed   no start date         —          analysis  never active
 */
const TODAY = '2031-06-30';

async function seed(db: Db) {
  const [t1, t2, t3] = await db.insert(teams).values([{ name: 'Xf T1' }, { name: 'Xf T2' }, { name: 'Xf T3' }]).returning({ id: teams.id });
  const hours = (before: string, withAi: string, tasks: string) => ({ hoursBeforePerTask: before, hoursWithAiPerTask: withAi, tasksPerMonth: tasks });
  const add = async (e: Partial<NewExperiment> & { title: string; teamId: number }) => (await db.insert(experiments).values(e).returning({ id: experiments.id }))[0].id;
  const e1 = await add({ title: 'Xf E1', teamId: t1.id, status: 'running', mindset: 'new_capability', workType: 'analysis', startDate: '2031-04-10', ...hours('4', '1', '10'), spendMonthlyCents: 20000 });
  const e2 = await add({
    title: 'Xf E2', teamId: t1.id, status: 'completed', mindset: 'automate', workType: 'writing', startDate: '2031-01-05', endDate: '2031-05-20',
    ...hours('3', '1', '5'), spendMonthlyCents: 10000, spendOneOffCents: 50000, spendOneOffDate: '2031-05-01',
  });
  await add({ title: 'Xf E3', teamId: t2.id, status: 'completed', mindset: 'new_capability', workType: 'analysis', startDate: '2031-02-01', endDate: '2031-05-25', ...hours('2', '1', '20') });
  const e4 = await add({ title: 'Xf E4', teamId: t2.id, status: 'running', mindset: 'accelerate', workType: 'analysis', startDate: '2030-09-01', ...hours('1.5', '0.25', '12'), spendMonthlyCents: 15000 });
  await add({ title: 'Xf E5', teamId: t3.id, status: 'running', mindset: 'automate', workType: 'analysis', startDate: '2031-03-01', ...hours('2', '1', '7'), spendMonthlyCents: 7000 });
  await add({ title: 'Xf E6', teamId: t1.id, status: 'completed', mindset: 'automate', workType: 'analysis', startDate: '2030-05-01', endDate: '2030-08-15', ...hours('5', '1', '2'), spendMonthlyCents: 4000 });
  await add({ title: 'Xf E7', teamId: t1.id, status: 'running', workType: 'analysis', startDate: '2031-04-01', ...hours('9', '1', '9'), spendMonthlyCents: 99900, archivedAt: new Date('2031-06-01T00:00:00Z') });
  await add({ title: 'Xf E8', teamId: t2.id, status: 'proposed', workType: 'analysis' });
  await db.insert(checkins).values([
    { experimentId: e1, date: '2031-06-01', ...hours('4', '0.5', '10'), spendMonthlyCents: 25000 },
    { experimentId: e4, date: '2031-03-01', ...hours('1.5', '0.5', '12') },
  ]);
  await db.insert(capabilityOutcomes).values([
    { experimentId: e2, type: 'insight', description: 'Churn drivers', impact: 4, recordedOn: '2031-05-10' },
    { experimentId: e4, type: 'new_capability', description: 'Clause search', impact: 5, recordedOn: '2031-06-01' },
    { experimentId: e4, type: 'synthesis', description: 'One brief', impact: 2, recordedOn: '2031-03-15' },
  ]);
  return { t1: t1.id, t2: t2.id, t3: t3.id };
}

type Set = { name: string; filters: ExperimentFilters; userTeamIds?: number[]; dashboardUrl?: Record<string, string> };

/** Only the figures the files state (the average impact and outcome experiments appear on the dashboard card only). */
const stated = (k: PeriodKpis) => {
  const { avgImpact: _a, outcomeExperiments: _o, ...rest } = k;
  return rest;
};

async function bytesOf(stream: ReadableStream<Uint8Array>) {
  const parts: Uint8Array[] = [];
  for await (const part of stream as unknown as AsyncIterable<Uint8Array>) parts.push(part);
  return Buffer.concat(parts);
}

const hundredths = (s: string) => Math.round(Number(s) * 100);

describeEachDb('one set of figures in every export', (ctx) => {
  let fx: Awaited<ReturnType<typeof seed>>;
  let sets: Set[];
  beforeAll(async () => {
    fx = await seed(ctx.db);
    const twoTeams = `${fx.t1},${fx.t2}`;
    sets = [
      { name: 'no filter (the last 90 days)', filters: parseExperimentFilters({}), dashboardUrl: {} },
      {
        name: 'last 12 months, two teams, work type analysis',
        filters: parseExperimentFilters({ from: '2030-07-01', to: TODAY, team: twoTeams, workType: 'analysis' }),
        dashboardUrl: { period: '12m', team: twoTeams, workType: 'analysis' },
      },
      { name: "a lead's scope (T2)", filters: teamScope({ role: 'lead', teamIds: [fx.t2], leadTeamIds: [fx.t2] }).scopeFilters(parseExperimentFilters({})), userTeamIds: [fx.t2] },
      { name: 'filters the dashboard bar lacks: status running', filters: parseExperimentFilters({ status: 'running' }) },
    ];
  });

  /** The dashboard's figures for a set: through its own URL parameters where it has them. */
  async function dashboardFigures(set: Set): Promise<HeadlineResult> {
    const viaHeadline = await getHeadlineFigures(ctx.db, set.filters, { today: TODAY, userTeamIds: set.userTeamIds });
    if (set.dashboardUrl) {
      const own = await getDashboardKpis(ctx.db, resolveDashboardFilters(parseDashboardParams(set.dashboardUrl), { today: TODAY }));
      expect(viaHeadline.current).toEqual(own.current);
      expect(viaHeadline.previous).toEqual(own.previous);
    }
    return viaHeadline;
  }

  it('the figures, worked out by hand, for every filter set', async () => {
    const figures = await Promise.all(sets.map(dashboardFigures));
    const [none, twelve, lead, running] = figures.map((f) => ({ current: stated(f.current), previous: stated(f.previous!) }));
    // 90 days to 2031-06-30: 04-02 … 06-30; previous 01-02 … 04-01.
    expect(none).toEqual({
      current: {
        active: 5, // E1 E2 E3 E4 E5; E6 ended 2030, E7 archived, E8 proposed
        teamsActive: 3,
        completed: 2, // E2, E3
        completedWithOutcome: 1, // E2
        activeNewCapability: 2, activeExploring: 0, // E1, E3
        hoursSavedPerMonth: 84, // E1 35 (check-in) + E2 10 + E3 20 + E4 12 (check-in) + E5 7
        spendMonthlyCents: 57000, // 25000 (check-in) + 10000 + 0 + 15000 (own: the check-in has no spend) + 7000
        spendOneOffCents: 50000, // E2 on 05-01
        outcomes: 2, // E2 05-10, E4 06-01
      },
      previous: {
        active: 4, // E2 E3 E4 E5
        teamsActive: 3,
        completed: 0,
        completedWithOutcome: 0,
        activeNewCapability: 1, activeExploring: 0, // E3
        hoursSavedPerMonth: 49, // 10 + 20 + 12 + 7
        spendMonthlyCents: 32000, // 10000 + 15000 + 7000
        spendOneOffCents: 0,
        outcomes: 1, // E4's synthesis on 03-15
      },
    });
    // 2030-07-01 … 2031-06-30 (365 days), T1 + T2, analysis: E1 E3 E4 E6. Previous 2029-07-01 … 2030-06-30: E6.
    expect(twelve).toEqual({
      current: {
        active: 4,
        teamsActive: 2,
        completed: 2, // E3, E6 (ended 2030-08-15)
        completedWithOutcome: 0,
        activeNewCapability: 2, activeExploring: 0, // E1, E3
        hoursSavedPerMonth: 75, // 35 + 20 + 12 + 8
        spendMonthlyCents: 44000, // 25000 + 0 + 15000 + 4000
        spendOneOffCents: 0, // E2's is writing
        outcomes: 2, // both of E4's
      },
      previous: { active: 1, teamsActive: 1, completed: 0, completedWithOutcome: 0, activeNewCapability: 0, activeExploring: 0, hoursSavedPerMonth: 8, spendMonthlyCents: 4000, spendOneOffCents: 0, outcomes: 0 },
    });
    // The lead of T2: E3 and E4.
    expect(lead.current).toEqual({
      active: 2, teamsActive: 1, completed: 1, completedWithOutcome: 0, activeNewCapability: 1, activeExploring: 0, hoursSavedPerMonth: 32, spendMonthlyCents: 15000, spendOneOffCents: 0, outcomes: 1,
    });
    // Running only: E1 E4 E5; outcomes of running experiments: E4's on 06-01.
    expect(running.current).toEqual({
      active: 3, teamsActive: 3, completed: 0, completedWithOutcome: 0, activeNewCapability: 1, activeExploring: 0, hoursSavedPerMonth: 54, spendMonthlyCents: 47000, spendOneOffCents: 0, outcomes: 1,
    });
  });

  it('the PDF report states the dashboard figures, current and previous, for every filter set', async () => {
    for (const set of sets) {
      const k = await dashboardFigures(set);
      const data = await executiveReportData(ctx.db, set.filters, { today: TODAY, userTeamIds: set.userTeamIds });
      expect([data.period.from, data.period.to, data.period.previousFrom, data.period.previousTo]).toEqual([k.filters.period.from, k.filters.period.to, k.filters.previous!.from, k.filters.previous!.to]);
      expect(data.current).toEqual(k.current);
      expect(data.previous).toEqual(k.previous);
      // The ledger by team adds up to the headline.
      expect(data.efficiencyLedger.reduce((s, r) => s + r.hoursSavedPerMonth, 0)).toBe(k.current.hoursSavedPerMonth);
      const text = extractPdfText(await bytesOf(executiveReportPdf(data, { organisation: 'Xf', currency: 'USD', filterText: '', generatedAt: new Date(), paper: 'a4' })));
      // extractPdfText reads the standard fonts' WinAnsi bytes as Latin-1: 0x97 is the em dash of an empty share.
      const lines = text.replace(/\u0097/g, '\u2014').split('\n');
      for (const f of headlineFigures(k.current, k.previous)) {
        const at = lines.indexOf(f.title.toUpperCase());
        expect(at, `${set.name}: ${f.title}`).toBeGreaterThanOrEqual(0);
        expect(lines[at + 1], `${set.name}: ${f.title}`).toBe(formatKpiValue(f.value, f.kind, 'USD'));
      }
    }
  });

  it('the workbook Summary holds the dashboard figures exactly, current and previous, under its titles and definitions', async () => {
    for (const set of sets) {
      const k = await dashboardFigures(set);
      const ids = await orderedExperimentIds(ctx.db, set.filters, { userTeamIds: set.userTeamIds, today: TODAY });
      const body = await experimentsWorkbook(ctx.db, ids, set.filters, {
        userTeamIds: set.userTeamIds, today: TODAY, organisation: 'Xf', currency: 'USD', filterText: '', generatedAt: new Date(),
      });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await bytesOf(body)) as unknown as ArrayBuffer);
      const rows = new Map<string, ExcelJS.CellValue[]>();
      wb.getWorksheet('Summary')!.eachRow((row) => rows.set(String(row.getCell(1).value), [row.getCell(2).value, row.getCell(3).value, row.getCell(4).value]));
      expect(rows.get('Period')![0]).toBe(`${k.filters.period.from} to ${k.filters.period.to}`);
      expect(rows.get('Experiments in this file')![0]).toBe(ids.length);
      for (const f of headlineFigures(k.current, k.previous)) {
        const cell = (v: number | null) => (v == null ? null : f.kind === 'cents' ? v / 100 : v);
        expect(rows.get(f.title), `${set.name}: ${f.title}`).toEqual([cell(f.value), cell(f.previous), f.definition]);
      }
    }
  });

  it('the experiments CSV carries the current figure and its source: its active rows add up to the dashboard figures', async () => {
    for (const set of sets) {
      const k = await dashboardFigures(set);
      const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(
        await bytesOf(await filteredExperimentsCsv(ctx.db, set.filters, { userTeamIds: set.userTeamIds, today: TODAY })),
      );
      const rows = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true }).data;
      expect(new Set(rows.map((r) => r['Period']))).toEqual(new Set([`${k.filters.period.from} to ${k.filters.period.to}`]));
      const active = rows.filter((r) => r['Active in the period'] === 'yes');
      // Hours are numeric(14,2): summed in hundredths, exactly.
      expect(active.reduce((s, r) => s + hundredths(r['Current hours saved per month']), 0), set.name).toBe(hundredths(String(k.current.hoursSavedPerMonth)));
      expect(active.reduce((s, r) => s + hundredths(r['Current monthly spend']), 0), set.name).toBe(k.current.spendMonthlyCents);
      expect(active.length, set.name).toBe(k.current.active);
      expect(new Set(active.map((r) => r['Team'])).size, set.name).toBe(k.current.teamsActive);
      expect(active.filter((r) => r['Mindset code'] === 'new_capability').length, set.name).toBe(k.current.activeNewCapability);
    }
    // Where each current figure comes from (no filter).
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await bytesOf(await filteredExperimentsCsv(ctx.db, sets[0].filters, { today: TODAY })));
    const byTitle = new Map(Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true }).data.map((r) => [r['Title'], r]));
    const pick = (t: string) => {
      const r = byTitle.get(t)!;
      return [r['Hours saved per month'], r['Current hours saved per month'], r['Current hours from'], r['Monthly spend'], r['Current monthly spend'], r['Current spend from'], r['Active in the period']];
    };
    expect(pick('Xf E1')).toEqual(['30', '35', 'check-in of 2031-06-01', '200', '250', 'check-in of 2031-06-01', 'yes']);
    expect(pick('Xf E4')).toEqual(['15', '12', 'check-in of 2031-03-01', '150', '150', 'experiment', 'yes']);
    expect(pick('Xf E3')).toEqual(['20', '20', 'experiment', '', '0', 'none (counted as 0)', 'yes']);
    expect(pick('Xf E6')).toEqual(['8', '8', 'experiment', '40', '40', 'experiment', 'no']);
  });

  it('the Reports page summary shows the dashboard figures as its cards show them', async () => {
    for (const set of sets) {
      const k = await dashboardFigures(set);
      // What app/(app)/reports/page.tsx renders for the (scoped) filters.
      const page = await getHeadlineFigures(ctx.db, set.filters, { today: TODAY, userTeamIds: set.userTeamIds });
      const summary = createElement(HeadlineSummary, { figures: headlineFigures(page.current, page.previous), period: page.filters.period, currency: 'USD' });
      const html = renderToStaticMarkup(createElement(NextIntlClientProvider, { locale: 'en', timeZone: 'UTC', messages: MESSAGES.en, children: summary }));
      for (const f of headlineFigures(k.current, k.previous)) {
        expect(html, `${set.name}: ${f.title}`).toContain(`data-testid="report-figure-${f.id}">${formatKpiValue(f.value, f.kind, 'USD').replace('&', '&amp;')}</dd>`);
      }
    }
  });
});
