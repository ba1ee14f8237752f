import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCsvFolder, readReferenceModels, readReferenceText } from '@/db/seed/reference-csv';
import { indexAliases, parseModelAliases, resolveAlias, type ModelAlias } from '@/lib/catalog/aliases';
import { parseBenchmarkRegistry } from '@/lib/catalog/benchmarks';
import { parseEpochVersion } from '@/lib/catalog/epoch-effort';
import { importEpochBenchmarks } from '@/lib/catalog/epoch-import';
import { FIRST_PARTY_PROVIDERS } from '@/lib/catalog/models-dev-import';
import { UNMAPPED_FILE, unmappedCsv } from '@/scripts/catalog/epoch-unmapped';

const parsed = parseModelAliases(readReferenceText('model_aliases.csv'));
if (!parsed.ok) throw new Error(parsed.error);
const aliases: ModelAlias[] = parsed.aliases;
const index = indexAliases(aliases);
const models = readReferenceModels();
const registry = parseBenchmarkRegistry(readReferenceText('benchmarks.csv'));
if (!registry.ok) throw new Error(registry.error);
const epoch = importEpochBenchmarks(readCsvFolder(), registry.benchmarks);
if (!epoch.ok) throw new Error(epoch.error);
const versions = new Set(epoch.data.modelVersions.map((m) => m.modelVersion));
const epochAliases = aliases.filter((a) => a.source === 'epoch');
const devAliases = aliases.filter((a) => a.source === 'models.dev');

/** Efforts set by hand where the id has no suffix but the mode is known (SOURCES.md section 12). */
const EFFORT_OVERRIDES: Record<string, string> = { 'deepseek-chat': 'none' };

describe('model_aliases.csv', () => {
  it('maps 175 Epoch versions and 74 first-party models.dev ids to catalog models', () => {
    expect(epochAliases).toHaveLength(175);
    expect(devAliases).toHaveLength(74);
    expect(new Set(epochAliases.map((a) => a.slug)).size).toBe(65);
    expect(new Set(devAliases.map((a) => a.slug)).size).toBe(68);
    const slugs = new Set(models.map((m) => m.slug));
    expect(aliases.filter((a) => !slugs.has(a.slug))).toEqual([]);
  });

  it('names only versions that are in the shipped Epoch files', () => {
    expect(epochAliases.filter((a) => !versions.has(a.externalId)).map((a) => a.externalId)).toEqual([]);
  });

  it('gives each Epoch version the effort its suffix names, except the reviewed overrides', () => {
    for (const a of epochAliases) expect(a.effort, a.externalId).toBe(EFFORT_OVERRIDES[a.externalId] ?? parseEpochVersion(a.externalId).effort);
    expect(resolveAlias(index, 'epoch', 'gpt-5.1-2025-11-13_none')).toMatchObject({ slug: 'gpt-5.1', effort: 'none' });
    expect(resolveAlias(index, 'epoch', 'claude-3-7-sonnet-20250219_64K')).toMatchObject({ slug: 'claude-3.7-sonnet', effort: '64K' });
    expect(resolveAlias(index, 'epoch', 'gemini-3.1-pro-preview-customtools')).toMatchObject({ slug: 'gemini-3.1-pro', effort: 'default' });
    expect(resolveAlias(index, 'epoch', 'gpt-4o-2024-11-20')).toBeNull();
  });

  it("agrees with models.csv: each Epoch GPQA value is the best run among the model's aliases", () => {
    const best = new Map<string, number>();
    for (const s of epoch.data.scores) {
      const a = s.benchmark === 'gpqa_diamond' ? resolveAlias(index, 'epoch', s.modelVersion) : null;
      if (a) best.set(a.slug, Math.max(best.get(a.slug) ?? 0, s.score));
    }
    const withGpqa = models.filter((m) => m.gpqa_diamond_pct !== '');
    expect(withGpqa).toHaveLength(60);
    for (const m of withGpqa) expect(best.get(m.slug)?.toFixed(1), m.slug).toBe(Number(m.gpqa_diamond_pct).toFixed(1));
    expect([...best.keys()].filter((slug) => !withGpqa.some((m) => m.slug === slug))).toEqual([]);
  });

  it("maps models.dev ids only from the vendor's own provider", () => {
    const vendorOf = new Map(models.map((m) => [m.slug, m.vendor]));
    for (const a of devAliases) expect(FIRST_PARTY_PROVIDERS[a.externalId.split('/')[0]], a.externalId).toBe(vendorOf.get(a.slug));
  });

  it('leaves 416 Epoch versions unmapped, listed in epoch_unmapped.csv (a new one fails here)', () => {
    const committed = fs.readFileSync(UNMAPPED_FILE, 'utf8');
    expect(unmappedCsv()).toBe(committed);
    expect(committed.trim().split('\n')).toHaveLength(1 + 416);
    expect(versions.size).toBe(175 + 416);
  });
});

describe('a bad alias file gets one sentence', () => {
  const header = 'source,external_id,model_slug,effort,note\n';
  it.each([
    [`${header}epoch,gpt-5.1-2025-11-13_high,gpt-5.1,hihg,\n`, 'model_aliases.csv row 2, column effort: an Epoch alias needs an effort (default, none … max, unknown, thinking or a budget such as 16K); other sources none.'],
    [`${header}models.dev,openai/gpt-5.1,gpt-5.1,high,\n`, 'model_aliases.csv row 2, column effort: an Epoch alias needs an effort (default, none … max, unknown, thinking or a budget such as 16K); other sources none.'],
    [`${header}epoch,o3-2025-04-16_high,o3,high,\nepoch,o3-2025-04-16_high,o3,high,\n`, 'model_aliases.csv row 3: epoch id "o3-2025-04-16_high" is mapped twice.'],
    [`${header}openrouter,gpt-4o,gpt-4o,,\n`, 'model_aliases.csv row 2, column source: Invalid option: expected one of "epoch"|"models.dev"|"copilot"|"openai"|"anthropic"|"litellm"|"csv".'],
    // A usage source's alias (issue 21) needs no effort, like models.dev's.
    [`${header}litellm,gpt-4o,gpt-4o,high,\n`, 'model_aliases.csv row 2, column effort: an Epoch alias needs an effort (default, none … max, unknown, thinking or a budget such as 16K); other sources none.'],
  ])('%#', (text, message) => {
    const r = parseModelAliases(text);
    expect(r.ok ? null : r.error).toBe(message);
  });
});
