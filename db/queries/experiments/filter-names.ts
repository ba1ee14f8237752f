import { filterNames } from '@/lib/validation/describe-filters';
import { aiModels, teams } from '../../schema';
import type { Queryable } from '../../types';

/** Team and model names by id and slug, to write filters as a reader says them on an export's cover. */
export async function namesForFilters(db: Queryable) {
  const [t, m] = await Promise.all([
    db.select({ id: teams.id, name: teams.name }).from(teams),
    db.select({ slug: aiModels.slug, name: aiModels.name }).from(aiModels),
  ]);
  return filterNames(t, m);
}
