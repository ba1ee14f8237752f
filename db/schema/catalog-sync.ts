import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const SYNC_SOURCES = ['models.dev', 'epoch'] as const;
export type SyncSource = (typeof SYNC_SOURCES)[number];
export const SYNC_STATUSES = ['pending', 'applied', 'discarded'] as const;
export type SyncStatus = (typeof SYNC_STATUSES)[number];

/**
 * One catalog sync from models.dev or Epoch AI: what the file offered (`incoming`, already mapped to catalog
 * models) and the diff against the catalog when it was read (`plan`). An admin reviews the diff and applies or
 * discards it; applying recomputes the diff and refuses when the catalog changed meanwhile.
 */
export const catalogSyncs = pgTable(
  'catalog_syncs',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    source: text('source').$type<SyncSource>().notNull(),
    /** upload (an admin's file) or fetch (from the configured URL). */
    origin: text('origin').notNull(),
    fileName: text('file_name').notNull(),
    retrievedAt: timestamp('retrieved_at', { withTimezone: true }).notNull(),
    status: text('status').$type<SyncStatus>().notNull().default('pending'),
    incoming: jsonb('incoming').notNull(),
    plan: jsonb('plan').notNull(),
    createdBy: text('created_by').notNull(),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('catalog_syncs_source_check', sql`${t.source} in ('models.dev', 'epoch')`),
    check('catalog_syncs_status_check', sql`${t.status} in ('pending', 'applied', 'discarded')`),
    check('catalog_syncs_origin_check', sql`${t.origin} in ('upload', 'fetch')`),
    index('catalog_syncs_created_idx').on(t.createdAt),
  ],
);

export type CatalogSyncRow = typeof catalogSyncs.$inferSelect;
