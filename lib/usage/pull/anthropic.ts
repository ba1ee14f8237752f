/**
 * Pulls Anthropic's Admin API: the messages usage report (grouped by workspace_id and model) and the cost report
 * (grouped by workspace_id and description, which fills in the model), one-day buckets, following
 * has_more/next_page. Authenticated with an Admin API key in x-api-key, with anthropic-version.
 *
 * Reference (read 2026-12-05): https://platform.claude.com/docs/en/api/admin/usage_report/retrieve_messages and
 * https://platform.claude.com/docs/en/api/admin/cost_report — starting_at / ending_at (RFC 3339; buckets that
 * start on or after / end before), bucket_width=1d, group_by[] (repeated), limit (1d buckets: at most 31),
 * page = the previous page's next_page; cost amounts are decimal strings in cents. The beta pages of the same
 * reference call these endpoints "legacy" next to a newer analytics API; they are still the documented Admin API.
 */
import { parseAnthropic } from '@/lib/usage/sources/anthropic';
import { readPages } from './paged';
import type { PullClient } from './types';
import { addDays } from './window';

export const ANTHROPIC_VERSION = '2023-06-01';

export const anthropicClient: PullClient = {
  firstDays: 30,
  async pull(target, window, http) {
    const headers = { 'x-api-key': target.credential, 'anthropic-version': ANTHROPIC_VERSION };
    const range = (path: string, groupBy: string[]) => {
      const url = new URL(`${target.baseUrl}${path}`);
      url.searchParams.set('starting_at', `${window.from}T00:00:00Z`);
      url.searchParams.set('ending_at', `${addDays(window.to, 1)}T00:00:00Z`);
      url.searchParams.set('bucket_width', '1d');
      for (const g of groupBy) url.searchParams.append('group_by[]', g);
      url.searchParams.set('limit', '31');
      return url;
    };
    const usage = await readPages(range('/v1/organizations/usage_report/messages', ['workspace_id', 'model']), headers, parseAnthropic, http);
    const costs = await readPages(range('/v1/organizations/cost_report', ['workspace_id', 'description']), headers, parseAnthropic, http);
    return { records: [...usage.records, ...costs.records], completeThrough: window.to, requests: usage.requests + costs.requests };
  },
};
