/**
 * LiteLLM proxy spend, by team, key and model, from either of two documented reads:
 * - the daily activity API (`GET /team/daily/activity`, `/user/daily/activity`): `{results: [{date, metrics,
 *   breakdown: {models: {<model>: {metrics, api_key_breakdown: {<key>: {metrics, metadata: {key_alias, team_id}}}}}}}]}`;
 * - the spend logs (`GET /spend/logs`): one row per request with `spend`, tokens, `startTime`, `model`, `api_key`,
 *   `team_id` and `metadata`.
 * Each day becomes one row per (team, model); a key without a team counts under "key:<alias or hash>". Spend is in
 * US dollars. Pure. Fixtures: tests/fixtures/usage/.
 */
import type { UsageRecord } from '../record';
import { count, dayOfTimestamp, decimalToMicros, fail, isObject, readJson, RecordMerger, vendorOfModel, type ParseResult } from './common';

export function parseLitellm(text: string): ParseResult {
  const json = readJson(text, 'LiteLLM file');
  if (!json.ok) return json;
  const v = json.value;
  if (isObject(v) && Array.isArray(v.results)) return fromDailyActivity(v.results);
  const logs = Array.isArray(v) ? v : isObject(v) && Array.isArray(v.data) ? v.data : null;
  if (logs) return fromSpendLogs(logs);
  return fail('This is neither a LiteLLM daily activity page ({"results": [...]}) nor a list of spend logs.');
}

/** "key:<alias>" (or the hashed key) for spend no team owns. */
const keyTeam = (alias: unknown, key: string) => `key:${typeof alias === 'string' && alias ? alias : key}`;

type Metrics = { spend: number; input: number; output: number; requests: number };

function readMetrics(m: unknown): Metrics | string {
  if (!isObject(m)) return 'it has no metrics.';
  const spend = decimalToMicros(typeof m.spend === 'number' || typeof m.spend === 'string' ? m.spend : 0);
  const input = count(m.prompt_tokens);
  const output = count(m.completion_tokens);
  const requests = count(m.api_requests);
  if (spend === null || input === undefined || output === undefined || requests === undefined) return 'its spend, tokens and requests must be numbers.';
  return { spend, input, output, requests };
}

function record(day: string, team: string, model: string, provider: unknown, m: Metrics, key: string): UsageRecord {
  return {
    day,
    externalTeam: team,
    vendor: vendorOfModel(model, typeof provider === 'string' ? provider : null),
    externalModel: model,
    requests: m.requests,
    inputTokens: m.input,
    outputTokens: m.output,
    costMicros: m.spend,
    currency: 'USD',
    activeUsers: null,
    engagedUsers: null,
    details: { [`key_spend_micros:${key}`]: m.spend },
  };
}

function fromDailyActivity(results: unknown[]): ParseResult {
  const merged = new RecordMerger();
  for (const [i, day] of results.entries()) {
    const date = isObject(day) ? dayOfTimestamp(day.date) : null;
    if (!isObject(day) || !date) return fail(`Day ${i + 1} of the LiteLLM page has no date.`);
    const models = isObject(day.breakdown) && isObject(day.breakdown.models) ? day.breakdown.models : {};
    for (const [model, entry] of Object.entries(models)) {
      const keys = isObject(entry) && isObject(entry.api_key_breakdown) ? entry.api_key_breakdown : {};
      const provider = isObject(entry) && isObject(entry.metadata) ? entry.metadata.custom_llm_provider : null;
      for (const [key, k] of Object.entries(keys)) {
        const m = readMetrics(isObject(k) ? k.metrics : null);
        if (typeof m === 'string') return fail(`${date}, model ${model}, key ${key}: ${m}`);
        const meta = isObject(k) && isObject(k.metadata) ? k.metadata : {};
        const team = typeof meta.team_id === 'string' && meta.team_id ? meta.team_id : keyTeam(meta.key_alias, key);
        merged.add(record(date, team, model, provider, m, typeof meta.key_alias === 'string' && meta.key_alias ? meta.key_alias : key));
      }
    }
  }
  return { ok: true, records: merged.records() };
}

function fromSpendLogs(rows: unknown[]): ParseResult {
  const merged = new RecordMerger();
  for (const [i, row] of rows.entries()) {
    if (!isObject(row)) return fail(`Spend log ${i + 1} is not an object.`);
    const day = dayOfTimestamp(row.startTime);
    if (!day) return fail(`Spend log ${i + 1} has no startTime.`);
    const spend = decimalToMicros(typeof row.spend === 'number' || typeof row.spend === 'string' ? row.spend : 0);
    const input = count(row.prompt_tokens);
    const output = count(row.completion_tokens);
    if (spend === null || input === undefined || output === undefined) return fail(`Spend log ${i + 1}: its spend and tokens must be numbers.`);
    const meta = isObject(row.metadata) ? row.metadata : {};
    const key = typeof row.api_key === 'string' ? row.api_key : '';
    const teamId = typeof row.team_id === 'string' && row.team_id ? row.team_id : typeof meta.user_api_key_team_id === 'string' ? meta.user_api_key_team_id : '';
    const team = teamId || (key ? keyTeam(meta.user_api_key_alias, key) : '');
    const model = typeof row.model === 'string' ? row.model : '';
    const keyName = typeof meta.user_api_key_alias === 'string' && meta.user_api_key_alias ? meta.user_api_key_alias : key;
    merged.add(record(day, team, model, row.custom_llm_provider, { spend, input, output, requests: 1 }, keyName));
  }
  return { ok: true, records: merged.records() };
}
