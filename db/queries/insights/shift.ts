import { asc, eq, sql } from 'drizzle-orm';
import { experiments, teams } from '../../schema';
import type { Queryable } from '../../types';
import { buildExperimentWhere } from '../experiments/filters';
import { teamFilter, todayOf, type InsightsScope } from './scope';
import { hasEfficiencySql, needsCapabilityEvidence } from '@/lib/metrics/capability-evidence';
import { experimentDay, quarterLabel, quarterOf } from '@/lib/metrics/quarter';
import { mindsetMixByQuarter, outcomeMixByQuarter, shiftReading, shiftSentence, type MindsetRow, type OutcomeMixRow, type ShiftReading } from '@/lib/metrics/shift';

export type EvidenceItem = { id: number; title: string; team: string; endDate: string };
export type ShiftReport = {
  quarter: string;
  mindsets: MindsetRow[];
  outcomes: OutcomeMixRow[];
  sentence: string;
  /** What the sentence says, as data, for a page in another language. */
  reading: ShiftReading;
  /** Measured, completed over 30 days ago with only time/cost results: "add capability evidence" (explorations never). */
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
      startDate: experiments.startDate,
      createdAt: experiments.createdAt,
      endDate: experiments.endDate,
      exploration: experiments.exploration,
      hasCapability: sql<boolean>`${experiments.outcomeCount} > 0`,
      hasEfficiency: sql<boolean>`${sql.raw(hasEfficiencySql())}`,
    })
    .from(experiments)
    .innerJoin(teams, eq(teams.id, experiments.teamId))
    .where(buildExperimentWhere(teamFilter(scope), { today }))
    .orderBy(asc(experiments.endDate), asc(experiments.id));
  const fy = scope.fyStart ?? 1;
  const quarter = quarterOf(today, fy);
  const mindsets = mindsetMixByQuarter(rows.map((r) => ({ created: experimentDay(r, scope.timeZone), mindset: r.mindset })), quarter, fy);
  const completed = rows.filter((r) => r.status === 'completed' && r.endDate && r.endDate <= today);
  // People read fiscal quarters by their label ("Q4 FY2025/26"); the rows are already in order.
  const labelled = <R extends { quarter: string }>(rows: R[]) => rows.map((r) => ({ ...r, quarter: quarterLabel(r.quarter, fy) }));
  return {
    quarter: quarterLabel(quarter, fy),
    mindsets: labelled(mindsets),
    outcomes: labelled(outcomeMixByQuarter(
      completed.map((r) => ({ ended: r.endDate!, hasCapability: r.hasCapability })),
      quarter,
      fy,
    )),
    sentence: shiftSentence(mindsets, quarter, fy),
    reading: shiftReading(mindsets, quarter, fy),
    needEvidence: completed
      .filter((r) => needsCapabilityEvidence({ ended: r.endDate, hasCapability: r.hasCapability, hasEfficiency: r.hasEfficiency, exploration: r.exploration }, today))
      .map((r) => ({ id: r.id, title: r.title, team: r.team, endDate: r.endDate! })),
  };
}
