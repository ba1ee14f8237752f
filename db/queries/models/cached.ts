import { sharedByDataVersion } from '../data-version';
import { getCostPerTask } from '../dashboard/cost-per-task';
import type { Queryable } from '../../types';
import type { Period } from '@/lib/metrics/period';
import { loadCatalog } from './catalog';
import { listCurrentTeamModelUsage } from './details';

/**
 * The catalog pages' reads as /models and /trends show them: remembered per data version like the
 * dashboard's figures (db/queries/dashboard/cached.ts), so a repeated view re-runs no query and the first
 * view after any write to the catalog, the scores or the experiments sees it.
 * Shared, frozen (lib/metrics reads them as readonly lists): a copy of the catalog for each view cost more than the page.
 */
export const catalogPages = {
  catalog: sharedByDataVersion('catalog', loadCatalog),
  currentTeamUsage: sharedByDataVersion('currentTeamUsage', (db: Queryable, period: Period) => listCurrentTeamModelUsage(db, period)),
  costPerTask: sharedByDataVersion('trendsCostPerTask', (db: Queryable, today: string) => getCostPerTask(db, { today })),
};
