import { aiModels, orgSettings, teams } from '../../schema';
import type { Db, Queryable } from '../../types';
import { teamScope, type SessionUser } from '@/lib/auth/permissions';
import { parseImportCsv, type ImportRow } from '@/lib/validation/experiment-import';
import { describeImportRow } from '@/lib/validation/import-preview';
import { recordDenied, writeAudit } from '../admin/audit';
import { actorOf } from '../admin/audit';
import { insertExperiment, planLinks } from './write';

/** What the import would do with each row: create it (and what it becomes), or reject it and say why. */
export type PlannedRow = ImportRow & { becomes?: string };
export type ImportPlan = { rows: PlannedRow[]; error?: string; creatable: number; rejected: number };

/** Teams by name; models by slug and by the name the catalog shows ("Claude Sonnet 4.6"), any case. */
async function lookups(db: Queryable) {
  const [t, m, s] = await Promise.all([
    db.select({ id: teams.id, name: teams.name }).from(teams),
    db.select({ id: aiModels.id, slug: aiModels.slug, name: aiModels.name }).from(aiModels),
    db.select({ currency: orgSettings.currency }).from(orgSettings),
  ]);
  const models = new Map(m.map((x) => [x.name.toLowerCase(), x.id]));
  for (const x of m) models.set(x.slug.toLowerCase(), x.id); // a slug wins over another model's identical name
  return {
    teams: new Map(t.map((x) => [x.name.toLowerCase(), x.id])),
    models,
    teamNames: new Map(t.map((x) => [x.id, x.name])),
    modelNames: new Map(m.map((x) => [x.id, x.name])),
    currency: s[0]?.currency ?? 'USD',
  };
}

export const NOT_YOUR_TEAM = 'You can import only into teams you lead.';

/** The preview: parses and validates every row, and adds the permission error to any row for a team the user may not write to. */
export async function planImport(db: Queryable, user: SessionUser, csv: string): Promise<ImportPlan> {
  const known = await lookups(db);
  const { rows, error } = parseImportCsv(csv, known);
  const scoped: PlannedRow[] = rows.map((r) => {
    if (r.teamId != null && !teamScope(user).canEdit(r.teamId))
      return { line: r.line, title: r.title, ok: false, errors: [...(r.ok ? [] : r.errors), NOT_YOUR_TEAM], teamId: r.teamId };
    if (!r.ok) return r;
    return { ...r, becomes: describeImportRow(r.input, { team: known.teamNames.get(r.teamId) ?? '', models: known.modelNames, currency: known.currency }) };
  });
  const creatable = scoped.filter((r) => r.ok).length;
  return { rows: scoped, error, creatable, rejected: scoped.length - creatable };
}

/**
 * All or nothing: re-plans inside one transaction (the preview may be stale) and creates every row, or
 * nothing when any row is rejected. One summary audit entry plus one per experiment.
 */
export async function applyImport(db: Db, user: SessionUser, csv: string): Promise<{ ok: true; created: number[] } | { ok: false; plan: ImportPlan; message: string }> {
  return db.transaction(async (tx) => {
    const plan = await planImport(tx, user, csv);
    if (plan.error || plan.rejected > 0 || plan.creatable === 0) {
      if (plan.rows.some((r) => !r.ok && r.errors.includes(NOT_YOUR_TEAM)))
        await recordDenied(tx, actorOf(user), 'experiment.import', { type: 'experiment' });
      return { ok: false, plan, message: plan.error ?? `Nothing was imported: ${plan.rejected} row(s) need fixing first.` } as const;
    }
    const created: number[] = [];
    for (const r of plan.rows) {
      if (!r.ok) continue;
      // The file names no efforts: every link gets its model's default, which always passes.
      const links = await planLinks(tx, r.input);
      if (!links.ok) throw new Error(links.message);
      created.push((await insertExperiment(tx, user, r.teamId, r.input, links.links, 'experiment.import')).id);
    }
    await writeAudit(tx, { actor: actorOf(user), action: 'experiment.import', entityType: 'import', after: { count: created.length, ids: created } });
    return { ok: true, created } as const;
  });
}
