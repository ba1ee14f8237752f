/**
 * Pulls a LiteLLM proxy's daily spend: GET /user/daily/activity (with an admin key: every user's activity), one
 * result per day broken down by model and, within each model, by API key with the key's team — which the LiteLLM
 * parser (lib/usage/sources/litellm.ts) turns into one row per (day, team, model). Paginated with page and
 * page_size; the answer's metadata says has_more and total_pages. Authenticated with a bearer token.
 *
 * Reference (read 2026-12-05): https://docs.litellm.ai/docs/proxy/cost_tracking#daily-spend-breakdown-api and
 * https://docs.litellm.ai/docs/proxy/metrics (last updated 2026-10-14: "/daily_metrics has been removed … served by
 * GET /user/daily/activity"; start_date and end_date YYYY-MM-DD, both included; page_size default 50, max 1000).
 */
import { parseLitellm } from '@/lib/usage/sources/litellm';
import type { UsageRecord } from '@/lib/usage/record';
import { getWithRetry, PullHttpError } from './http';
import type { PullClient } from './types';

const PAGE_SIZE = 100;
const MAX_PAGES = 1000;

export const litellmClient: PullClient = {
  firstDays: 30,
  async pull(target, window, http) {
    const records: UsageRecord[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const url = new URL(`${target.baseUrl}/user/daily/activity`);
      url.searchParams.set('start_date', window.from);
      url.searchParams.set('end_date', window.to);
      url.searchParams.set('page', String(page));
      url.searchParams.set('page_size', String(PAGE_SIZE));
      const answer = await getWithRetry(url.toString(), { authorization: `Bearer ${target.credential}`, accept: 'application/json' }, http);
      if (answer.status === 404) throw new PullHttpError(`${url.origin}${url.pathname} answered 404 Not Found: check the base URL (LiteLLM 1.65 or later serves it).`, 404);
      const parsed = parseLitellm(answer.body);
      if (!parsed.ok) throw new PullHttpError(`${url.origin}${url.pathname}: ${parsed.error}`, answer.status);
      records.push(...parsed.records);
      const meta = (JSON.parse(answer.body) as { metadata?: { has_more?: unknown; total_pages?: unknown; page?: unknown } }).metadata ?? {};
      const more = meta.has_more === true || (typeof meta.total_pages === 'number' && page < meta.total_pages);
      if (!more) return { records, completeThrough: window.to, requests: page };
    }
    throw new PullHttpError(`${target.baseUrl}/user/daily/activity kept answering has_more after ${MAX_PAGES} pages.`, null);
  },
};
