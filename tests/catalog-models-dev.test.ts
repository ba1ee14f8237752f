import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReferenceText } from '@/db/seed/reference-csv';
import { indexAliases, parseModelAliases, resolveAlias } from '@/lib/catalog/aliases';
import { FIRST_PARTY_PROVIDERS, MODELS_DEV_MAX_CHARS, parseModelsDevApi, type ModelsDevEntry } from '@/lib/catalog/models-dev-import';

const sample = fs.readFileSync(path.join(process.cwd(), 'tests', 'fixtures', 'models-dev', 'api.sample.json'), 'utf8');
const parsed = parseModelsDevApi(sample);
if (!parsed.ok) throw new Error(parsed.error);
const entries = parsed.entries;
const entry = (id: string): ModelsDevEntry => entries.find((e) => e.externalId === id)!;

describe('models.dev api.json (the real-format sample)', () => {
  it('reads every provider and model, in file order', () => {
    expect(entries).toHaveLength(19);
    expect([...new Set(entries.map((e) => e.providerId))]).toEqual(['openai', 'deepseek', 'anthropic', 'google']);
    expect(entries.every((e) => e.firstParty)).toBe(true);
    expect(entry('anthropic/claude-opus-4-7').vendor).toBe('Anthropic');
  });

  it('reads list prices with cache, context tier and fast-mode prices', () => {
    expect(entry('openai/gpt-5.4')).toMatchObject({
      price: { input: 2.5, output: 15, cacheRead: 0.25, cacheWrite: null, reasoning: null },
      contextTiers: [{ overTokens: 272_000, input: 5, output: 22.5, cacheRead: 0.5, cacheWrite: null }],
      modes: [{ name: 'fast', input: 5, output: 30, cacheRead: 0.5, cacheWrite: null }],
      batch: null,
      contextWindow: 1_050_000,
    });
    expect(entry('anthropic/claude-opus-4-7').price).toEqual({ input: 5, output: 25, cacheRead: 0.5, cacheWrite: 6.25, reasoning: null });
    expect(entry('anthropic/claude-opus-4-7').modes).toEqual([{ name: 'fast', input: 30, output: 150, cacheRead: 3, cacheWrite: 37.5 }]);
    // Only context_over_200k in older files: read as a 200K tier.
    expect(entry('google/gemini-2.5-pro').contextTiers).toEqual([{ overTokens: 200_000, input: 2.5, output: 15, cacheRead: 0.25, cacheWrite: null }]);
    expect(entry('google/gemma-4-31b-it').price).toBeNull();
  });

  it('reads release dates, reasoning options and open weights', () => {
    expect(entry('openai/gpt-5.4')).toMatchObject({ releaseDate: '2026-03-05', lastUpdated: '2026-03-05', reasoning: true, reasoningEfforts: ['none', 'low', 'medium', 'high', 'xhigh'], reasoningToggle: false, openWeights: false });
    expect(entry('deepseek/deepseek-v4-pro')).toMatchObject({ reasoningEfforts: ['high', 'max'], reasoningToggle: true, openWeights: true, releaseDate: '2026-04-24' });
    expect(entry('google/gemini-2.5-pro').reasoningBudget).toEqual({ min: 128, max: 32768 });
    expect(entry('deepseek/deepseek-chat')).toMatchObject({ reasoning: false, reasoningEfforts: [], reasoningBudget: null });
    // The sample lists Claude Sonnet 5's introductory price as its cost (the list price is in price_tiers.csv).
    expect(entry('anthropic/claude-sonnet-5').price).toMatchObject({ input: 2, output: 10 });
  });

  it('maps every sample model of a catalog model through model_aliases.csv', () => {
    const aliases = parseModelAliases(readReferenceText('model_aliases.csv'));
    if (!aliases.ok) throw new Error(aliases.error);
    const index = indexAliases(aliases.aliases);
    const mapped = Object.fromEntries(entries.map((e) => [e.externalId, resolveAlias(index, 'models.dev', e.externalId)?.slug ?? null]));
    expect(mapped).toEqual({
      'openai/gpt-5.4': 'gpt-5.4', 'openai/gpt-5.4-nano': null, 'openai/gpt-5.5-pro': null, 'openai/gpt-5.4-mini': 'gpt-5.4-mini', 'openai/gpt-5.5': 'gpt-5.5',
      // deepseek-chat/-reasoner now serve V4-Flash, not the catalog's V3.2 (SOURCES.md section 12).
      'deepseek/deepseek-chat': null, 'deepseek/deepseek-reasoner': null, 'deepseek/deepseek-v4-pro': 'deepseek-v4-pro', 'deepseek/deepseek-v4-flash': 'deepseek-v4-flash',
      'anthropic/claude-sonnet-5': 'claude-sonnet-5', 'anthropic/claude-opus-4-7': 'claude-opus-4.7', 'anthropic/claude-opus-4-8': 'claude-opus-4.8',
      'anthropic/claude-fable-5': 'claude-fable-5', 'anthropic/claude-haiku-4-5': 'claude-haiku-4.5',
      'google/gemini-2.5-pro': 'gemini-2.5-pro', 'google/gemini-3.1-flash-lite': 'gemini-3.1-flash-lite', 'google/gemma-4-31b-it': 'gemma-4-31b',
      'google/gemini-3.1-pro-preview': 'gemini-3.1-pro', 'google/gemini-3.5-flash': 'gemini-3.5-flash',
    });
  });
});

