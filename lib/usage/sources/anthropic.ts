/**
 * Anthropic's Admin API: the messages usage report (`GET /v1/organizations/usage_report/messages`) and the cost
 * report (`GET /v1/organizations/cost_report`), one page at a time, grouped by workspace (else API key) and model.
 * Cost amounts are decimal strings in cents ("123.45" USD is $1.2345). Pure. Fixtures: tests/fixtures/usage/.
 */
import type { UsageRecord } from '../record';
import { count, dayOfTimestamp, decimalToMicros, fail, isObject, readJson, RecordMerger, type ParseResult } from './common';

const VENDOR = 'Anthropic';

export function parseAnthropic(text: string): ParseResult {
  const json = readJson(text, 'Anthropic page');
  if (!json.ok) return json;
  const page = json.value;
  if (!isObject(page) || !Array.isArray(page.data) || typeof page.has_more !== 'boolean') {
    return fail('This is not a page of the Anthropic usage or cost report (expected {"data": [buckets], "has_more": …}).');
  }
  const merged = new RecordMerger();
  for (const [i, bucket] of page.data.entries()) {
    const day = isObject(bucket) ? dayOfTimestamp(bucket.starting_at) : null;
    if (!isObject(bucket) || !day || !Array.isArray(bucket.results)) return fail(`Bucket ${i + 1} of the Anthropic page has no starting_at or results.`);
    for (const [j, result] of bucket.results.entries()) {
      const where = `Bucket ${i + 1}, result ${j + 1} of the Anthropic page`;
      if (!isObject(result)) return fail(`${where} is not an object.`);
      const record = 'amount' in result ? costRecord(day, result) : 'output_tokens' in result ? usageRecord(day, result) : `it is neither usage (output_tokens) nor cost (amount).`;
      if (typeof record === 'string') return fail(`${where}: ${record}`);
      merged.add(record);
    }
  }
  return { ok: true, records: merged.records() };
}

/** The workspace (or, grouped by key only, the API key); '' when not grouped or for the default workspace. */
function teamOf(r: Record<string, unknown>): string {
  const id = r.workspace_id ?? r.api_key_id;
  return typeof id === 'string' ? id : '';
}

function usageRecord(day: string, r: Record<string, unknown>): UsageRecord | string {
  const cache = isObject(r.cache_creation) ? r.cache_creation : {};
  const uncached = count(r.uncached_input_tokens);
  const cacheRead = count(r.cache_read_input_tokens);
  const cache1h = count(cache.ephemeral_1h_input_tokens);
  const cache5m = count(cache.ephemeral_5m_input_tokens);
  const output = count(r.output_tokens);
  const webSearch = count(isObject(r.server_tool_use) ? r.server_tool_use.web_search_requests : 0);
  if ([uncached, cacheRead, cache1h, cache5m, output, webSearch].some((n) => n === undefined)) return 'its token counts must be whole numbers.';
  return {
    day,
    externalTeam: teamOf(r),
    vendor: VENDOR,
    externalModel: typeof r.model === 'string' ? r.model : '',
    // The report counts tokens, not requests.
    requests: 0,
    inputTokens: uncached! + cacheRead! + cache1h! + cache5m!,
    outputTokens: output!,
    costMicros: 0,
    currency: 'USD',
    activeUsers: null,
    engagedUsers: null,
    details: { uncached_input_tokens: uncached!, cache_read_input_tokens: cacheRead!, cache_creation_1h_input_tokens: cache1h!, cache_creation_5m_input_tokens: cache5m!, web_search_requests: webSearch! },
    measures: 'usage',
  };
}

function costRecord(day: string, r: Record<string, unknown>): UsageRecord | string {
  if (typeof r.amount !== 'string' && typeof r.amount !== 'number') return 'its amount is not a decimal string.';
  const micros = decimalToMicros(r.amount, -2); // cents → units
  if (micros === null) return `its amount "${String(r.amount)}" is not a number.`;
  const currency = typeof r.currency === 'string' ? r.currency.toUpperCase() : 'USD';
  if (!/^[A-Z]{3}$/.test(currency)) return `its currency "${String(r.currency)}" is not a currency code.`;
  return {
    day,
    externalTeam: teamOf(r),
    vendor: VENDOR,
    externalModel: typeof r.model === 'string' ? r.model : '',
    requests: 0,
    inputTokens: 0,
    outputTokens: 0,
    costMicros: micros,
    currency,
    activeUsers: null,
    engagedUsers: null,
    details: null,
    measures: 'cost',
  };
}
