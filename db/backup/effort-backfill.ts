/**
 * Migration 0011 turned the experiment's free "reasoning mode used" checkbox into an effort per model link.
 * Old rows get: 'none' on a model that does not reason (demo data had ticked the box on such models);
 * 'none' on a reasoning model the box was not ticked for, when the catalog lists 'none' for it; otherwise
 * 'default', the vendor's default effort. We never guess a level such as 'high': nobody recorded one.
 * Then `reasoning_used` follows the links (a link at any effort but 'none'), as the write path keeps it.
 * The migration holds these statements verbatim (tests/model-efforts.test.ts), and a restore of a backup
 * written before 0011 runs them on the restored rows.
 */
export const EFFORT_BACKFILL_SQL = [
  `update experiment_models l set effort = case
  when not m.reasoning then 'none'
  when not e.reasoning_used and (
    exists (select 1 from benchmark_scores s where s.model_id = l.model_id and s.effort = 'none')
    or exists (select 1 from model_aliases a where a.model_id = l.model_id and a.effort = 'none')
  ) then 'none'
  else 'default' end
from ai_models m, experiments e
where m.id = l.model_id and e.id = l.experiment_id`,
  `update experiments e set reasoning_used = x.used
from (select e2.id, exists (select 1 from experiment_models l where l.experiment_id = e2.id and l.effort <> 'none') as used from experiments e2) x
where x.id = e.id and e.reasoning_used is distinct from x.used`,
] as const;

/** Whether a backup of `schemaVersion` predates per-link efforts (migration 0011). */
export function predatesEfforts(schemaVersion: string): boolean {
  return schemaVersion < '0011';
}
