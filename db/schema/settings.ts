import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** The organisation's settings: exactly one row (id = 1). */
export const orgSettings = pgTable(
  'org_settings',
  {
    id: integer('id').primaryKey().default(1),
    name: text('name').notNull().default('My organisation'),
    currency: text('currency').notNull().default('USD'),
    timeZone: text('time_zone').notNull().default('UTC'),
    fiscalYearStartMonth: integer('fiscal_year_start_month').notNull().default(1),
    /** Days of usage data to keep; null keeps it forever (the vendors delete theirs, Uplift keeps the history). */
    usageRetentionDays: integer('usage_retention_days'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('org_settings_singleton', sql`${t.id} = 1`),
    check('org_settings_fy_month', sql`${t.fiscalYearStartMonth} between 1 and 12`),
    check('org_settings_usage_retention', sql`${t.usageRetentionDays} is null or ${t.usageRetentionDays} >= 30`),
    check('org_settings_currency', sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

export type OrgSettings = typeof orgSettings.$inferSelect;
