import { aiModels, teams } from '../schema';
import type { Db, Queryable } from '../types';
import { canEditTeam, type SessionUser } from '@/lib/auth/permissions';
import { parseImportCsv, type ImportRow } from '@/lib/validation/experiment-import';
import { recordDenied, writeAudit } from './audit';
import { actorOf, insertExperiment } from './experiment-write';

/** What the import would do with each row: create it, or reject it and say why. */
export type ImportPlan = { rows: ImportRow[]; error?: string; creatable: number; rejected: number };

async function lookups(db: Queryable) {
  const [t, m] = await Promise.all([db.select({ id: teams.id, name: teams.name }).from(teams), db.select({ id: aiModels.id, slug: aiModels.slug }).from(aiModels)]);
  return { teams: new Map(t.map((x) => [x.name.toLowerCase(), x.id])), models: new Map(m.map((x) => [x.slug.toLowerCase(), x.id])) };
}

/** The preview: parses and validates every row, and rejects rows for teams the user may not write to. */
export async function planImport(db: Queryable, user: SessionUser, csv: string): Promise<ImportPlan> {
  const { rows, error } = parseImportCsv(csv, await lookups(db));
  const scoped: ImportRow[] = rows.map((r) =>
    r.ok && !canEditTeam(user, r.teamId) ? { line: r.line, title: r.title, ok: false, errors: ['You can import only into teams you lead.'] } : r,
  );
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
      if (plan.rows.some((r) => !r.ok && r.errors.includes('You can import only into teams you lead.')))
        await recordDenied(tx, actorOf(user), 'experiment.import', { type: 'experiment' });
      return { ok: false, plan, message: plan.error ?? `Nothing was imported: ${plan.rejected} row(s) need fixing first.` } as const;
    }
    const created: number[] = [];
    for (const r of plan.rows) if (r.ok) created.push((await insertExperiment(tx, user, r.teamId, r.input, 'experiment.import')).id);
    await writeAudit(tx, { actor: actorOf(user), action: 'experiment.import', entityType: 'import', after: { count: created.length, ids: created } });
    return { ok: true, created } as const;
  });
}
