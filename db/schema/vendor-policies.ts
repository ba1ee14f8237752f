import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { AccessChannel } from './experiment-models';
import type { DataPolicy } from './models';

/** The channels a vendor row may describe: the API's policy is each model's own (ai_models.data_policy). */
export const POLICY_CHANNELS = ['consumer_free', 'consumer_paid', 'enterprise', 'self_hosted'] as const satisfies readonly AccessChannel[];
export type PolicyChannel = (typeof POLICY_CHANNELS)[number];

/**
 * A vendor's data-use terms on one access channel other than the API: does it train on user data by default,
 * how to opt out, where that was read and as of when (a year, month or day: the sources date them that finely).
 * The privacy flag reads it for links on that channel (lib/metrics/privacy.ts).
 */
export const vendorChannelPolicies = pgTable(
  'vendor_channel_policies',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    vendor: text('vendor').notNull(),
    channel: text('channel').$type<PolicyChannel>().notNull(),
    dataPolicy: text('data_policy').$type<DataPolicy>().notNull().default('unknown'),
    optOut: text('opt_out').notNull().default(''),
    source: text('source').notNull().default(''),
    asOf: text('as_of'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('vendor_channel_policies_vendor_channel').on(t.vendor, t.channel),
    check('vendor_channel_policies_channel_check', sql`${t.channel} in ('consumer_free', 'consumer_paid', 'enterprise', 'self_hosted')`),
    check('vendor_channel_policies_policy_check', sql`${t.dataPolicy} in ('trains', 'no_training', 'unknown')`),
    check('vendor_channel_policies_as_of_check', sql`${t.asOf} is null or ${t.asOf} ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'`),
  ],
);

export type VendorChannelPolicy = typeof vendorChannelPolicies.$inferSelect;
