import type { DataPolicy } from '@/db/schema/models';
import type { Sensitivity } from '@/db/schema/experiments';
import { experimentColumn, sqlStringList } from './sql-text';

/**
 * Privacy flag: confidential or restricted data sent to a model whose provider trains on user data by
 * default, or whose policy is unknown — until the lead records how it was mitigated.
 * The list's `privacy=yes` (privacyFlagSql), the model summary's uses_training_model (riskyPolicySql, in
 * db/derived/model-summary.sql) and the partial index experiments_privacy_flag_idx are built from, or
 * held by tests/rule-definitions.test.ts to, these two lists.
 */
export const SENSITIVE: readonly Sensitivity[] = ['confidential', 'restricted'];
export const RISKY_POLICIES: readonly DataPolicy[] = ['trains', 'unknown'];

export function isRiskyPolicy(policy: DataPolicy): boolean {
  return RISKY_POLICIES.includes(policy);
}

export type PrivacyInput = { sensitivity: Sensitivity; mitigation: string; policies: DataPolicy[] };

export function isPrivacyFlagged(e: PrivacyInput): boolean {
  return SENSITIVE.includes(e.sensitivity) && e.mitigation.trim() === '' && e.policies.some(isRiskyPolicy);
}

/** Why, in plain words, for the flagged list. */
export function privacyReason(policy: DataPolicy): string {
  if (policy === 'trains') return 'the provider trains on user data by default';
  if (policy === 'unknown') return 'the provider’s data-use policy is unknown';
  return 'the provider does not train on API data';
}

/** SQL: the data policy in `column` is risky (the model summary's uses_training_model). */
export const riskyPolicySql = (column: string) => `${column} IN (${sqlStringList(RISKY_POLICIES)})`;

/** SQL: the experiment's data is sensitive. */
export const sensitiveSql = (column: string) => `${column} in (${sqlStringList(SENSITIVE)})`;

/**
 * SQL: isPrivacyFlagged on a row of experiments, whose uses_training_model says whether some model's policy
 * is risky (kept by db/derived/model-summary.sql). `col` names a column (qualified for correlated subqueries).
 */
export const privacyFlagSql = (col: (name: string) => string = experimentColumn) =>
  `(${sensitiveSql(col('data_sensitivity'))} and ${col('privacy_mitigation')} = '' and ${col('uses_training_model')})`;
