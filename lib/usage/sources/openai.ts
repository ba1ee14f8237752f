/**
 * OpenAI's organization Usage API (`GET /v1/organization/usage/completions` and the other usage endpoints) and
 * Costs API (`GET /v1/organization/costs`), one page at a time, grouped by project and model (costs by project and
 * line item, whose text names the model). Pure. Fixtures and the reference read: tests/fixtures/usage/README.md.
 */
import type { UsageRecord } from '../record';
import { count, dayOfUnix, decimalToMicros, fail, isObject, readJson, RecordMerger, type ParseResult } from './common';

const VENDOR = 'OpenAI';

/** "gpt-4o-2024-08-06, input" → "gpt-4o-2024-08-06"; a line item with no comma is kept whole. */
export const modelOfLineItem = (lineItem: string) => lineItem.split(',')[0].trim();

export function parseOpenAi(text: string): ParseResult {
  const json = readJson(text, 'OpenAI page');
  if (!json.ok) return json;
  const page = json.value;
  if (!isObject(page) || page.object !== 'page' || !Array.isArray(page.data)) {
    return fail('This is not a page of the OpenAI Usage or Costs API (expected {"object": "page", "data": [buckets]}).');
  }
  const merged = new RecordMerger();
  for (const [i, bucket] of page.data.entries()) {
    if (!isObject(bucket) || bucket.object !== 'bucket' || typeof bucket.start_time !== 'number' || !Array.isArray(bucket.results)) {
      return fail(`Bucket ${i + 1} of the OpenAI page is not a bucket with a start_time and results.`);
    }
    const day = dayOfUnix(bucket.start_time);
    for (const [j, result] of bucket.results.entries()) {
      const where = `Bucket ${i + 1}, result ${j + 1} of the OpenAI page`;
      if (!isObject(result) || typeof result.object !== 'string') return fail(`${where} has no object type.`);
      const record = result.object === 'organization.costs.result' ? costRecord(day, result) : result.object.startsWith('organization.usage.') ? usageRecord(day, result) : null;
      if (record === null) return fail(`${where} is a "${result.object}", neither usage nor cost.`);
      if (typeof record === 'string') return fail(`${where}: ${record}`);
      merged.add(record);
    }
  }
  return { ok: true, records: merged.records() };
}

/** The project (or API key) the figures are grouped by; '' for the whole organisation. */
function teamOf(r: Record<string, unknown>): string {
  const id = r.project_id ?? r.api_key_id;
  return typeof id === 'string' ? id : '';
}

function usageRecord(day: string, r: Record<string, unknown>): UsageRecord | string {
  const input = count(r.input_tokens);
  const output = count(r.output_tokens);
  const requests = count(r.num_model_requests);
  const cached = count(r.input_cached_tokens);
  if (input === undefined || output === undefined || requests === undefined || cached === undefined) return 'its token and request counts must be whole numbers.';
  return {
    day,
    externalTeam: teamOf(r),
    vendor: VENDOR,
    externalModel: typeof r.model === 'string' ? r.model : '',
    requests,
    inputTokens: input,
    outputTokens: output,
    costMicros: 0,
    currency: 'USD',
    activeUsers: null,
    engagedUsers: null,
    details: { input_cached_tokens: cached },
    measures: 'usage',
  };
}

function costRecord(day: string, r: Record<string, unknown>): UsageRecord | string {
  const amount = r.amount;
  if (!isObject(amount) || (typeof amount.value !== 'number' && typeof amount.value !== 'string')) return 'its amount has no value.';
  const micros = decimalToMicros(amount.value);
  if (micros === null) return `its amount "${String(amount.value)}" is not a number.`;
  const currency = typeof amount.currency === 'string' ? amount.currency.toUpperCase() : 'USD';
  if (!/^[A-Z]{3}$/.test(currency)) return `its currency "${String(amount.currency)}" is not a currency code.`;
  return {
    day,
    externalTeam: teamOf(r),
    vendor: VENDOR,
    externalModel: typeof r.line_item === 'string' ? modelOfLineItem(r.line_item) : '',
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
