import { bigint, integer, pgTable } from 'drizzle-orm/pg-core';

/**
 * One row whose version goes up with every statement that writes data the dashboard shows (triggers
 * in db/derived/data-version.sql). The dashboard remembers its aggregates per version, so repeated
 * views are instant and the first view after any write — from any app server — recomputes.
 */
export const dataVersion = pgTable('data_version', {
  id: integer('id').primaryKey().default(1),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
});