describe('resellers and unknown keys', () => {
  it('marks a reseller as not first-party and ignores keys it does not know', () => {
    const r = parseModelsDevApi(JSON.stringify({
      openrouter: { id: 'openrouter', name: 'OpenRouter', models: { 'openai/gpt-5.4': { id: 'openai/gpt-5.4', name: 'GPT-5.4', cost: { input: 2.5, output: 15 }, description: 'new key', rate_limits: {} } } },
      'alibaba-cn': { id: 'alibaba-cn', name: 'Alibaba (China)', models: { 'qwen3.6-plus': { id: 'qwen3.6-plus', name: 'Qwen3.6 Plus', cost: { input: 0.3, output: 1.8, batch: { input: 0.15, output: 0.9 } } } } },
    }));
    if (!r.ok) throw new Error(r.error);
    expect(r.entries.map((e) => [e.externalId, e.firstParty, e.vendor])).toEqual([['openrouter/openai/gpt-5.4', false, null], ['alibaba-cn/qwen3.6-plus', false, null]]);
    expect(r.entries[1].batch).toEqual({ input: 0.15, output: 0.9 });
    expect(Object.keys(FIRST_PARTY_PROVIDERS)).toEqual(['openai', 'anthropic', 'google', 'xai', 'deepseek', 'mistral', 'alibaba', 'moonshotai', 'zai', 'minimax', 'llama']);
  });
});

describe('a bad api.json gets one sentence and no data', () => {
  it('a truncated file', () => {
    const r = parseModelsDevApi(sample.slice(0, 5000));
    expect(r.ok ? null : r.error).toMatch(/^api\.json is not valid JSON \(.+\); is the file cut short\?$/);
  });
  it.each<[string, string, string]>([
    ['an array', '[]', "api.json is not models.dev's catalogue: it should map provider ids to providers."],
    ['a provider without models', JSON.stringify({ openai: { id: 'openai', name: 'OpenAI' } }), 'api.json, provider "openai": models: Invalid input: expected record, received undefined.'],
    ['a negative price', sample.replace('"input":2.5,"output":15,"cache_read":0.25', '"input":-2.5,"output":15,"cache_read":0.25'), 'api.json, openai model "gpt-5.4": cost.input: Too small: expected number to be >=0.'],
    ['a malformed date', sample.replace('"release_date":"2026-03-05"', '"release_date":"5 March 2026"'), 'api.json, openai model "gpt-5.4": release_date: must be YYYY-MM or YYYY-MM-DD.'],
    ['no models at all', JSON.stringify({ openai: { id: 'openai', name: 'OpenAI', models: {} } }), 'api.json lists no models.'],
    ['an oversized file', ' '.repeat(MODELS_DEV_MAX_CHARS + 1), "api.json is larger than 50 MB, far more than models.dev's catalogue."],
  ])('%s', (_what, text, message) => {
    const r = parseModelsDevApi(text);
    expect(r.ok ? null : r.error).toBe(message);
  });
});
