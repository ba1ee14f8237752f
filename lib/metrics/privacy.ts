import type { DataPolicy } from '@/db/schema/models';
import type { Sensitivity } from '@/db/schema/experiments';

/**
 * Privacy flag: confidential or restricted data sent to a model whose provider trains on user data by
 * default, or whose policy is unknown — until the lead records how it was mitigated.
 * Must agree with privacyFlagSql in db/queries/experiments/filters.ts (the list's `privacy=yes`).
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
