import { asc, and, eq, sql } from 'drizzle-orm';
import { aiModels, vendorChannelPolicies, type VendorChannelPolicy } from '../../schema';
import type { Queryable } from '../../types';
import { writeAudit, type Actor } from '../admin/audit';
import { lockDataVersion } from '../data-version';
import { refuse, type WriteResult } from '../write-result';
import type { ChannelPolicyInput } from '@/lib/validation/channel-policy';

export const CHANNEL_POLICY_CONFLICT =
  'Someone changed this policy after you opened it. Nothing was overwritten: reload the page and apply your change again.';

/** Every vendor's policies off the API, or one vendor's, by vendor then channel. */
export function listChannelPolicies(db: Queryable, vendor?: string): Promise<VendorChannelPolicy[]> {
  return db
    .select()
    .from(vendorChannelPolicies)
    .where(vendor == null ? undefined : eq(vendorChannelPolicies.vendor, vendor))
    .orderBy(asc(vendorChannelPolicies.vendor), asc(vendorChannelPolicies.channel));
}

/**
 * An admin's edit of a vendor's policy on a channel, or a new row for a channel the vendor had none on: checked
 * against the version the form was loaded with, audited with what it replaced. The row's triggers
 * (db/derived/model-summary.sql) re-flag every experiment with a link of that vendor on that channel.
 */
export async function saveChannelPolicy(db: Queryable, actor: Actor, input: ChannelPolicyInput): Promise<WriteResult<{ id: number }>> {
  await lockDataVersion(db);
  const [known] = await db.select({ id: aiModels.id }).from(aiModels).where(eq(aiModels.vendor, input.vendor)).limit(1);
  if (!known) return refuse('invalid', 'No model in the catalog has this vendor.', 'vendor');
  const [before] = await db
    .select()
    .from(vendorChannelPolicies)
    .where(and(eq(vendorChannelPolicies.vendor, input.vendor), eq(vendorChannelPolicies.channel, input.channel)))
    .for('update');
  if ((before?.updatedAt.toISOString() ?? '') !== input.updatedAt) return refuse('conflict', CHANNEL_POLICY_CONFLICT);
  const { updatedAt: _version, ...fields } = input;
  const [after] = before
    ? await db.update(vendorChannelPolicies).set({ ...fields, updatedAt: sql`now()` }).where(eq(vendorChannelPolicies.id, before.id)).returning()
    : await db.insert(vendorChannelPolicies).values(fields).returning();
  await writeAudit(db, { actor, action: 'model.channel_policy', entityType: 'vendor_policy', entityId: after.id, before: before ?? null, after });
  return { ok: true, id: after.id };
}
