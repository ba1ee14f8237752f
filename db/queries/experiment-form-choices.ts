import type { Queryable } from '../types';
import { listBlockerBenchmarks } from './blocker-benchmark';
import { listModelChoices } from './experiment-detail';
import { listTeams } from './teams';
import type { SessionUser } from '@/lib/auth/permissions';

/** The choices the experiment form offers this user: only teams they may write to, and the catalog. */
export async function experimentFormChoices(db: Queryable, user: SessionUser) {
  const [teams, models, benchmarks] = await Promise.all([listTeams(db), listModelChoices(db), listBlockerBenchmarks(db)]);
  return {
    teams: user.role === 'admin' ? teams : teams.filter((t) => user.leadTeamIds.includes(t.id)),
    models,
    benchmarks,
  };
}
