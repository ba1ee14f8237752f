/**
 * Anthropic's Admin API usage and cost reports on loopback, in the documented shapes (read 2026-12-05:
 * https://platform.claude.com/docs/en/api/admin/usage_report/retrieve_messages, …/admin/cost_report):
 * {data: [{starting_at, ending_at, results}], has_more, next_page}; usage results with uncached_input_tokens,
 * cache_creation {ephemeral_1h_input_tokens, ephemeral_5m_input_tokens}, cache_read_input_tokens, output_tokens,
 * server_tool_use, grouped by workspace_id and model; cost results with amount (a decimal string in cents),
 * currency "USD", description, model, cost_type, token_type. Pages `pageSize` buckets at a time; checks x-api-key
 * and anthropic-version.
 */
import { pageOf, startMock, unauthorized, type MockServer } from './server';

export type AnthropicDay = {
  usage: { workspace_id: string | null; model: string | null; uncached_input_tokens: number; cache_read_input_tokens: number; cache_5m: number; cache_1h: number; output_tokens: number }[];
  costs: { workspace_id: string | null; model: string | null; amount: string; token_type: string }[];
};

const addDay = (iso: string) => new Date(Date.parse(iso) + 86_400_000).toISOString().replace('.000Z', 'Z');

export async function startAnthropicMock(options: { key: string; days: Record<string, AnthropicDay>; pageSize?: number }): Promise<MockServer> {
  const pageSize = options.pageSize ?? 2;
  return startMock((req) => {
    if (req.headers['x-api-key'] !== options.key) return unauthorized('invalid x-api-key');
    if (req.headers['anthropic-version'] !== '2023-06-01') return { status: 400, body: { type: 'error', error: { type: 'invalid_request_error', message: 'anthropic-version header is required' } } };
    const kind = req.path === '/v1/organizations/usage_report/messages' ? 'usage' : req.path === '/v1/organizations/cost_report' ? 'costs' : null;
    if (!kind) return { status: 404, body: { type: 'error', error: { type: 'not_found_error', message: req.path } } };
    const startingAt = req.query.get('starting_at');
    const endingAt = req.query.get('ending_at');
    if (!startingAt || !endingAt) return { status: 400, body: { type: 'error', error: { type: 'invalid_request_error', message: 'starting_at and ending_at expected' } } };
    const buckets = [];
    for (let at = new Date(startingAt).toISOString().replace('.000Z', 'Z'); Date.parse(at) < Date.parse(endingAt); at = addDay(at)) {
      const day = options.days[at.slice(0, 10)];
      const results =
        kind === 'usage'
          ? (day?.usage ?? []).map((u) => ({
              uncached_input_tokens: u.uncached_input_tokens,
              cache_creation: { ephemeral_1h_input_tokens: u.cache_1h, ephemeral_5m_input_tokens: u.cache_5m },
              cache_read_input_tokens: u.cache_read_input_tokens,
              output_tokens: u.output_tokens,
              server_tool_use: { web_search_requests: 0 },
              api_key_id: null,
              workspace_id: u.workspace_id,
              model: u.model,
              service_tier: null,
              context_window: null,
            }))
          : (day?.costs ?? []).map((c) => ({
              currency: 'USD',
              amount: c.amount,
              workspace_id: c.workspace_id,
              description: c.model ? `${c.model} ${c.token_type}` : null,
              cost_type: 'tokens',
              context_window: '0-200k',
              model: c.model,
              service_tier: 'standard',
              token_type: c.token_type,
            }));
      buckets.push({ starting_at: at, ending_at: addDay(at), results });
    }
    const { slice, next } = pageOf(buckets, pageSize, req.query.get('page'));
    return { status: 200, body: { data: slice, has_more: next !== null, next_page: next } };
  });
}
