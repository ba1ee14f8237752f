import { and, desc, eq, sql } from 'drizzle-orm';
import type { PlaybookParams } from '@/lib/validation/technique';
import { capabilityOutcomes, experiments, teams, techniques } from '../../schema';
import type { Queryable } from '../../types';
import { withExperimentAndTeam } from '../experiments/child-rows';
import { buildExperimentWhere } from '../experiments/filters';
import { likePattern, SEARCH_TEXT } from '../experiments/search';

export const PLAYBOOK_PAGE_SIZE = 20;

const PLAYBOOK_FIELDS = {
  id: techniques.id,
  kind: techniques.kind,
  title: techniques.title,
  description: techniques.description,
  promptText: techniques.promptText,
  createdAt: techniques.createdAt,
  experimentId: experiments.id,
  experimentTitle: experiments.title,
  exploration: experiments.exploration,
  team: teams.name,
  outcome: { id: capabilityOutcomes.id, type: capabilityOutcomes.type, description: capabilityOutcomes.description, impact: capabilityOutcomes.impact },
};

/**
 * The Playbook: techniques across experiments, newest first, each with its experiment and the capability
 * outcome it led to. Scoped as the experiment list is by default (archived experiments left out). The
 * search matches a technique's own text (title, description, prompt) or its linked outcome's, each read
 * through its trigram index (../experiments/search.ts).
 */
export async function listPlaybook(db: Queryable, params: PlaybookParams, pageSize = PLAYBOOK_PAGE_SIZE) {
  const conditions = [buildExperimentWhere({})];
  if (params.kind) conditions.push(eq(techniques.kind, params.kind));
  if (params.q) {
    const like = likePattern(params.q);
    conditions.push(sql`("techniques"."id" in (select id from techniques where ${sql.raw(SEARCH_TEXT.techniques)} ilike ${like})
      or "techniques"."outcome_id" in (select id from capability_outcomes where ${sql.raw(SEARCH_TEXT.capability_outcomes)} ilike ${like}))`);
  }
  const where = and(...conditions);
  const page = params.page ?? 1;
  const [rows, [count]] = await Promise.all([
    withExperimentAndTeam(db.select(PLAYBOOK_FIELDS).from(techniques).$dynamic(), techniques)
      .leftJoin(capabilityOutcomes, eq(capabilityOutcomes.id, techniques.outcomeId))
      .where(where)
      .orderBy(desc(techniques.createdAt), desc(techniques.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(techniques)
      .innerJoin(experiments, eq(experiments.id, techniques.experimentId))
      .where(where),
  ]);
  const total = Number(count.total);
  return {
    rows: rows.map((r) => ({ ...r, outcome: r.outcome?.id == null ? null : r.outcome })),
    total,
    page,
    pageSize,
    pages: Math.max(1, Math.ceil(total / pageSize)),
  };
}

export type PlaybookPage = Awaited<ReturnType<typeof listPlaybook>>;
export type PlaybookRow = PlaybookPage['rows'][number];
