import { inArray } from 'drizzle-orm';
import { aiModels } from '../../schema';
import type { Queryable } from '../../types';
import { writeAudit, type Actor } from '../admin/audit';
import { lockDataVersion } from '../data-version';
import { written } from '../write-result';
import { createModel, updateModel, upsertBenchmarkScore, upsertPriceChange } from './writes';
import type { ImportRow } from '@/lib/validation/model-import';

export type ImportOutcome = 'added' | 'updated' | 'rejected';
export type PreviewRow = { line: number; slug: string; outcome: ImportOutcome; reasons: string[]; name?: string };

/** What applying would do to each row: add a new model, update the one with that slug, or reject it. */
export async function previewModelImport(db: Queryable, rows: readonly ImportRow[]): Promise<PreviewRow[]> {
  const slugs = rows.filter((r) => r.data).map((r) => r.slug);
  const existing = new Set(
    slugs.length ? (await db.select({ slug: aiModels.slug }).from(aiModels).where(inArray(aiModels.slug, slugs))).map((r) => r.slug) : [],
  );
  return rows.map((r) => ({
    line: r.line,
    slug: r.slug,
    name: r.data?.name,
    outcome: !r.data ? 'rejected' : existing.has(r.slug) ? 'updated' : 'added',
    reasons: r.reasons,
  }));
}

/**
 * Applies the valid rows; rejected rows are skipped. Call inside ONE transaction: any failure rolls
 * back every row, so a bad file changes nothing. Each row's launch price is the price at its release date.
 */
export async function applyModelImport(
  db: Queryable,
  actor: Actor,
  rows: readonly ImportRow[],
  source: string,
  onProgress?: (done: number, total: number) => void,
) {
  await lockDataVersion(db); // the lock order of every write (db/derived/README.md)
  const preview = await previewModelImport(db, rows);
  const ids = new Map((await db.select({ id: aiModels.id, slug: aiModels.slug }).from(aiModels)).map((m) => [m.slug, m.id]));
  let added = 0;
  let updated = 0;
  const tick = (i: number) => onProgress && (i % 25 === 24 || i === rows.length - 1) && onProgress(i + 1, rows.length);
  for (const [i, row] of rows.entries()) {
    const d = row.data;
    if (!d) {
      tick(i);
      continue;
    }
    const fields = { slug: d.slug, name: d.name, vendor: d.vendor, releaseDate: d.releaseDate, reasoning: d.reasoning, openWeights: d.openWeights, dataPolicy: d.dataPolicy, trainingFlop: d.trainingFlop };
    let id = ids.get(d.slug);
    if (id == null) {
      id = written(await createModel(db, actor, fields, source)).id;
      added++;
    } else {
      written(await updateModel(db, actor, id, fields, source));
      updated++;
    }
    if (preview[i].outcome === 'rejected') throw new Error('preview and rows disagree');
    if (d.input != null && d.output != null)
      written(await upsertPriceChange(db, actor, { modelId: id, effectiveDate: d.releaseDate, input: d.input, output: d.output, note: 'Launch list price (imported)' }, d.sourcePrice ?? source));
    if (d.gpqa != null) written(await upsertBenchmarkScore(db, actor, { modelId: id, benchmark: 'gpqa_diamond', score: d.gpqa }, d.sourceGpqa ?? source));
    tick(i);
  }
  const rejected = rows.length - added - updated;
  await writeAudit(db, { actor, action: 'model.import', entityType: 'model', after: { added, updated, rejected, source } });
  return { added, updated, rejected };
}
