/**
 * A LiteLLM proxy's daily activity API on loopback (GET /user/daily/activity), in the documented shape (read
 * 2026-12-05: https://docs.litellm.ai/docs/proxy/cost_tracking#daily-spend-breakdown-api): {results: [{date,
 * metrics, breakdown: {models: {<model>: {metrics, metadata, api_key_breakdown: {<key hash>: {metrics, metadata:
 * {key_alias, team_id}}}}}, providers, api_keys}}], metadata: {total_spend, …, page, total_pages, has_more}}.
 * Pages `pageSize` days at a time whatever page_size is asked; checks the bearer key.
 */
import { startMock, unauthorized, type MockServer } from './server';

export type LitellmEntry = { model: string; provider: string; key: string; keyAlias: string; teamId: string | null; spend: number; prompt: number; completion: number; requests: number };

const metrics = (e: { spend: number; prompt: number; completion: number; requests: number }) => ({
  spend: e.spend,
  prompt_tokens: e.prompt,
  completion_tokens: e.completion,
  total_tokens: e.prompt + e.completion,
  api_requests: e.requests,
  successful_requests: e.requests,
  failed_requests: 0,
  cache_read_input_tokens: 0,
  cache_creation_input_tokens: 0,
});

export async function startLitellmMock(options: { key: string; days: Record<string, LitellmEntry[]>; pageSize?: number }): Promise<MockServer> {
  const pageSize = options.pageSize ?? 2;
  return startMock((req) => {
    if (req.headers.authorization !== `Bearer ${options.key}`) return unauthorized('Authentication Error, Invalid proxy server token passed.');
    if (req.path !== '/user/daily/activity') return { status: 404, body: { detail: 'Not Found' } };
    const from = req.query.get('start_date') ?? '';
    const to = req.query.get('end_date') ?? '';
    const page = Number(req.query.get('page') ?? '1');
    const days = Object.keys(options.days).filter((d) => d >= from && d <= to).sort().reverse();
    const totalPages = Math.max(1, Math.ceil(days.length / pageSize));
    const results = days.slice((page - 1) * pageSize, page * pageSize).map((date) => {
      const entries = options.days[date];
      const sum = (list: LitellmEntry[]) => metrics(list.reduce((a, e) => ({ spend: a.spend + e.spend, prompt: a.prompt + e.prompt, completion: a.completion + e.completion, requests: a.requests + e.requests }), { spend: 0, prompt: 0, completion: 0, requests: 0 }));
      const models: Record<string, unknown> = {};
      for (const model of new Set(entries.map((e) => e.model))) {
        const mine = entries.filter((e) => e.model === model);
        models[model] = {
          metrics: sum(mine),
          metadata: { custom_llm_provider: mine[0].provider },
          api_key_breakdown: Object.fromEntries(mine.map((e) => [e.key, { metrics: metrics(e), metadata: { key_alias: e.keyAlias, team_id: e.teamId } }])),
        };
      }
      return { date, metrics: sum(entries), breakdown: { models, providers: {}, api_keys: {} } };
    });
    return {
      status: 200,
      body: { results, metadata: { total_spend: 0, total_prompt_tokens: 0, total_completion_tokens: 0, total_api_requests: 0, page, total_pages: totalPages, has_more: page < totalPages } },
    };
  });
}
