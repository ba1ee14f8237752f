// Cost per task by model and effort: the rule on hand-computed figures, check-ins that
// record usage through the write path, and the query on both databases. The fixture's reasoning model is
// cheaper per token and dearer per task.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addCheckin } from '@/db/queries/experiments/children';
import { createExperiment } from '@/db/queries/experiments/write';
import { getCostPerTask } from '@/db/queries/dashboard/cost-per-task';
import { aiModels, checkins, modelAliases, modelPrices, modelPriceTiers, teams, user } from '@/db/schema';
import type { Db } from '@/db/types';
import type { SessionUser } from '@/lib/auth/permissions';
import { checkinCost, checkinCostUsd, costPerTask, costSourceLabel, type ModelPrices, type UsageCheckin } from '@/lib/metrics/cost-per-task';
import { checkinSchema, experimentSchema } from '@/lib/validation/experiment';
import { describeEachDb } from './helpers/db';

const TODAY = '2026-06-01';
// Thinker: 1.00 / 4.00 per M tokens, blended (3 × 1 + 4) ÷ 4 = 1.75. Plain: 2.50 / 10.00, blended 4.375,
// with a promotion at 1.25 / 5.00 from 15 to 31 March 2026.
const PRICES = new Map<number, ModelPrices>([
  [1, { name: 'Thinker', list: [{ effectiveDate: '2026-01-01', input: 1, output: 4 }], tiers: [] }],
  [
    2,
    {
      name: 'Plain',
      list: [{ effectiveDate: '2026-01-01', input: 2.5, output: 10 }],
      tiers: [{ slug: 'plain', tier: 'promotional', effectiveDate: '2026-03-15', until: '2026-03-31', contextOverTokens: null, input: 1.25, output: 5, source: 's', note: '' }],
    },
  ],
]);
const ci = (o: Partial<UsageCheckin>): UsageCheckin => ({ modelId: 1, effort: 'high', date: '2026-03-01', tasksDone: null, inputTokens: null, outputTokens: null, billedCostCents: null, ...o });
const USAGE = [
  // 0.6 M × $1 + 2 M × $4 = $8.60 for 100 tasks.
  ci({ tasksDone: 100, inputTokens: 600_000, outputTokens: 2_000_000 }),
  // A bill of $6.00 for 50 tasks (the bill wins over tokens).
  ci({ date: '2026-04-01', tasksDone: 50, billedCostCents: 600, inputTokens: 1, outputTokens: 1 }),
  // 1 M × $2.50 + 0.2 M × $10 = $4.50 for 200 tasks.
  ci({ modelId: 2, effort: 'none', tasksDone: 200, inputTokens: 1_000_000, outputTokens: 200_000 }),
  // During the promotion: 0.1 M × $1.25 + 0.02 M × $5 = $0.225 for 10 tasks (at list it would be $0.45).
  ci({ modelId: 2, effort: 'none', date: '2026-03-20', tasksDone: 10, inputTokens: 100_000, outputTokens: 20_000 }),
  // Not counted: before the first price (cost unknown), and no tasks.
  ci({ date: '2025-12-01', tasksDone: 5, inputTokens: 10, outputTokens: 10 }),
  ci({ tasksDone: 0, billedCostCents: 100 }),
];
const EXPECTED = [
  {
    modelId: 2, model: 'Plain', effort: 'none', checkins: 2, sources: { billed: 0, measured: 0, reported: 2 }, tasks: 210, costUsd: 4.725, costPerTaskUsd: 0.0225,
    listPrice: { input: 2.5, output: 10 }, charged: { input: 2.5, output: 10, promotionalUntil: null }, blendedPerMtok: 4.375, dearerPerTaskThan: [],
  },
  {
    modelId: 1, model: 'Thinker', effort: 'high', checkins: 2, sources: { billed: 1, measured: 0, reported: 1 }, tasks: 150, costUsd: 14.6, costPerTaskUsd: 14.6 / 150,
    listPrice: { input: 1, output: 4 }, charged: { input: 1, output: 4, promotionalUntil: null }, blendedPerMtok: 1.75, dearerPerTaskThan: ['Plain @ none'],
  },
];

