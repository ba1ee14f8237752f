import { expect, it } from 'vitest';
import { getInsightsSummary } from '@/db/queries/insights/summary';
import { getConcentration } from '@/db/queries/insights/concentration';
import { getShift } from '@/db/queries/insights/shift';
import { experiments, teams } from '@/db/schema';
import { mindsetMixByQuarter, mindsetMixFromCounts } from '@/lib/metrics/shift';
import { describeEachDb } from './helpers/db';
import type { InsightsScope } from '@/db/queries/insights/scope';

const TODAY = '2026-11-28';

/**
 * The dashboard's summary is aggregated in SQL; the Insights page computes the same figures from rows.
 * Both must agree on every scope, or the dashboard's links would lead to different numbers.
 */
describeEachDb(
  'the dashboard insights summary equals the Insights page figures',
  (ctx) => {
    const scopes = async () => {
      const all = await ctx.db.select({ id: teams.id }).from(teams).orderBy(teams.id);
      return [
        {},
        { teamIds: [all[0].id] },
        { teamIds: all.slice(1, 3).map((t) => t.id) },
        { teamIds: [-1] },
        // The dashboard's other filters (issue 23 §5): the summary leaves the rollup and counts the experiments they select.
        { slice: { mindset: ['automate', 'new_capability'] } },
        { teamIds: all.slice(0, 3).map((t) => t.id), slice: { status: ['completed', 'running'], vendor: ['OpenAI', 'Anthropic'] } },
        { slice: { workType: ['not_set', 'customer_support'], exploration: 'no' } },
        { slice: { mindset: ['accelerate'] }, fyStart: 4, timeZone: 'Asia/Seoul' },
      ] as InsightsScope[];
    };

    for (const today of [TODAY, '2027-08-15']) {
      it(`agrees org-wide, for one team, two teams and none (today ${today})`, async () => {
        for (const s of await scopes()) {
          const scope = { ...s, today };
          const [summary, concentration, shift] = await Promise.all([getInsightsSummary(ctx.db, scope), getConcentration(ctx.db, scope), getShift(ctx.db, scope)]);
          const hhi = concentration.byVendor.hhi;
          if (hhi === null) expect(summary.vendorHhi).toBeNull();
          else expect(summary.vendorHhi).toBeCloseTo(hhi, 12);
          expect(summary.concentration).toBe(concentration.byVendor.level);
          expect(summary.largestVendor).toEqual(concentration.byVendor.largest ? { name: concentration.byVendor.largest.key, share: concentration.byVendor.largest.share } : null);
          expect(summary.portability).toBe(concentration.portability);
          expect(summary.shiftSentence).toBe(shift.sentence);
          expect(summary.shift).toEqual(shift.reading);
          expect(summary.needEvidence).toBe(shift.needEvidence.length);
        }
      });
    }

    it('the demo organisation gives the summary something to measure', async () => {
      const summary = await getInsightsSummary(ctx.db, { today: TODAY });
      expect(summary.vendorHhi).toBeGreaterThan(0);
      expect(summary.largestVendor?.share).toBeGreaterThan(0);
      expect(summary.portability).not.toBeNull();
      expect(summary.shiftSentence).toMatch(/^This quarter \d+% of new experiments/);
      const none = await getInsightsSummary(ctx.db, { today: TODAY, teamIds: [-1] });
      expect(none).toMatchObject({ vendorHhi: null, concentration: null, largestVendor: null, portability: null, needEvidence: 0 });
    });

    it('needs evidence only after more than 30 days, exactly as the Insights page counts it', async () => {
      const [team] = await ctx.db.select({ id: teams.id }).from(teams).orderBy(teams.id).limit(1);
      const scope = { teamIds: [team.id], today: TODAY };
      const before = (await getInsightsSummary(ctx.db, scope)).needEvidence;
      const ended = (days: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
      const base = { teamId: team.id, status: 'completed' as const, spendMonthlyCents: 5_000, startDate: '2026-01-05' };
      await ctx.db.insert(experiments).values([
        { ...base, title: 'Ended 30 days ago', endDate: ended(30) },
        { ...base, title: 'Ended 31 days ago', endDate: ended(31) },
      ]);
      const after = await getInsightsSummary(ctx.db, scope);
      expect(after.needEvidence).toBe(before + 1);
      expect(after.needEvidence).toBe((await getShift(ctx.db, scope)).needEvidence.length);
    });
  },
  { demo: true, today: TODAY },
);

it('mindset counts give the same mix as the rows they count', () => {
  const items = [
    { created: '2025-02-01', mindset: 'automate' as const },
    { created: '2025-03-30', mindset: 'new_capability' as const },
    { created: '2025-11-02', mindset: 'accelerate' as const },
    { created: '2025-12-31', mindset: 'accelerate' as const },
  ];
  const counts = [
    { quarter: '2025-Q1', mindset: 'automate' as const, n: 1 },
    { quarter: '2025-Q1', mindset: 'new_capability' as const, n: 1 },
    { quarter: '2025-Q4', mindset: 'accelerate' as const, n: 2 },
  ];
  const mix = mindsetMixFromCounts(counts, '2026-Q1');
  expect(mix).toEqual(mindsetMixByQuarter(items, '2026-Q1'));
  expect(mix.map((r) => r.quarter)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1']);
  expect(mix[3]).toEqual({ quarter: '2025-Q4', automate: 0, accelerate: 2, new_capability: 0, not_set: 0, total: 2 });
});
