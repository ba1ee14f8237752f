import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { aiModels, benchmarks, experimentModels, experiments, teams } from '../../schema';
import type { Queryable } from '../../types';
import { rawRows } from '../../sql';
import { buildExperimentWhere } from '../experiments/filters';
import { teamFilter, todayOf, todaySql, type InsightsScope } from './scope';
import { awaitingMeasurementSql, blendedPriceInForceSql, RADAR_SCORES } from './radar-scores';
import { findRetestCandidates, findUnmeasured, type RadarModel, type RetestCandidate } from '@/lib/metrics/retest';

/** Every catalog model with its scores on `benchmark` per effort and its blended price in force on `today`. */
export async function loadRadarCatalog(db: Queryable, benchmark: string, scope: InsightsScope = {}): Promise<RadarModel[]> {
  const rows = await db
    .select({
      id: aiModels.id,
      name: aiModels.name,
      vendor: aiModels.vendor,
      releaseDate: aiModels.releaseDate,
      // Computed in SQL (numeric) so that a price exactly at the ceiling compares as the list filter does.
      price: sql<string | null>`${blendedPriceInForceSql(sql.raw('"ai_models"."id"'), todaySql(scope))}`,
    })
    .from(aiModels)
    .orderBy(asc(aiModels.releaseDate), asc(aiModels.id));
  const scores = rows.length
    ? await rawRows<{ model_id: number; effort: string; score: number }>(
        db,
        sql`select model_id, effort, score from ${RADAR_SCORES} r where r.benchmark = ${benchmark} order by model_id, effort`,
      )
    : [];
  const byModel = new Map<number, { effort: string; score: number }[]>();
  for (const s of scores) {
    const list = byModel.get(Number(s.model_id)) ?? [];
    list.push({ effort: s.effort, score: Number(s.score) });
    byModel.set(Number(s.model_id), list);
  }
  return rows.map((r) => {
    const efforts = byModel.get(r.id) ?? [];
    return {
      ...r,
      score: efforts.length ? Math.max(...efforts.map((e) => e.score)) : null,
      efforts,
      price: r.price == null ? null : Number(r.price),
    };
  });
}

export type RadarItem = {
  id: number;
  /** The experiment's version, sent back by the re-test form (a changed experiment is refused). */
  version: number;
  title: string;
  teamId: number;
  team: string;
  status: string;
  endDate: string | null;
  startDate: string | null;
  missing: string;
  benchmark: string;
  /** The benchmark's name and unit, for the bar and scores ('%' or index points). */
  benchmarkName: string;
  benchmarkUnit: string;
  minScore: number | null;
  maxPrice: number | null;
  used: { id: number; name: string; vendor: string; score: number | null; price: number | null }[];
  candidates: RetestCandidate[];
  /** Newer models within the ceiling with no score on this benchmark yet. */
  unmeasured: { id: number; name: string; vendor: string; releaseDate: string }[];
};

/**
 * Blocked experiments that are re-test candidates today (exactly the list's `retest=yes`), with their
 * best candidates; `ids` narrows it to those experiments (the PDF report's re-test rows).
 */
export function getRetestRadar(db: Queryable, scope: InsightsScope = {}, ids?: number[]): Promise<RadarItem[]> {
  if (ids && !ids.length) return Promise.resolve([]);
  const base = buildExperimentWhere({ ...teamFilter(scope), retest: true }, { today: todayOf(scope) });
  return radarItems(db, ids ? and(base, inArray(experiments.id, ids)) : base, scope);
}

/**
 * Blocked experiments with no candidate yet whose newer models within the ceiling are not yet measured on their
 * benchmark: worth a re-test by hand, with the models to try (`unmeasured`).
 */
export function getAwaitingMeasurement(db: Queryable, scope: InsightsScope = {}): Promise<RadarItem[]> {
  const where = and(buildExperimentWhere(teamFilter(scope), { today: todayOf(scope) }), awaitingMeasurementSql(todaySql(scope)));
  return radarItems(db, where, scope);
}

async function radarItems(db: Queryable, where: SQL | undefined, scope: InsightsScope): Promise<RadarItem[]> {
  const rows = await db
    .select({
      id: experiments.id,
      version: experiments.version,
      title: experiments.title,
      teamId: experiments.teamId,
      team: teams.name,
      status: experiments.status,
      endDate: experiments.endDate,
      startDate: experiments.startDate,
      missing: experiments.blockerMissing,
      benchmark: experiments.blockerBenchmark,
      minScore: experiments.blockerMinScore,
      maxPrice: experiments.blockerMaxPriceUsd,
      benchmarkName: sql<string>`coalesce(${benchmarks.name}, ${experiments.blockerBenchmark})`,
      benchmarkUnit: sql<string>`coalesce(${benchmarks.unit}, 'percent')`,
    })
    .from(experiments)
    .innerJoin(teams, eq(teams.id, experiments.teamId))
    .leftJoin(benchmarks, eq(benchmarks.key, experiments.blockerBenchmark))
    .where(where)
    .orderBy(sql`coalesce(${experiments.endDate}, ${experiments.startDate}) nulls first`, asc(experiments.id));
  if (!rows.length) return [];
  const used = await db
    .select({ experimentId: experimentModels.experimentId, modelId: experimentModels.modelId })
    .from(experimentModels)
    .where(inArray(experimentModels.experimentId, rows.map((r) => r.id)));
  const catalogs = new Map<string, RadarModel[]>();
  for (const b of new Set(rows.map((r) => r.benchmark))) catalogs.set(b, await loadRadarCatalog(db, b, scope));
  return rows.map((r) => {
    const catalog = catalogs.get(r.benchmark) ?? [];
    const usedIds = used.filter((u) => u.experimentId === r.id).map((u) => u.modelId);
    const minScore = r.minScore == null ? null : Number(r.minScore);
    const maxPrice = r.maxPrice == null ? null : Number(r.maxPrice);
    const blocked = { endDate: r.endDate, startDate: r.startDate, usedModelIds: usedIds, minScore, maxPrice };
    return {
      ...r,
      minScore,
      maxPrice,
      used: catalog.filter((m) => usedIds.includes(m.id)).map(({ id, name, vendor, score, price }) => ({ id, name, vendor, score, price })),
      candidates: findRetestCandidates(blocked, catalog),
      unmeasured: findUnmeasured(blocked, catalog).map(({ id, name, vendor, releaseDate }) => ({ id, name, vendor, releaseDate })),
    };
  });
}

export type RetestLink = { id: number; title: string; status: string; team: string; teamId: number; originalId: number; originalTitle: string };

/** Re-tests already started (experiments linked to the one they repeat), newest first. */
export async function listRetests(db: Queryable, scope: InsightsScope = {}): Promise<RetestLink[]> {
  const rows = await db
    .select({
      id: experiments.id,
      title: experiments.title,
      status: experiments.status,
      team: teams.name,
      teamId: experiments.teamId,
      originalId: sql<number>`"experiments"."retest_of_id"`,
      originalTitle: sql<string>`(select o.title from experiments o where o.id = "experiments"."retest_of_id")`,
    })
    .from(experiments)
    .innerJoin(teams, eq(teams.id, experiments.teamId))
    .where(and(buildExperimentWhere(teamFilter(scope), { today: todayOf(scope) }), sql`"experiments"."retest_of_id" is not null`))
    .orderBy(sql`${experiments.createdAt} desc`, sql`${experiments.id} desc`);
  return rows.map((r) => ({ ...r, originalId: Number(r.originalId) }));
}
