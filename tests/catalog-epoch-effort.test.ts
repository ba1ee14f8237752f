import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { readCsvFolder } from '@/db/seed/reference-csv';
import { effortBudgetTokens, effortLevelRank, isEffort, parseEpochVersion } from '@/lib/catalog/epoch-effort';

// Every id below is a real `Model version` of Epoch's April-2026 files (db/seed/reference/epoch-2026-04).
describe('parsing an Epoch model version', () => {
  it.each([
    ['gpt-5.2-2025-12-11_high', 'gpt-5.2-2025-12-11', 'high'],
    ['gpt-5.2-2025-12-11_xhigh', 'gpt-5.2-2025-12-11', 'xhigh'],
    ['gpt-5.4-2026-03-05_xhigh', 'gpt-5.4-2026-03-05', 'xhigh'],
    ['gpt-5.1-2025-11-13_none', 'gpt-5.1-2025-11-13', 'none'],
    ['gpt-5-mini-2025-08-07_minimal', 'gpt-5-mini-2025-08-07', 'minimal'],
    ['o3-2025-04-16_low', 'o3-2025-04-16', 'low'],
    ['o4-mini-2025-04-16_medium', 'o4-mini-2025-04-16', 'medium'],
    ['claude-opus-4-6_max', 'claude-opus-4-6', 'max'],
    ['o3-2025-04-16_unknown', 'o3-2025-04-16', 'unknown'],
    ['DeepSeek-V3.1_thinking', 'DeepSeek-V3.1', 'thinking'],
    ['o1-preview-2024-09-12', 'o1-preview-2024-09-12', 'default'],
    ['claude-opus-4-6', 'claude-opus-4-6', 'default'],
  ])('%s → %s at effort %s', (id, baseId, effort) => {
    const v = parseEpochVersion(id);
    expect(v).toMatchObject({ version: id, baseId, effort, prefix: null, variant: null, budgetTokens: null });
  });

  it('reads thinking budgets, in both of Epoch\'s spellings', () => {
    expect(parseEpochVersion('claude-opus-4-6_32K')).toMatchObject({ baseId: 'claude-opus-4-6', effort: '32K', budgetTokens: 32_000 });
    expect(parseEpochVersion('claude-3-7-sonnet-20250219_64K')).toMatchObject({ baseId: 'claude-3-7-sonnet-20250219', effort: '64K', budgetTokens: 64_000 });
    expect(parseEpochVersion('claude-opus-4-6_120K')).toMatchObject({ effort: '120K', budgetTokens: 120_000 });
    expect(parseEpochVersion('gemini-2.5-flash-preview-09-2025_16k')).toMatchObject({ baseId: 'gemini-2.5-flash-preview-09-2025', effort: '16K' });
    expect(parseEpochVersion('QwQ-32B (16K thinking)')).toMatchObject({ baseId: 'QwQ-32B', effort: '16K', budgetTokens: 16_000 });
    expect(parseEpochVersion('gemini-2.5-flash-preview-04-17 (24K thinking)')).toMatchObject({ baseId: 'gemini-2.5-flash-preview-04-17', effort: '24K' });
  });

  it('keeps host prefixes and scaffold variants apart from the effort', () => {
    expect(parseEpochVersion('chutes/gpt-oss-120b_high')).toMatchObject({ prefix: 'chutes', baseId: 'gpt-oss-120b', effort: 'high' });
    expect(parseEpochVersion('openai/gpt-oss-120b_high')).toMatchObject({ prefix: 'openai', baseId: 'gpt-oss-120b', effort: 'high' });
    expect(parseEpochVersion('fireworks/deepseek-v3p2')).toMatchObject({ prefix: 'fireworks', baseId: 'deepseek-v3p2', effort: 'default' });
    expect(parseEpochVersion('gemini-3.1-pro-preview-customtools')).toMatchObject({ baseId: 'gemini-3.1-pro-preview', variant: 'customtools', effort: 'default' });
    expect(parseEpochVersion('gpt-5.4-pro-2026-03-05-web-app')).toMatchObject({ baseId: 'gpt-5.4-pro-2026-03-05', variant: 'web-app' });
    expect(parseEpochVersion('gpt-5.2-pro-2025-12-11-webapp')).toMatchObject({ baseId: 'gpt-5.2-pro-2025-12-11', variant: 'webapp' });
  });

  it('does not take underscores inside a name for an effort', () => {
    for (const id of ['InternVL2_5-78B', 'MiniCPM-V-2_6', 'Qwen-1_8B', 'phi-1_5', 'VideoChat-Flash-Qwen2-7B_res448', 'open_llama_7b']) {
      expect(parseEpochVersion(id)).toMatchObject({ baseId: id, effort: 'default' });
    }
  });

  it('trims the one April-2026 id that ends in a space', () => {
    expect(parseEpochVersion('Llama-2-70b-hf ')).toMatchObject({ version: 'Llama-2-70b-hf', baseId: 'Llama-2-70b-hf' });
  });

  it('gives every version of the shipped files an effort it knows', () => {
    const versions = new Set<string>();
    for (const text of Object.values(readCsvFolder())) {
      const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
      for (const r of rows) if (r['Model version']) versions.add(r['Model version']);
    }
    expect(versions.size).toBe(591);
    const counts: Record<string, number> = {};
    for (const id of versions) {
      const { effort, budgetTokens } = parseEpochVersion(id);
      expect(isEffort(effort), id).toBe(true);
      const kind = budgetTokens != null ? 'budget' : effort;
      counts[kind] = (counts[kind] ?? 0) + 1;
    }
    // Counted independently from epoch_capabilities_index.csv, which lists all 591 versions.
    expect(counts).toEqual({ default: 438, budget: 59, high: 27, unknown: 19, medium: 17, low: 14, xhigh: 6, none: 3, minimal: 3, thinking: 3, max: 2 });
  });
});

describe('effort order', () => {
  it('ranks levels from none to max, and reads budgets in tokens', () => {
    expect(['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'].map(effortLevelRank)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(effortLevelRank('default')).toBeNull();
    expect(effortLevelRank('16K')).toBeNull();
    expect(effortBudgetTokens('16K')).toBe(16_000);
    expect(effortBudgetTokens('high')).toBeNull();
  });
});
