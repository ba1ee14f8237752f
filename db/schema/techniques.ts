import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { user } from './auth';
import { experiments } from './experiments';
import { capabilityOutcomes } from './outcomes';

/** A technique is a learning worth reusing: a prompt pattern, or a way of working with AI (issue 23 §3). */
export const TECHNIQUE_KINDS = ['prompt_pattern', 'workflow'] as const;
export type TechniqueKind = (typeof TECHNIQUE_KINDS)[number];

/**
 * One experiment's techniques, listed across experiments on the Playbook page. The experiment's free-text
 * learnings stay as they are; a technique is the part of them someone tagged to reuse, with the prompt
 * itself when there is one and, optionally, the capability outcome it led to.
 */
export const techniques = pgTable(
  'techniques',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    experimentId: integer('experiment_id')
      .notNull()
      .references(() => experiments.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<TechniqueKind>().notNull(),
    title: text('title').notNull(),
    /** How and when to use it, what to watch for. */
    description: text('description').notNull().default(''),
    /** The prompt itself (or its template), when the technique is a prompt. */
    promptText: text('prompt_text').notNull().default(''),
    /** The capability outcome of the same experiment it led to; its removal leaves the technique unlinked. */
    outcomeId: integer('outcome_id').references(() => capabilityOutcomes.id, { onDelete: 'set null' }),
    /** Incremented by every edit, so a stale edit form is refused (db/queries/techniques/write.ts). */
    version: integer('version').notNull().default(1),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('techniques_experiment_idx').on(t.experimentId),
    index('techniques_outcome_idx').on(t.outcomeId).where(sql`${t.outcomeId} is not null`),
    // The Playbook's default order: newest first.
    index('techniques_created_idx').on(t.createdAt, t.id),
    check('techniques_kind_check', sql`${t.kind} in ('prompt_pattern', 'workflow')`),
    check('techniques_version_check', sql`${t.version} >= 1`),
  ],
);

export type Technique = typeof techniques.$inferSelect;
