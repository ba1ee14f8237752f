import { and, asc, gte, inArray, isNotNull, lte, sql, type SQL } from 'drizzle-orm';
import type { PriceTier, TierKind } from '@/lib/catalog/price-tiers';
import { costPerTask, type CostPerTaskRow, type ModelPrices } from '@/lib/metrics/cost-per-task';
import type { Period } from '@/lib/metrics/period';
import type { DashboardFilters } from '@/lib/validation/dashboard-filters';
import { aiModels, checkins, experiments, modelPrices, modelPriceTiers } from '../../schema';
import type { Queryable } from '../../types';
import { sliceWhere } from './scope';

/**
 * The tokens imported usage measured for a check-in (issue 21 §5), as "input,output", or null when there are none: the
 * usage rows of the experiment's team for the check-in's model, over the check-in's period (the day after the
 * experiment's previous check-in, else its start, through the check-in's date). Usage of the same team and model
 * outside the experiment in those days counts too: the vendors record usage per team, not per experiment.
 */
const MEASURED = sql<string | null>`(select sum(u.input_tokens)::text || ',' || sum(u.output_tokens)::text from usage_daily u
  where u.team_id = ${experiments.teamId} and u.model_id = ${checkins.usageModelId} and u.day <= ${checkins.date}
    and u.day > coalesce((select max(p.date) from checkins p where p.experiment_id = ${checkins.experimentId}
      and (p.date < ${checkins.date} or (p.date = ${checkins.date} and p.id < ${checkins.id}))), ${experiments.startDate} - 1, ${checkins.date} - 1)
  having sum(u.input_tokens) + sum(u.output_tokens) > 0)`;

/**
 * Cost per task by model and effort from the organisation's check-ins (the rule: lib/metrics/cost-per-task.ts).
 * `where` narrows the experiments (the dashboard's slice); `period` the check-in dates.
 */
export async function getCostPerTask(db: Queryable, opts: { today: string; where?: SQL; period?: Period }): Promise<CostPerTaskRow[]> {
  const conditions = [isNotNull(checkins.tasksDone), isNotNull(checkins.usageModelId), opts.where ?? sql`"experiments"."archived_at" is null`];
  if (opts.period) conditions.push(gte(checkins.date, opts.period.from), lte(checkins.date, opts.period.to));
  const usage = await db
    .select({
      modelId: sql<number>`${checkins.usageModelId}`,
      effort: sql<string>`coalesce(${checkins.usageEffort}, 'default')`,
      date: checkins.date,
      tasksDone: checkins.tasksDone,
      inputTokens: checkins.inputTokens,
      outputTokens: checkins.outputTokens,
      billedCostCents: checkins.billedCostCents,
      measured: MEASURED,
    })
    .from(checkins)
    .innerJoin(experiments, sql`${experiments.id} = ${checkins.experimentId}`)
    .where(and(...conditions));
  const ids = [...new Set(usage.map((u) => u.modelId))];
  if (!ids.length) return [];
  const [models, prices, tiers] = await Promise.all([
    db.select({ id: aiModels.id, name: aiModels.name, slug: aiModels.slug }).from(aiModels).where(inArray(aiModels.id, ids)),
    db.select().from(modelPrices).where(inArray(modelPrices.modelId, ids)).orderBy(asc(modelPrices.effectiveDate)),
    db.select().from(modelPriceTiers).where(inArray(modelPriceTiers.modelId, ids)),
  ]);
  const byModel = new Map<number, ModelPrices>(models.map((m) => [m.id, { name: m.name, list: [], tiers: [] }]));
  for (const p of prices) (byModel.get(p.modelId)!.list as unknown[]).push({ effectiveDate: p.effectiveDate, input: Number(p.inputUsdPerMtok), output: Number(p.outputUsdPerMtok) });
  const slug = new Map(models.map((m) => [m.id, m.slug]));
  for (const t of tiers) {
    const tier: PriceTier = {
      slug: slug.get(t.modelId)!, tier: t.tier as TierKind, effectiveDate: t.effectiveDate, until: t.until, contextOverTokens: t.contextOverTokens || null,
      input: Number(t.inputUsdPerMtok), output: t.outputUsdPerMtok == null ? null : Number(t.outputUsdPerMtok), source: t.source, note: t.note,
    };
    (byModel.get(t.modelId)!.tiers as PriceTier[]).push(tier);
  }
  return costPerTask(
    usage.map(({ measured, ...u }) => {
      const [input, output] = measured == null ? [] : String(measured).split(',').map(Number);
      return { ...u, measured: measured == null ? null : { inputTokens: input, outputTokens: output } };
    }),
    byModel,
    opts.today,
  );
}

/** The dashboard's figure: check-ins dated in its period, of experiments in its slice. */
export const getDashboardCostPerTask = (db: Queryable, f: DashboardFilters) => getCostPerTask(db, { today: f.today, where: sliceWhere(f), period: f.period });
