import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, experiments, aiModels, modelPrices, modelBenchmarks, user, teams, teamMembers, orgSettings } from '@/db/schema';
import { seedReferenceCatalog } from '@/db/seed/reference';
import { readReferenceModels, readReferencePrices } from '@/db/seed/reference-csv';
import { DEMO_EXPERIMENT_COUNT } from '@/db/seed/demo';
import { listModels } from '@/db/queries/models/list';
import { listTeamsWithCounts } from '@/db/queries/people/teams';
import { getOverviewCounts } from '@/db/queries/dashboard/overview';
import { describeEachDb } from './helpers/db';

const TODAY = '2026-11-28';

describeEachDb(
  'prepared database with demo data',
  (ctx) => {
    it('loads the whole reference catalog with launch prices, later prices and GPQA scores', async () => {
      const ref = readReferenceModels();
      const [{ n }] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(aiModels);
      expect(n).toBe(ref.length);
      const [{ p }] = await ctx.db.select({ p: sql<number>`count(*)::int` }).from(modelPrices);
      const priced = ref.filter((r) => r.input_usd_per_mtok !== '').length;
      expect(p).toBe(priced + readReferencePrices().length);
      const [{ b }] = await ctx.db.select({ b: sql<number>`count(*)::int` }).from(modelBenchmarks);
      expect(b).toBe(ref.filter((r) => r.gpqa_diamond_pct !== '').length);
    });

    it('loading the reference catalog again changes nothing', async () => {
      const before = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(modelPrices);
      await seedReferenceCatalog(ctx.db);
      const after = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(modelPrices);
      expect(after).toEqual(before);
    });

    it('the list shows the price in force today: o3 after its June 2025 cut', async () => {
      const o3 = (await listModels(ctx.db)).find((m) => m.slug === 'o3')!;
      expect(Number(o3.input)).toBe(2);
      expect(Number(o3.output)).toBe(8);
      expect(Number(o3.gpqa)).toBeCloseTo(81.8);
    });

    it('has the demo organisation: 7 teams, 20+ users, every status, mindset and work type', async () => {
      const counts = await getOverviewCounts(ctx.db);
      expect(counts.experiments).toBe(DEMO_EXPERIMENT_COUNT);
      expect(counts.teams).toBe(7);
      const [{ users }] = await ctx.db.select({ users: sql<number>`count(*)::int` }).from(user);
      expect(users).toBeGreaterThanOrEqual(20);
      for (const [col, expected] of [
        ['status', 4],
        ['mindset', 3],
        ['work_type', 7],
      ] as const) {
        const [{ n }] = await ctx.db.select({ n: sql<number>`count(distinct ${sql.raw(col)})::int` }).from(experiments);
        expect(n, col).toBeGreaterThanOrEqual(expected);
      }
      const teamsWithCounts = await listTeamsWithCounts(ctx.db);
      expect(teamsWithCounts.reduce((s, t) => s + t.experiments, 0)).toBe(DEMO_EXPERIMENT_COUNT);
    });

    it('spreads experiments over the last 18 months, blocks a few on the model, sends some confidential data', async () => {
      const [range] = await ctx.db
        .select({ first: sql<string>`min(start_date)::text`, last: sql<string>`max(start_date)::text` })
        .from(experiments);
      expect(range.first >= '2025-05-28').toBe(true);
      expect(range.last <= TODAY).toBe(true);
      const [{ blocked }] = await ctx.db.select({ blocked: sql<number>`count(*)::int` }).from(experiments).where(eq(experiments.blockedByModel, true));
      expect(blocked).toBeGreaterThanOrEqual(3);
      const [{ conf }] = await ctx.db
        .select({ conf: sql<number>`count(*)::int` })
        .from(experiments)
        .where(sql`data_sensitivity in ('confidential', 'restricted')`);
      expect(conf).toBeGreaterThanOrEqual(3);
    });

    it('stores derived hours saved per month as (before − with AI) × tasks', async () => {
      const [row] = await ctx.db
        .select({ b: experiments.hoursBeforePerTask, w: experiments.hoursWithAiPerTask, t: experiments.tasksPerMonth, s: experiments.hoursSavedPerMonth })
        .from(experiments)
        .where(sql`hours_before_per_task is not null`)
        .limit(1);
      expect(Number(row.s)).toBeCloseTo((Number(row.b) - Number(row.w)) * Number(row.t), 1);
    });

    it('gives the demo lead exactly one team to lead', async () => {
      const [lead] = await ctx.db.select().from(user).where(eq(user.email, 'lead@uplift.demo'));
      const memberships = await ctx.db.select().from(teamMembers).where(eq(teamMembers.userId, lead.id));
      expect(memberships).toHaveLength(1);
      expect(memberships[0].teamRole).toBe('lead');
      const [team] = await ctx.db.select().from(teams).where(eq(teams.id, memberships[0].teamId));
      expect(team.name).toBe('Customer Support');
    });

    it('rejects UPDATE and DELETE on the audit log at the database level', async () => {
      const [{ n }] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
      expect(n).toBeGreaterThan(0);
      await expect(ctx.db.update(auditLog).set({ action: 'tampered' })).rejects.toThrow();
      await expect(ctx.db.delete(auditLog)).rejects.toThrow();
      const [{ after }] = await ctx.db.select({ after: sql<number>`count(*)::int` }).from(auditLog);
      expect(after).toBe(n);
    });

    it('rejects out-of-range values with check constraints', async () => {
      const [team] = await ctx.db.select().from(teams).limit(1);
      await expect(ctx.db.insert(experiments).values({ title: 'x', teamId: team.id, qualityAfter: 9 })).rejects.toThrow();
      await expect(ctx.db.insert(experiments).values({ title: 'x', teamId: team.id, startDate: '2025-02-01', endDate: '2025-01-01' })).rejects.toThrow();
      await expect(ctx.db.update(orgSettings).set({ currency: 'dollars' })).rejects.toThrow();
    });
  },
  { demo: true, today: TODAY },
);

describe('demo data is deterministic', () => {
  it('plans the same experiments on every run', async () => {
    const { planExperiment } = await import('@/db/seed/demo-experiments');
    const { DEMO_TEMPLATES } = await import('@/db/seed/demo-templates');
    const { createRandom } = await import('@/db/seed/random');
    const catalog = readReferenceModels().map((m, i) => ({ id: i + 1, slug: m.slug, vendor: m.vendor, releaseDate: m.release_date, hasPrice: m.input_usd_per_mtok !== '', reasoning: m.reasoning === 'true', efforts: [] }));
    const plan = () => {
      const rng = createRandom(7);
      return DEMO_TEMPLATES.map((t, i) => planExperiment(rng, i, t, catalog, TODAY)).map((p) => [p.title, p.status, p.startDate, p.primary.slug]);
    };
    expect(plan()).toEqual(plan());
  });
});
