import { desc } from 'drizzle-orm';
import { usageImports } from '../../schema';
import type { Queryable } from '../../types';

/** The latest imports, newest first, for the admin page. */
export function listUsageImports(db: Queryable, limit = 20) {
  return db.select().from(usageImports).orderBy(desc(usageImports.createdAt), desc(usageImports.id)).limit(limit);
}
