import { asc, eq } from 'drizzle-orm';
import { aiModels, experimentModels, experiments, teams } from '../../schema';
import type { Queryable } from '../../types';
import { buildExperimentWhere } from '../experiments/filters';
import { withExperimentAndTeam } from '../experiments/child-rows';
import { teamFilter, todayOf, type InsightsScope } from './scope';
import { portability, summarizeConcentration, type ConcentrationSummary } from '@/lib/metrics/concentration';
import { experimentQuarter } from '@/lib/metrics/quarter';
import { primaryLink } from '@/lib/metrics/vendor';

/** One experiment as concentration sees it: attributed to its primary model's vendor (lib/metrics/vendor.ts). */
type UsageRow = {
  id: number;
  team: string;
  status: string;
  quarter: string;
  vendor: string;
  model: string;
  spendCents: number;
  modelCount: number;
};

export type ConcentrationReport = {
  byVendor: ConcentrationSummary;
  byModel: ConcentrationSummary;
  spendByVendor: ConcentrationSummary;
  spendByModel: ConcentrationSummary;
  /** Share of completed experiments tried on two or more models. */
  portability: number | null;
  completed: number;
  experiments: number;
  vendorShares: { vendor: string; experiments: number; share: number }[];
  perTeam: { team: string; experiments: number; summary: ConcentrationSummary }[];
  overTime: { quarter: string; hhi: number | null; experiments: number }[];
};

async function loadUsage(db: Queryable, scope: InsightsScope): Promise<UsageRow[]> {
  // One pass over experiment × model links (a join, not an id list: scales to any number of experiments).
  const fields = {
    id: experiments.id,
    team: teams.name,
    status: experiments.status,
    startDate: experiments.startDate,
    createdAt: experiments.createdAt,
    // The dashboard's spend: the latest check-in's, else the experiment's own (effectiveSpendSql).
    spendCents: experiments.currentSpendMonthlyCents,
    isPrimary: experimentModels.isPrimary,
    vendor: aiModels.vendor,
    model: aiModels.name,
  };
  const links = await withExperimentAndTeam(db.select(fields).from(experimentModels).$dynamic(), experimentModels)
    .innerJoin(aiModels, eq(aiModels.id, experimentModels.modelId))
    .where(buildExperimentWhere(teamFilter(scope), { today: todayOf(scope) }))
    .orderBy(asc(experiments.id), asc(aiModels.name));
  const byExperiment = new Map<number, (typeof links)[number][]>();
  for (const l of links) {
    const mine = byExperiment.get(l.id);
    if (mine) mine.push(l);
    else byExperiment.set(l.id, [l]);
  }
  return [...byExperiment.values()].map((mine) => {
    const first = mine[0];
    const stands = primaryLink(mine)!;
    return {
      id: first.id,
      team: first.team,
      status: first.status,
      quarter: experimentQuarter(first),
      vendor: stands.vendor,
      model: stands.model,
      spendCents: first.spendCents ?? 0,
      modelCount: mine.length,
    };
  });
}

function tally(rows: UsageRow[], key: (r: UsageRow) => string, weight: (r: UsageRow) => number = () => 1) {
  const m = new Map<string, number>();
  for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + weight(r));
  return m;
}

/** HHI of experiments and of monthly spend across vendors and models; per team; per quarter; portability. */
export async function getConcentration(db: Queryable, scope: InsightsScope = {}): Promise<ConcentrationReport> {
  const rows = await loadUsage(db, scope);
  const completed = rows.filter((r) => r.status === 'completed');
  const byVendor = tally(rows, (r) => r.vendor);
  const total = rows.length;
  const teamNames = [...new Set(rows.map((r) => r.team))].sort();
  const quarters = [...new Set(rows.map((r) => r.quarter))].sort();
  return {
    byVendor: summarizeConcentration(byVendor),
    byModel: summarizeConcentration(tally(rows, (r) => r.model)),
    spendByVendor: summarizeConcentration(tally(rows, (r) => r.vendor, (r) => r.spendCents)),
    spendByModel: summarizeConcentration(tally(rows, (r) => r.model, (r) => r.spendCents)),
    portability: portability(completed.map((r) => r.modelCount)),
    completed: completed.length,
    experiments: total,
    vendorShares: [...byVendor.entries()]
      .map(([vendor, n]) => ({ vendor, experiments: n, share: n / total }))
      .sort((a, b) => b.experiments - a.experiments || a.vendor.localeCompare(b.vendor)),
    perTeam: teamNames.map((team) => {
      const mine = rows.filter((r) => r.team === team);
      return { team, experiments: mine.length, summary: summarizeConcentration(tally(mine, (r) => r.vendor)) };
    }),
    overTime: quarters.map((quarter) => {
      const mine = rows.filter((r) => r.quarter === quarter);
      return { quarter, experiments: mine.length, hhi: summarizeConcentration(tally(mine, (r) => r.vendor)).hhi };
    }),
  };
}
