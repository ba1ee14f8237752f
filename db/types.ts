import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgTransaction } from 'drizzle-orm/pg-core';
import type { PostgresJsDatabase, PostgresJsQueryResultHKT } from 'drizzle-orm/postgres-js';
import type * as schema from './schema';

/**
 * One database type for both drivers. PGlite's drizzle database has the same query builder;
 * only `execute()` differs in shape (db/sql.ts rawRows reads either), so shared code uses the builder.
 */
export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = PgTransaction<PostgresJsQueryResultHKT, typeof schema, ExtractTablesWithRelations<typeof schema>>;
/** A database or a transaction: what every function in db/queries takes. */
export type Queryable = PgDatabase<PostgresJsQueryResultHKT, typeof schema>;