describe('the cost-per-task rule', () => {
  it('costs a check-in by its bill, else its tokens at the price charged that day', () => {
    expect(checkinCostUsd(USAGE[0], PRICES.get(1))).toBeCloseTo(8.6, 12);
    expect(checkinCostUsd(USAGE[1], PRICES.get(1))).toBe(6);
    expect(checkinCostUsd(USAGE[3], PRICES.get(2))).toBeCloseTo(0.225, 12);
    expect(checkinCostUsd(USAGE[4], PRICES.get(1))).toBeNull();
    expect(checkinCostUsd(USAGE[5], PRICES.get(1))).toBeNull();
  });
  it('weighs by tasks, counts the check-ins, and flags the model cheaper per token but dearer per task', () => {
    const rows = costPerTask(USAGE, PRICES, TODAY);
    expect(rows.map((r) => ({ ...r, costUsd: round(r.costUsd), costPerTaskUsd: round(r.costPerTaskUsd) }))).toEqual(
      EXPECTED.map((r) => ({ ...r, costUsd: round(r.costUsd), costPerTaskUsd: round(r.costPerTaskUsd) })),
    );
    // Cheaper per token (1.75 < 4.375), dearer per task ($0.0973 > $0.0225): four times the cost of a task.
    expect(round(rows[1].costPerTaskUsd / rows[0].costPerTaskUsd)).toBe(round(14.6 / 150 / 0.0225));
  });
  it('shows today’s promotional price as charged, beside the list price', () => {
    const [plain] = costPerTask(USAGE, PRICES, '2026-03-20');
    expect(plain.charged).toEqual({ input: 1.25, output: 5, promotionalUntil: '2026-03-31' });
    expect(plain.listPrice).toEqual({ input: 2.5, output: 10 });
  });
});

const round = (n: number) => Math.round(n * 1e9) / 1e9;

describe('measured tokens (imported usage) in cost per task', () => {
  it('uses the measured tokens over the reported ones, and never over a bill', () => {
    // Measured 0.3 M in, 0.5 M out at $1 / $4: $2.30, where the reported tokens would give $8.60.
    const measured = { inputTokens: 300_000, outputTokens: 500_000 };
    expect(checkinCost({ ...USAGE[0], measured }, PRICES.get(1))).toEqual({ usd: 2.3, source: 'measured' });
    expect(checkinCost(USAGE[0], PRICES.get(1))).toEqual({ usd: 8.6, source: 'reported' });
    expect(checkinCost({ ...USAGE[1], measured }, PRICES.get(1))).toEqual({ usd: 6, source: 'billed' });
    // Tasks with neither tokens nor a bill count once usage measured their tokens.
    expect(checkinCost(ci({ tasksDone: 4, measured }), PRICES.get(1))).toEqual({ usd: 2.3, source: 'measured' });
    expect(checkinCost(ci({ tasksDone: 4, measured: null }), PRICES.get(1))).toBeNull();
  });
  it('labels each row with the sources it used', () => {
    const rows = costPerTask([{ ...USAGE[0], measured: { inputTokens: 300_000, outputTokens: 500_000 } }, USAGE[1], USAGE[2]], PRICES, TODAY);
    expect(rows.map((r) => [r.model, r.sources, costSourceLabel(r.sources), round(r.costPerTaskUsd)])).toEqual([
      ['Plain', { billed: 0, measured: 0, reported: 1 }, 'reported tokens', 0.0225],
      ['Thinker', { billed: 1, measured: 1, reported: 0 }, 'measured tokens 1, bills 1', round(8.3 / 150)],
    ]);
  });
});

