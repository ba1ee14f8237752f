import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  numeric,
  pgTable,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { user } from './auth';
import { teams } from './teams';
import { CURRENT_HOURS_SAVED_SQL } from '../../lib/metrics/hours';
import { efficiencyColumns } from './efficiency-columns';

export const WORK_TYPES = [
  'writing',
  'analysis',
  'coding',
  'research',
  'customer_support',
  'design',
  'operations',
  'other',
] as const;
export const MINDSETS = ['automate', 'accelerate', 'new_capability'] as const;
export const STATUSES = ['proposed', 'running', 'completed', 'abandoned'] as const;
export const SENSITIVITIES = ['public', 'internal', 'confidential', 'restricted'] as const;
export const CONCLUSIONS = ['worked', 'partly', 'did_not_work', 'inconclusive'] as const;

export type WorkType = (typeof WORK_TYPES)[number];
export type Mindset = (typeof MINDSETS)[number];
export type Status = (typeof STATUSES)[number];
export type Sensitivity = (typeof SENSITIVITIES)[number];
export type Conclusion = (typeof CONCLUSIONS)[number];

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/** One AI use case tried by one team. Money is integer cents; hours are numeric (never float). */
export const experiments = pgTable(
  'experiments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    title: text('title').notNull(),
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id),
    ownerId: text('owner_id').references(() => user.id, { onDelete: 'set null' }),
    description: text('description').notNull().default(''),
    hypothesis: text('hypothesis').notNull().default(''),
    /**
     * An exploration is open-ended: no target metric, out of the "needs capability evidence" nudges
     * (lib/metrics/capability-evidence.ts), counted on its own on the dashboard (the exploring share).
     * Graduating it (db/queries/experiments/graduate.ts) makes it a measured experiment with a target metric.
     */
    exploration: boolean('exploration').notNull().default(false),
    /** What a measured experiment is judged on, in words (e.g. "hours per monthly report"); empty for an exploration. */
    targetMetric: text('target_metric').notNull().default(''),
    /** Work type, mindset and data sensitivity are null ("not set") until someone chooses them: quick capture records no guess. */
    workType: text('work_type').$type<WorkType>(),
    mindset: text('mindset').$type<Mindset>(),
    status: text('status').$type<Status>().notNull().default('proposed'),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    reasoningUsed: boolean('reasoning_used').notNull().default(false),
    dataSensitivity: text('data_sensitivity').$type<Sensitivity>(),
    /** Names of the people who took part, one per line. */
    participants: text('participants').notNull().default(''),
    participantCount: integer('participant_count').notNull().default(0),

    // Efficiency outcomes
    ...efficiencyColumns(),
    spendMonthlyCents: integer('spend_monthly_cents'),
    spendOneOffCents: integer('spend_one_off_cents'),
    spendOneOffDate: date('spend_one_off_date', { mode: 'string' }),
    qualityBefore: smallint('quality_before'),
    qualityAfter: smallint('quality_after'),

    // The latest check-in that carries each figure (date, then id), kept by triggers on checkins
    // (db/derived/checkin-summary.sql): never written by the app. The current_* columns are what the dashboard sums.
    checkinHoursSavedPerMonth: numeric('checkin_hours_saved_per_month', { precision: 14, scale: 2 }),
    checkinSpendMonthlyCents: integer('checkin_spend_monthly_cents'),
    checkinQualityAfter: smallint('checkin_quality_after'),
    /** Hours saved per month now: the latest check-in's, else the experiment's own, else 0. */
    currentHoursSavedPerMonth: numeric('current_hours_saved_per_month', { precision: 14, scale: 2 }).generatedAlwaysAs(
      sql.raw(CURRENT_HOURS_SAVED_SQL),
    ),
    /** Monthly AI spend (cents) now: the latest check-in's, else the experiment's own, else 0. */
    currentSpendMonthlyCents: integer('current_spend_monthly_cents').generatedAlwaysAs(
      sql`coalesce(checkin_spend_monthly_cents, spend_monthly_cents, 0)`,
    ),
    /** Quality with AI now: the latest check-in's, else the experiment's own (null when neither). */
    currentQualityAfter: smallint('current_quality_after').generatedAlwaysAs(sql`coalesce(checkin_quality_after, quality_after)`),

    // Each experiment's models in brief, kept by triggers on experiment_models and ai_models
    // (db/derived/model-summary.sql): never written by the app. The insights summary groups by these.
    /** How many models the experiment was tried on. */
    modelCount: integer('model_count').notNull().default(0),
    /** Vendor of the primary model, else of the first model by name (null without models). */
    primaryVendor: text('primary_vendor'),
    /** Some model of the experiment trains on customer data by default, or its policy is unknown. */
    usesTrainingModel: boolean('uses_training_model').notNull().default(false),
    /** Capability outcomes recorded for the experiment (kept by triggers on capability_outcomes). */
    outcomeCount: integer('outcome_count').notNull().default(0),
    /**
     * Best score of the experiment's models on its blocker benchmark (null when none has one): what a
     * newer model must beat for a re-test. Kept by triggers on experiment_models, model_benchmarks and
     * experiments.blocker_benchmark (db/derived/model-summary.sql).
     */
    usedBestScore: numeric('used_best_score', { precision: 5, scale: 1 }),

    // Blocker: "the model was not capable enough" — the re-test radar's input
    blockedByModel: boolean('blocked_by_model').notNull().default(false),
    blockerMissing: text('blocker_missing').notNull().default(''),
    blockerBenchmark: text('blocker_benchmark').notNull().default('gpqa_diamond'),
    blockerMinScore: numeric('blocker_min_score', { precision: 5, scale: 1 }),
    blockerMaxPriceUsd: numeric('blocker_max_price_usd', { precision: 12, scale: 4 }),

    learnings: text('learnings').notNull().default(''),
    conclusion: text('conclusion').$type<Conclusion>(),
    /** How a privacy flag was mitigated (e.g. "enterprise agreement with training opt-out"). */
    privacyMitigation: text('privacy_mitigation').notNull().default(''),
    /** A re-test points at the experiment it repeats. */
    retestOfId: integer('retest_of_id'),

    archivedAt: timestamp('archived_at', { withTimezone: true }),
    /** Incremented on every save: a save carrying an older version is refused (lost-update protection). */
    version: integer('version').notNull().default(1),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.retestOfId], foreignColumns: [t.id], name: 'experiments_retest_of_fk' }),
    index('experiments_team_start_idx').on(t.teamId, t.startDate),
    index('experiments_start_idx').on(t.startDate),
    index('experiments_status_idx').on(t.status),
    index('experiments_created_idx').on(t.createdAt),
    // The period filters: "active" reads end_date (null = still running), one-off spend its date.
    index('experiments_end_idx').on(t.endDate),
    index('experiments_one_off_date_idx').on(t.spendOneOffDate),
    // Small partial indexes for the rare rows some filters start from: blocked (re-test radar),
    // re-tests pointing at an original, archived experiments (subtracted from the catalog's usage).
    index('experiments_blocked_idx').on(t.endDate).where(sql`${t.blockedByModel}`),
    index('experiments_retest_of_idx').on(t.retestOfId).where(sql`${t.retestOfId} is not null`),
    index('experiments_archived_idx').on(t.id).where(sql`${t.archivedAt} is not null`),
    // The insights flags, as partial indexes so their counts read the few flagged rows: privacy-flagged
    // (lib/metrics/privacy.ts) and awaiting capability evidence (lib/metrics/capability-evidence.ts);
    // tests/rule-definitions.test.ts holds these predicates to those rules.
    index('experiments_privacy_flag_idx')
      .on(t.teamId)
      .where(sql`${t.dataSensitivity} in ('confidential', 'restricted') and ${t.privacyMitigation} = '' and ${t.usesTrainingModel}`),
    index('experiments_need_evidence_idx')
      .on(t.endDate)
      .where(
        sql`${t.status} = 'completed' and not ${t.exploration} and ${t.outcomeCount} = 0 and (${t.hoursSavedPerMonth} is not null or ${t.spendMonthlyCents} is not null or ${t.spendOneOffCents} is not null)`,
      ),
    check('experiments_work_type_check', sql`${t.workType} in (${inList(WORK_TYPES)})`),
    check('experiments_mindset_check', sql`${t.mindset} in (${inList(MINDSETS)})`),
    check('experiments_status_check', sql`${t.status} in (${inList(STATUSES)})`),
    check('experiments_sensitivity_check', sql`${t.dataSensitivity} in (${inList(SENSITIVITIES)})`),
    check('experiments_conclusion_check', sql`${t.conclusion} is null or ${t.conclusion} in (${inList(CONCLUSIONS)})`),
    check('experiments_dates_check', sql`${t.endDate} is null or ${t.startDate} is null or ${t.endDate} >= ${t.startDate}`),
    check(
      'experiments_hours_check',
      sql`coalesce(${t.hoursBeforePerTask}, 0) >= 0 and coalesce(${t.hoursWithAiPerTask}, 0) >= 0 and coalesce(${t.tasksPerMonth}, 0) >= 0`,
    ),
    check('experiments_spend_check', sql`coalesce(${t.spendMonthlyCents}, 0) >= 0 and coalesce(${t.spendOneOffCents}, 0) >= 0`),
    check(
      'experiments_quality_check',
      sql`(${t.qualityBefore} is null or ${t.qualityBefore} between 1 and 5) and (${t.qualityAfter} is null or ${t.qualityAfter} between 1 and 5)`,
    ),
    check('experiments_version_check', sql`${t.version} >= 1`),
  ],
);

export type Experiment = typeof experiments.$inferSelect;
export type NewExperiment = typeof experiments.$inferInsert;
