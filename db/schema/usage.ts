import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { teams } from './teams';
import { aiModels } from './models';

/** Where usage and spend come from: four vendor APIs and a generic CSV for anything else. */
export const USAGE_SOURCES = ['copilot', 'openai', 'anthropic', 'litellm', 'csv'] as const;
export type UsageSource = (typeof USAGE_SOURCES)[number];
/** Sources Uplift can pull from on a schedule (the CSV is upload-only). */
export const PULL_SOURCES = ['copilot', 'openai', 'anthropic', 'litellm'] as const;
export type PullSource = (typeof PULL_SOURCES)[number];

const sourceCheck = (column: unknown) => sql`${column} in ('copilot', 'openai', 'anthropic', 'litellm', 'csv')`;

/**
 * A connection an admin set up to pull one vendor's usage every day. The credential is sealed
 * (lib/security/secrets.ts) and never shown again; backups leave it out, so an admin enters it again after a
 * restore.
 */
export const usageConnections = pgTable(
  'usage_connections',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    source: text('source').$type<PullSource>().notNull(),
    name: text('name').notNull(),
    /** The API's base URL (LiteLLM is self-hosted; the vendors' defaults otherwise). */
    baseUrl: text('base_url').notNull(),
    /** The GitHub organisation for Copilot; unused by the others. */
    organization: text('organization').notNull().default(''),
    sealedCredential: text('sealed_credential'),
    /** The last complete day imported: the next pull resumes the day after. */
    lastImportedDate: date('last_imported_date', { mode: 'string' }),
    lastPulledAt: timestamp('last_pulled_at', { withTimezone: true }),
    lastError: text('last_error'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('usage_connections_source_check', sql`${t.source} in ('copilot', 'openai', 'anthropic', 'litellm')`),
    uniqueIndex('usage_connections_name_idx').on(t.name),
  ],
);

/**
 * A vendor project, API key, Copilot team or LiteLLM team mapped to an Uplift team. A null team records that the
 * admin has seen it and left it unmapped; usage with no row here is unmapped too, and both show as such.
 */
export const usageTeamMappings = pgTable(
  'usage_team_mappings',
  {
    source: text('source').$type<UsageSource>().notNull(),
    externalTeam: text('external_team').notNull(),
    teamId: integer('team_id').references(() => teams.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.source, t.externalTeam] }), check('usage_team_mappings_source_check', sourceCheck(t.source))],
);

/**
 * One day of one source's usage for one external team and model. Importing again replaces the row with the same
 * (source, connection, date, external team, model), so nothing is counted twice. `team_id` and `model_id` are
 * resolved from the mapping and alias tables (and kept in step when those are edited). Costs are in micro-units
 * of `currency` because a day's cost is often under a cent. Active users are a per-day figure: never sum them
 * across days or teams.
 */
export const usageDaily = pgTable(
  'usage_daily',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    day: date('day', { mode: 'string' }).notNull(),
    source: text('source').$type<UsageSource>().notNull(),
    /** The connection that pulled it, or 0 for an upload. */
    connectionId: integer('connection_id').notNull().default(0),
    /** The vendor's project, key, team…; '' for organisation-wide figures. */
    externalTeam: text('external_team').notNull().default(''),
    teamId: integer('team_id').references(() => teams.id, { onDelete: 'set null' }),
    vendor: text('vendor').notNull(),
    /** The vendor's model id as reported; '' when the source has none. */
    externalModel: text('external_model').notNull().default(''),
    modelId: integer('model_id').references(() => aiModels.id, { onDelete: 'set null' }),
    requests: bigint('requests', { mode: 'number' }).notNull().default(0),
    inputTokens: bigint('input_tokens', { mode: 'number' }).notNull().default(0),
    outputTokens: bigint('output_tokens', { mode: 'number' }).notNull().default(0),
    costMicros: bigint('cost_micros', { mode: 'number' }).notNull().default(0),
    currency: text('currency').notNull().default('USD'),
    activeUsers: integer('active_users'),
    engagedUsers: integer('engaged_users'),
    /** Source-specific breakdowns kept as reported (Copilot's per-editor and per-language figures). */
    details: jsonb('details'),
    importId: integer('import_id'),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('usage_daily_natural_idx').on(t.source, t.connectionId, t.day, t.externalTeam, t.externalModel),
    index('usage_daily_day_idx').on(t.day),
    index('usage_daily_team_day_idx').on(t.teamId, t.day),
    // A mapping edit moves every row of one (source, external team); the mapping table lists them.
    index('usage_daily_source_team_idx').on(t.source, t.externalTeam),
    check('usage_daily_source_check', sourceCheck(t.source)),
    check('usage_daily_currency_check', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check('usage_daily_counts_check', sql`${t.requests} >= 0 and ${t.inputTokens} >= 0 and ${t.outputTokens} >= 0`),
  ],
);

/** One import (an upload, a command or a pull): what came in, shown to admins and audited. */
export const usageImports = pgTable(
  'usage_imports',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    source: text('source').$type<UsageSource>().notNull(),
    connectionId: integer('connection_id').notNull().default(0),
    /** upload, command or pull. */
    origin: text('origin').notNull(),
    fileName: text('file_name').notNull().default(''),
    rowCount: integer('row_count').notNull().default(0),
    firstDay: date('first_day', { mode: 'string' }),
    lastDay: date('last_day', { mode: 'string' }),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('usage_imports_source_check', sourceCheck(t.source)),
    check('usage_imports_origin_check', sql`${t.origin} in ('upload', 'command', 'pull')`),
    index('usage_imports_created_idx').on(t.createdAt),
  ],
);

/**
 * The rate an admin set to convert a month's bills from `currency` into the organisation's reporting currency.
 * Never guessed: a bill in a currency with no rate for its month is shown as unconverted.
 */
export const usageFxRates = pgTable(
  'usage_fx_rates',
  {
    month: date('month', { mode: 'string' }).notNull(),
    currency: text('currency').notNull(),
    /** Units of the reporting currency per one unit of `currency`. */
    rate: numeric('rate', { precision: 18, scale: 8 }).notNull(),
    setBy: text('set_by').notNull(),
    setAt: timestamp('set_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.month, t.currency] }),
    check('usage_fx_rates_month_check', sql`extract(day from ${t.month}) = 1`),
    check('usage_fx_rates_rate_check', sql`${t.rate} > 0`),
    check('usage_fx_rates_currency_check', sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

export type UsageDailyRow = typeof usageDaily.$inferSelect;
export type UsageConnectionRow = typeof usageConnections.$inferSelect;
