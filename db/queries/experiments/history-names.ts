import { inArray } from 'drizzle-orm';
import { aiModels, teams } from '../../schema';
import type { Queryable } from '../../types';

/**
 * Names for the ids and slugs the audit log stores (lib/history/describe-change.ts reads them), and the
 * organisation's currency for the amounts it stores in cents.
 */
export type HistoryNames = { teams: ReadonlyMap<number, string>; models: ReadonlyMap<string, string>; currency: string };

/** The team ids and model slugs audit entries mention ("slug @ effort (primary)" links): what to look names up for. */
export function namesNeeded(entries: { before: unknown; after: unknown }[]): { teamIds: number[]; slugs: string[] } {
  const teamIds = new Set<number>();
  const slugs = new Set<string>();
  for (const e of entries)
    for (const side of [e.before, e.after] as (Record<string, unknown> | null)[]) {
      if (!side || typeof side !== 'object') continue;
      if (typeof side.teamId === 'number') teamIds.add(side.teamId);
      if (Array.isArray(side.models)) for (const l of side.models) slugs.add(String(l).split(' @ ')[0].replace(/ \(primary\)$/, '').trim());
    }
  return { teamIds: [...teamIds], slugs: [...slugs] };
}

/**
 * The team and model names an experiment's history mentions (the audit log stores ids and slugs), so the
 * History card reads "Finance → Marketing" and "Claude Sonnet 4.6", not "2 → 3" and a JSON array of slugs.
 */
export async function historyNames(db: Queryable, entries: { before: unknown; after: unknown }[], currency: string): Promise<HistoryNames> {
  const { teamIds, slugs } = namesNeeded(entries);
  const [t, m] = await Promise.all([
    teamIds.length ? db.select({ id: teams.id, name: teams.name }).from(teams).where(inArray(teams.id, teamIds)) : [],
    slugs.length ? db.select({ slug: aiModels.slug, name: aiModels.name }).from(aiModels).where(inArray(aiModels.slug, slugs)) : [],
  ]);
  return { teams: new Map(t.map((r) => [r.id, r.name])), models: new Map(m.map((r) => [r.slug, r.name])), currency };
}
