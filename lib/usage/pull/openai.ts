/**
 * Pulls OpenAI's organization Usage API (completions, grouped by project_id and model) and Costs API (grouped
 * by project_id and line_item, whose text names the model), one-day buckets, following has_more/next_page.
 * Authenticated with an Admin API key as a bearer token.
 *
 * Reference (read 2026-12-05): https://platform.openai.com/docs/api-reference/usage/completions and
 * https://platform.openai.com/docs/api-reference/usage/costs — start_time (Unix seconds, inclusive), end_time
 * (exclusive), bucket_width=1d, group_by (repeated), limit (buckets per page: at most 31 for 1d usage buckets,
 * 180 for costs), page = the previous page's next_page. Also the cookbook's "How to use the Usage API and Cost
 * API" (https://cookbook.openai.com/examples/completions_usage_api, 2025-01-14), which sends group_by repeated.
 */
import { parseOpenAi } from '@/lib/usage/sources/openai';
import { readPages } from './paged';
import type { PullClient } from './types';
import { addDays, startOf } from './window';

const unix = (day: string) => String(Math.floor(startOf(day).getTime() / 1000));

export const openAiClient: PullClient = {
  firstDays: 30,
  async pull(target, window, http) {
    const headers = { authorization: `Bearer ${target.credential}` };
    const range = (path: string, groupBy: string[], limit: number) => {
      const url = new URL(`${target.baseUrl}${path}`);
      url.searchParams.set('start_time', unix(window.from));
      url.searchParams.set('end_time', unix(addDays(window.to, 1)));
      url.searchParams.set('bucket_width', '1d');
      for (const g of groupBy) url.searchParams.append('group_by', g);
      url.searchParams.set('limit', String(limit));
      return url;
    };
    const usage = await readPages(range('/v1/organization/usage/completions', ['project_id', 'model'], 31), headers, parseOpenAi, http);
    const costs = await readPages(range('/v1/organization/costs', ['project_id', 'line_item'], 180), headers, parseOpenAi, http);
    return { records: [...usage.records, ...costs.records], completeThrough: window.to, requests: usage.requests + costs.requests };
  },
};
