/**
 * Which catalog model a vendor's model id stands for, through the alias table (db/schema/benchmarks.ts
 * model_aliases): first an alias an admin entered for this usage source ("openai", "litellm"…), then the models.dev
 * id "<provider>/<model>" the catalog already maps, then a catalog slug; each also with a dated snapshot's date
 * removed (gpt-4o-2024-08-06 → gpt-4o, claude-sonnet-4-5-20250929 → claude-sonnet-4-5). Pure.
 */
export type ModelIndex = {
  /** `${source}\u0000${external id}` → catalog model id, for every alias row. */
  aliases: ReadonlyMap<string, number>;
  /** catalog slug → model id. */
  slugs: ReadonlyMap<string, number>;
};

const aliasKey = (source: string, id: string) => `${source}\u0000${id.trim()}`;

export function buildModelIndex(aliasRows: readonly { source: string; externalId: string; modelId: number }[], models: readonly { id: number; slug: string }[]): ModelIndex {
  return {
    aliases: new Map(aliasRows.map((a) => [aliasKey(a.source, a.externalId), a.modelId])),
    slugs: new Map(models.map((m) => [m.slug.toLowerCase(), m.id])),
  };
}

/** The models.dev provider id of a vendor name ("OpenAI" → "openai", "Mistral AI" → "mistral"). */
export function providerOfVendor(vendor: string): string {
  const v = vendor.trim().toLowerCase();
  const known: Record<string, string> = { 'mistral ai': 'mistral', 'amazon bedrock': 'amazon-bedrock', 'moonshot ai': 'moonshotai', 'z.ai': 'zai' };
  return known[v] ?? v.replace(/\s+/g, '-');
}

/** The id without a trailing snapshot date (-2024-08-06, -20250929, @20240620). */
export const withoutDate = (id: string) => id.replace(/[-@](\d{4}-\d{2}-\d{2}|\d{8})$/, '');

export function resolveModel(index: ModelIndex, source: string, vendor: string, externalModel: string): number | null {
  const id = externalModel.trim();
  if (!id) return null;
  const direct = index.aliases.get(aliasKey(source, id));
  if (direct !== undefined) return direct;
  const last = id.includes('/') ? id.slice(id.lastIndexOf('/') + 1) : id;
  const provider = providerOfVendor(vendor);
  for (const candidate of new Set([id, last, withoutDate(id), withoutDate(last)])) {
    const found =
      index.aliases.get(aliasKey('models.dev', candidate)) ??
      index.aliases.get(aliasKey('models.dev', `${provider}/${candidate}`)) ??
      index.slugs.get(candidate.toLowerCase());
    if (found !== undefined) return found;
  }
  return null;
}
