/**
 * A catalog sync from an uploaded file or from the configured URL: read the file, then record its diff for an
 * admin to review (nothing in the catalog changes until the admin applies it).
 */
import type { Actor } from '@/db/queries/admin/audit';
import { createSync, discardSync, loadRegistry, supersedeFetchedSyncs } from '@/db/queries/models/catalog-sync';
import type { Queryable } from '@/db/types';
import { written } from '@/db/queries/write-result';
import { planIsEmpty } from '@/lib/catalog/sync/diff';
import { fetchSource, sourceUrl } from '@/lib/catalog/sync/fetch-source';
import { readSource, type SyncSourceKind } from '@/lib/catalog/sync/read-source';

export type SyncStart = { ok: true; id: number; empty: boolean } | { ok: false; error: string };

export async function startSync(
  db: Queryable,
  kind: SyncSourceKind,
  file: { bytes: Uint8Array; fileName: string; origin: 'upload' | 'fetch' },
  actor: Actor,
  now = new Date(),
): Promise<SyncStart> {
  const createdBy = actor?.email ?? 'scheduled sync';
  const read = readSource(kind, file.bytes, file.fileName, await loadRegistry(db));
  if (!read.ok) return read;
  const { id, plan } = await createSync(db, actor, { source: kind, origin: file.origin, fileName: file.fileName, retrievedAt: now, incoming: read.incoming, createdBy });
  return { ok: true, id, empty: planIsEmpty(plan) };
}

/**
 * Downloads a source (outside any transaction: it may take a while) and records its diff in one transaction; a diff
 * without changes is discarded at once, and it replaces older downloaded diffs of the source nobody applied.
 */
export async function syncFromUrl(db: Queryable, kind: SyncSourceKind, actor: Actor, env: Record<string, string | undefined> = process.env): Promise<SyncStart> {
  const url = sourceUrl(kind, env);
  const got = await fetchSource(kind, url);
  if (!got.ok) return got;
  return db.transaction(async (tx) => {
    const r = await startSync(tx, kind, { bytes: got.bytes, fileName: got.fileName, origin: 'fetch' }, actor);
    if (!r.ok) return r;
    if (r.empty) written(await discardSync(tx, actor, r.id));
    await supersedeFetchedSyncs(tx, kind, r.id);
    return r;
  });
}

/** The scheduled job: both sources; a diff with changes waits for an admin on /admin. */
export async function catalogSyncJob(db: Queryable, env: Record<string, string | undefined> = process.env): Promise<string> {
  const parts: string[] = [];
  const errors: string[] = [];
  for (const kind of ['models.dev', 'epoch'] as const) {
    const r = await syncFromUrl(db, kind, null, env);
    if (!r.ok) errors.push(`${kind}: ${r.error}`);
    else parts.push(r.empty ? `${kind}: no changes` : `${kind}: diff #${r.id} waits for review`);
  }
  if (errors.length) throw new Error([...errors, ...parts].join(' '));
  return parts.join('; ');
}
