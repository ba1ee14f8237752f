import type { Queryable } from '../../types';
import { listBlockerBenchmarks } from '../models/blocker-benchmark';
import { listModelChoices } from './detail';
import { modelEffortFacts } from '../models/efforts';
import { listTeams } from '../people/teams';
import { supportedEfforts } from '@/lib/catalog/model-efforts';
import type { SessionUser } from '@/lib/auth/permissions';

/** The choices the experiment form offers this user: only teams they may write to, and the catalog. */
export async function experimentFormChoices(db: Queryable, user: SessionUser) {
  const [teams, models, benchmarks] = await Promise.all([listTeams(db), listModelChoices(db), listBlockerBenchmarks(db)]);
  const facts = await modelEffortFacts(db, models.map((m) => m.id));
  return {
    teams: user.role === 'admin' ? teams : teams.filter((t) => user.leadTeamIds.includes(t.id)),
    // Each model with the efforts it accepts, the first being what a link gets when none is chosen.
    models: models.map((m) => ({ ...m, efforts: supportedEfforts(m, facts.get(m.id)?.listed ?? []) })),
    benchmarks,
  };
}
