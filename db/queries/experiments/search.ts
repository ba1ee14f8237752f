import { sql, type SQL } from 'drizzle-orm';

/**
 * The experiment list's search: a text matches an experiment when its title, description, hypothesis,
 * target metric, blocker ("what was missing") or learnings contain it, or one of its capability outcomes
 * (description, evidence) or techniques (title, description, prompt) does. Each table's text is one
 * expression with a trigram index on it (pg_trgm, migration 0021's hand-written part), so a search reads
 * the index of each table and joins the few matching ids rather than scanning every experiment;
 * tests/search-index.test.ts holds the indexes to these expressions.
 */
export const SEARCH_TEXT = {
  experiments: `(title || ' ' || description || ' ' || hypothesis || ' ' || target_metric || ' ' || blocker_missing || ' ' || learnings)`,
  capability_outcomes: `(description || ' ' || evidence)`,
  techniques: `(title || ' ' || description || ' ' || prompt_text)`,
} as const;

/** The trigram index of each searched table (created with the expression above). */
export const SEARCH_INDEXES = {
  experiments: 'experiments_search_trgm_idx',
  capability_outcomes: 'capability_outcomes_search_trgm_idx',
  techniques: 'techniques_search_trgm_idx',
} as const;

/** `%q%` for ILIKE, with the pattern characters of q taken literally. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

/** The ids of experiments whose own text, outcomes or techniques contain `q` (case-insensitive). */
export function searchIdsSql(q: string): SQL {
  const like = likePattern(q);
  const ids = (table: keyof typeof SEARCH_TEXT, id: string) =>
    sql`select ${sql.raw(id)} from ${sql.raw(table)} where ${sql.raw(SEARCH_TEXT[table])} ilike ${like}`;
  return sql`(${ids('experiments', 'id')} union ${ids('capability_outcomes', 'experiment_id')} union ${ids('techniques', 'experiment_id')})`;
}
