import { inArray } from 'drizzle-orm';
import { aiModels, teams } from '../schema';
import type { Queryable } from '../types';
import { namesNeeded, type HistoryNames } from '@/lib/history/describe-change';

/**
 * The team and model names an experiment's history mentions (the audit log stores ids and slugs), so the
 * History card reads "Finance → Marketing" and "Claude Sonnet 4.6", not "2 → 3" and a JSON array of slugs.
 */
export async function historyNames(db: Queryable, entries: { before: unknown; after: unknown }[]): Promise<HistoryNames> {
  const { teamIds, slugs } = namesNeeded(entries);
  const [t, m] = await Promise.all([
    teamIds.length ? db.select({ id: teams.id, name: teams.name }).from(teams).where(inArray(teams.id, teamIds)) : [],
    slugs.length ? db.select({ slug: aiModels.slug, name: aiModels.name }).from(aiModels).where(inArray(aiModels.slug, slugs)) : [],
  ]);
  return { teams: new Map(t.map((r) => [r.id, r.name])), models: new Map(m.map((r) => [r.slug, r.name])) };
}