describe('a check-in’s usage fields', () => {
  const parse = (o: Record<string, string>) => checkinSchema.safeParse({ date: '2026-03-01', ...o });
  const messages = (o: Record<string, string>) => {
    const r = parse(o);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };
  it('needs tasks done with tokens or a bill, and both token counts', () => {
    expect(messages({ inputTokens: '10', outputTokens: '5' })).toEqual(['tasksDone: How many tasks did these tokens or this bill cover? Cost per task needs tasks done.']);
    expect(messages({ tasksDone: '3' })).toEqual(['billedCost: Add the tokens used or the billed cost for these tasks.']);
    expect(messages({ tasksDone: '3', inputTokens: '10' })).toEqual(['outputTokens: Give both input and output tokens (output includes reasoning tokens).']);
    expect(messages({ tasksDone: '3', billedCost: '1.50' })).toEqual([]);
  });
});

async function model(db: Db, slug: string, reasoning: boolean, input: string, output: string, efforts: string[] = []) {
  const [m] = await db.insert(aiModels).values({ slug, name: slug === 'thinker' ? 'Thinker' : 'Plain', vendor: 'V', releaseDate: '2025-06-01', reasoning }).returning({ id: aiModels.id });
  await db.insert(modelPrices).values({ modelId: m.id, effectiveDate: '2026-01-01', inputUsdPerMtok: input, outputUsdPerMtok: output, source: 'test' });
  for (const e of efforts) await db.insert(modelAliases).values({ source: 'epoch', externalId: `${slug}_${e}`, modelId: m.id, effort: e });
  return m.id;
}

