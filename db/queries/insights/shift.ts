import { asc, eq, sql } from 'drizzle-orm';
import { experiments, teams } from '../../schema';
import type { Queryable } from '../../types';
import { buildExperimentWhere } from '../experiments/filters';
import { teamFilter, todayOf, type InsightsScope } from './scope';
import {
  mindsetMixByQuarter,
  needsCapabilityEvidence,
  outcomeMixByQuarter,
  quarterOf,
  shiftSentence,
  type MindsetRow,
  type OutcomeMixRow,
} from '@/lib/metrics/shift';
import { dateInSql } from '@/lib/metrics/today';

export type EvidenceItem = { id: number; title: string; team: string; endDate: string };
export type ShiftReport = {
  quarter: string;
  mindsets: MindsetRow[];
  outcomes: OutcomeMixRow[];
  sentence: string;
  /** Completed over 30 days ago with only time/cost results: "add capability evidence". */
  needEvidence: EvidenceItem[];
};

/** The mindset mix of new experiments and the capability-vs-efficiency outcome mix, per quarter. */
export async function getShift(db: Queryable, scope: InsightsScope = {}): Promise<ShiftReport> {
  const today = todayOf(scope);
  const rows = await db
    .select({
      id: experiments.id,
      title: experiments.title,
      team: teams.name,
      status: experiments.status,
      mindset: experiments.mindset,
      // A proposed experiment counts in the quarter of its creation date (UTC, as every date: lib/metrics/today.ts).
      created: sql<string>`coalesce(${experiments.startDate}, ${dateInSql(sql`${experiments.createdAt}`)})::text`,
      endDate: experiments.endDate,
      hasCapability: sql<boolean>`${experiments.outcomeCount} > 0`,
      hasEfficiency: sql<boolean>`("experiments"."hours_saved_per_month" is not null or "experiments"."spend_monthly_cents" is not null or "experiments"."spend_one_off_cents" is not null)`,
    })
    .from(experiments)
    .innerJoin(teams, eq(teams.id, experiments.teamId))
    .where(buildExperimentWhere(teamFilter(scope), { today }))
    .orderBy(asc(experiments.endDate), asc(experiments.id));
  const quarter = quarterOf(today);
  const mindsets = mindsetMixByQuarter(rows, quarter);
  const completed = rows.filter((r) => r.status === 'completed' && r.endDate && r.endDate <= today);
  return {
    quarter,
    mindsets,
    outcomes: outcomeMixByQuarter(
      completed.map((r) => ({ ended: r.endDate!, hasCapability: r.hasCapability })),
      quarter,
    ),
    sentence: shiftSentence(mindsets, quarter),
    needEvidence: completed
      .filter((r) => needsCapabilityEvidence({ ended: r.endDate, hasCapability: r.hasCapability, hasEfficiency: r.hasEfficiency }, today))
      .map((r) => ({ id: r.id, title: r.title, team: r.team, endDate: r.endDate! })),
  };
}
