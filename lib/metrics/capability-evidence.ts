import { experimentColumn, sqlString } from './sql-text';

/**
 * Needs capability evidence: a measured experiment (not an exploration, which sets no target and is not
 * nudged) completed more than 30 days ago with time or cost results but no capability outcome. The Insights page lists them (needsCapabilityEvidence), the dashboard's card counts them
 * (needsEvidenceSql, served by the partial index experiments_need_evidence_idx, whose predicate
 * tests/rule-definitions.test.ts holds to awaitingEvidenceSql).
 */
export const NEEDS_EVIDENCE_AFTER_DAYS = 30;

/** The columns whose figures count as time or cost results. */
export const EFFICIENCY_COLUMNS = ['hours_saved_per_month', 'spend_monthly_cents', 'spend_one_off_cents'] as const;

type Column = (name: string) => string;

/** SQL: the experiment recorded some time or cost result. */
export const hasEfficiencySql = (col: Column = experimentColumn) => `(${EFFICIENCY_COLUMNS.map((c) => `${col(c)} is not null`).join(' or ')})`;

/** SQL: measured, completed with time or cost results and no outcome, at any date (the partial index's predicate). */
export const awaitingEvidenceSql = (col: Column = experimentColumn) =>
  `${col('status')} = 'completed' and not ${col('exploration')} and ${col('outcome_count')} = 0 and ${hasEfficiencySql(col)}`;

/** SQL: needsCapabilityEvidence on `today` (YYYY-MM-DD). */
export const needsEvidenceSql = (today: string, col: Column = experimentColumn) =>
  `(${awaitingEvidenceSql(col)} and ${col('end_date')} < ${sqlString(today)}::date - ${NEEDS_EVIDENCE_AFTER_DAYS})`;

export function needsCapabilityEvidence(
  e: { ended: string | null; hasCapability: boolean; hasEfficiency: boolean; exploration: boolean },
  today: string,
  days = NEEDS_EVIDENCE_AFTER_DAYS,
): boolean {
  if (e.exploration || !e.ended || e.hasCapability || !e.hasEfficiency) return false;
  const ms = Date.parse(`${today}T00:00:00Z`) - Date.parse(`${e.ended}T00:00:00Z`);
  return ms > days * 86_400_000;
}