describeEachDb('cost per task from the organisation’s check-ins', (ctx) => {
  let admin: SessionUser;
  const ids: Record<string, number> = {};
  it('records usage on check-ins against the primary model at its effort', async () => {
    const [u] = await ctx.db.insert(user).values({ id: 'admin-1', name: 'Admin', email: 'a@x.test', role: 'admin' }).returning();
    admin = { id: u.id, name: u.name, email: u.email, role: 'admin', teamIds: [], leadTeamIds: [] };
    const team = String((await ctx.db.insert(teams).values({ name: 'T', function: 'ops' }).returning({ id: teams.id }))[0].id);
    ids.thinker = await model(ctx.db, 'thinker', true, '1', '4', ['high']);
    ids.plain = await model(ctx.db, 'plain', false, '2.5', '10');
    await ctx.db.insert(modelPriceTiers).values({ modelId: ids.plain, tier: 'promotional', effectiveDate: '2026-03-15', until: '2026-03-31', inputUsdPerMtok: '1.25', outputUsdPerMtok: '5', source: 'test' });
    const make = async (title: string, modelIds: string[], efforts: Record<string, string> = {}) => {
      const r = await createExperiment(ctx.db, admin, experimentSchema.parse({ title, teamId: team, modelIds, primaryModelId: modelIds[0], efforts }));
      if (!r.ok) throw new Error(r.message);
      return r.id;
    };
    const a = await make('Reasoner', [String(ids.thinker), String(ids.plain)], { [ids.thinker]: 'high' });
    const b = await make('Plain', [String(ids.plain)]);
    const none = await make('No models', []);
    const add = async (id: number, o: Record<string, string>) => {
      const r = await addCheckin(ctx.db, admin, id, checkinSchema.parse({ date: '2026-03-01', ...o }));
      if (!r.ok) throw new Error(r.message);
    };
    await add(a, { tasksDone: '100', inputTokens: '600000', outputTokens: '2000000' });
    await add(a, { date: '2026-04-01', tasksDone: '50', billedCost: '6' });
    await add(b, { tasksDone: '200', inputTokens: '1000000', outputTokens: '200000' });
    await add(b, { date: '2026-03-20', tasksDone: '10', inputTokens: '100000', outputTokens: '20000' });
    await add(b, { date: '2026-03-21', note: 'no usage: not counted' });
    expect(await addCheckin(ctx.db, admin, none, checkinSchema.parse({ date: '2026-03-01', tasksDone: '1', billedCost: '1' }))).toMatchObject({ ok: false, field: 'tasksDone' });
    const rows = await ctx.db
      .select({ m: checkins.usageModelId, e: checkins.usageEffort, t: checkins.tasksDone, i: checkins.inputTokens, o: checkins.outputTokens, b: checkins.billedCostCents })
      .from(checkins)
      .where(sql`${checkins.tasksDone} is not null`)
      .orderBy(checkins.id);
    expect(rows.map((r) => Object.values(r))).toEqual([
      [ids.thinker, 'high', 100, 600_000, 2_000_000, null],
      [ids.thinker, 'high', 50, null, null, 600],
      [ids.plain, 'none', 200, 1_000_000, 200_000, null],
      [ids.plain, 'none', 10, 100_000, 20_000, null],
    ]);
    expect((await ctx.db.select().from(checkins)).length).toBe(5);
  });
  it('reads the same figures the rule computes by hand', async () => {
    const rows = await getCostPerTask(ctx.db, { today: TODAY });
    const expected = EXPECTED.map((r) => ({ ...r, modelId: r.model === 'Plain' ? ids.plain : ids.thinker }));
    expect(rows.map((r) => ({ ...r, costUsd: round(r.costUsd), costPerTaskUsd: round(r.costPerTaskUsd) }))).toEqual(
      expected.map((r) => ({ ...r, costUsd: round(r.costUsd), costPerTaskUsd: round(r.costPerTaskUsd) })),
    );
  });
  it('keeps to a period of check-in dates', async () => {
    const rows = await getCostPerTask(ctx.db, { today: TODAY, period: { from: '2026-03-15', to: '2026-04-30' } });
    expect(rows.map((r) => [r.model, r.checkins, r.tasks, round(r.costPerTaskUsd)])).toEqual([
      ['Plain', 1, 10, 0.0225],
      ['Thinker', 1, 50, 0.12],
    ]);
  });
  it('uses the tokens imported usage measured for the team, model and check-in period', async () => {
    const [team] = await ctx.db.select({ id: teams.id }).from(teams);
    const [other] = await ctx.db.insert(teams).values({ name: 'Other', function: 'ops' }).returning({ id: teams.id });
    const row = (day: string, teamId: number | null, modelId: number | null, input: number, output: number, externalTeam = 't') =>
      sql`(${day}::date, 'csv', ${externalTeam}, ${teamId}, 'V', 'plain', ${modelId}, 1, ${input}, ${output})`;
    await ctx.db.execute(sql`insert into usage_daily (day, source, external_team, team_id, vendor, external_model, model_id, requests, input_tokens, output_tokens) values
      ${row('2026-03-10', team.id, ids.plain, 300_000, 60_000)},
      ${row('2026-03-11', other.id, ids.plain, 9_000_000, 9_000_000, 'o')},
      ${row('2026-03-12', team.id, null, 9_000_000, 9_000_000, 'u')},
      ${row('2026-03-25', team.id, ids.plain, 9_000_000, 9_000_000, 'late')}`);
    // Plain's check-in of 20 March covers 2 to 20 March (its previous check-in is of 1 March): only the 10 March row
    // is the team's, for Plain, in the period. 0.3 M × $1.25 + 0.06 M × $5 (the promotion) = $0.675, with the
    // first check-in's reported $4.50: $5.175 for 210 tasks. The other team's, an unresolved model's and a later
    // day's usage do not count.
    const rows = await getCostPerTask(ctx.db, { today: TODAY });
    expect(rows.map((r) => [r.model, r.checkins, r.tasks, round(r.costUsd), round(r.costPerTaskUsd), costSourceLabel(r.sources)])).toEqual([
      ['Plain', 2, 210, 5.175, round(5.175 / 210), 'measured tokens 1, reported tokens 1'],
      ['Thinker', 2, 150, 14.6, round(14.6 / 150), 'reported tokens 1, bills 1'],
    ]);
  });
}, { demo: false });
