import type { DataPolicy } from '@/db/schema/models';
import type { AccessChannel } from '@/db/schema/experiment-models';
import type { PolicyChannel } from '@/db/schema/vendor-policies';
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

/**
 * A link's policy depends on its access channel. The API's is the model's own (ai_models.data_policy: the
 * catalog's per-model value, e.g. GPT-3 predates OpenAI's 2023 API terms); any other channel reads the
 * vendor's row in vendor_channel_policies, and without one it is unknown — except a self-hosted copy, which
 * sends the vendor nothing. The model summary (db/derived/model-summary.sql) is built from channelPolicySql.
 */
export const API_CHANNEL = 'api' satisfies AccessChannel;
export const POLICY_WITHOUT_ROW: Record<PolicyChannel, DataPolicy> = {
  consumer_free: 'unknown',
  consumer_paid: 'unknown',
  enterprise: 'unknown',
  self_hosted: 'no_training',
};

export function channelPolicy(channel: AccessChannel, modelPolicy: DataPolicy, vendorRow: DataPolicy | null): DataPolicy {
  if (channel === API_CHANNEL) return modelPolicy;
  return vendorRow ?? POLICY_WITHOUT_ROW[channel];
}

/** SQL: channelPolicy of a link, from its channel, its model's policy and the vendor row's (null when none). */
export const channelPolicySql = (channel: string, modelPolicy: string, vendorRow: string) =>
  `CASE WHEN ${channel} = '${API_CHANNEL}' THEN ${modelPolicy} ELSE coalesce(${vendorRow}, CASE ${channel} ${Object.entries(
    POLICY_WITHOUT_ROW,
  )
    .map(([c, p]) => `WHEN '${c}' THEN '${p}'`)
    .join(' ')} END) END`;

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
  return 'the provider does not train on this channel’s data';
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
