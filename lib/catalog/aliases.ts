/**
 * The reviewed mapping of outside ids to catalog models (db/seed/reference/model_aliases.csv): Epoch AI model
 * versions with their reasoning effort, and the first-party models.dev ids whose list price a catalog row follows.
 * Pure: the caller passes the file's text.
 */
import { z } from 'zod';
import { readCsv } from './csv';
import { isEffort, type Effort } from './epoch-effort';

/**
 * Epoch AI and models.dev for the catalog syncs; the usage sources (issue 21) for vendor model ids in imported usage
 * that the models.dev ids and catalog slugs do not already match (lib/usage/model-match.ts).
 */
export const ALIAS_SOURCES = ['epoch', 'models.dev', 'copilot', 'openai', 'anthropic', 'litellm', 'csv'] as const;
export type AliasSource = (typeof ALIAS_SOURCES)[number];

export const modelAliasRowSchema = z
  .object({
    source: z.enum(ALIAS_SOURCES),
    // Not trimmed: one Epoch id ends in a space, and lookups trim the id the same way on both sides.
    external_id: z.string().min(1),
    model_slug: z.string().trim().regex(/^[a-z0-9][a-z0-9.-]{0,79}$/, 'is not a catalog slug'),
    effort: z.string().trim(),
    note: z.string().trim(),
  })
  .refine((r) => (r.source === 'epoch' ? isEffort(r.effort) : r.effort === ''), {
    message: 'an Epoch alias needs an effort (default, none … max, unknown, thinking or a budget such as 16K); other sources none',
    path: ['effort'],
  });

export type ModelAlias = { source: AliasSource; externalId: string; slug: string; effort: Effort | null; note: string };
export type AliasesResult = { ok: true; aliases: ModelAlias[] } | { ok: false; error: string };

const key = (source: string, externalId: string) => `${source}\u0000${externalId.trim()}`;

export function parseModelAliases(csvText: string, fileName = 'model_aliases.csv'): AliasesResult {
  const read = readCsv(fileName, csvText);
  if (!read.ok) return read;
  const aliases: ModelAlias[] = [];
  const seen = new Set<string>();
  for (const [i, raw] of read.table.rows.entries()) {
    const parsed = modelAliasRowSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, error: `${fileName} row ${i + 2}, column ${String(issue.path[0])}: ${issue.message}.` };
    }
    const r = parsed.data;
    const k = key(r.source, r.external_id);
    if (seen.has(k)) return { ok: false, error: `${fileName} row ${i + 2}: ${r.source} id "${r.external_id.trim()}" is mapped twice.` };
    seen.add(k);
    aliases.push({ source: r.source, externalId: r.external_id.trim(), slug: r.model_slug, effort: r.source === 'epoch' ? (r.effort as Effort) : null, note: r.note });
  }
  return { ok: true, aliases };
}

export type AliasIndex = ReadonlyMap<string, ModelAlias>;

export function indexAliases(aliases: readonly ModelAlias[]): AliasIndex {
  return new Map(aliases.map((a) => [key(a.source, a.externalId), a]));
}

/** The catalog model (and effort) an outside id stands for, or null when it is not mapped. */
export function resolveAlias(index: AliasIndex, source: AliasSource, externalId: string): ModelAlias | null {
  return index.get(key(source, externalId)) ?? null;
}

/** The ids of `source` in `externalIds` that no alias maps, trimmed, de-duplicated and sorted. */
export function unmappedIds(index: AliasIndex, source: AliasSource, externalIds: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const id of externalIds) if (!index.has(key(source, id))) out.add(id.trim());
  return [...out].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export type UnmappedVersion = { externalId: string; epochModelName: string; releaseDate: string; scoredOn: string[] };

/**
 * Epoch model versions (from the model table and every score) that no alias maps, with Epoch's group name, date
 * and the benchmarks they have scores on: the reviewed list a new unmapped version must be added to or mapped.
 */
export function unmappedEpochVersions(
  index: AliasIndex,
  modelVersions: readonly { modelVersion: string; modelGroup: string | null; date: string | null }[],
  scores: readonly { modelVersion: string; benchmark: string }[],
): UnmappedVersion[] {
  const scored = new Map<string, Set<string>>();
  for (const s of scores) scored.set(s.modelVersion, (scored.get(s.modelVersion) ?? new Set()).add(s.benchmark));
  const info = new Map(modelVersions.map((m) => [m.modelVersion.trim(), m]));
  const ids = unmappedIds(index, 'epoch', [...modelVersions.map((m) => m.modelVersion), ...scores.map((s) => s.modelVersion)]);
  return ids.map((id) => ({
    externalId: id,
    // Epoch's names sometimes carry a trailing line break ("GPT-5.3 Codex\n").
    epochModelName: (info.get(id)?.modelGroup ?? '').replace(/\s+/g, ' ').trim(),
    releaseDate: info.get(id)?.date ?? '',
    scoredOn: [...(scored.get(id) ?? [])].sort(),
  }));
}
