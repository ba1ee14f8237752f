/**
 * OpenAI's organization Usage and Costs APIs on loopback, in the documented shapes (read 2026-12-05:
 * https://platform.openai.com/docs/api-reference/usage/completions, …/usage/costs): a page object
 * {object: "page", data: [buckets], has_more, next_page}, each one-day bucket {object: "bucket", start_time,
 * end_time, results}, usage results "organization.usage.completions.result" grouped by project_id and model, cost
 * results "organization.costs.result" with amount {value, currency: "usd"} grouped by project_id and line_item.
 * It pages `pageSize` buckets at a time whatever limit is asked (the API may answer fewer than the limit) and
 * checks the Admin key sent as a bearer token.
 */
import { pageOf, startMock, unauthorized, type MockServer } from './server';

export type OpenAiDay = {
  usage: { project_id: string | null; model: string | null; input_tokens: number; output_tokens: number; input_cached_tokens: number; num_model_requests: number }[];
  costs: { project_id: string | null; line_item: string | null; value: number }[];
};

const DAY = 86_400;
const dayOfUnix = (s: number) => new Date(s * 1000).toISOString().slice(0, 10);

export async function startOpenAiMock(options: { key: string; days: Record<string, OpenAiDay>; pageSize?: number }): Promise<MockServer> {
  const pageSize = options.pageSize ?? 2;
  return startMock((req) => {
    if (req.headers.authorization !== `Bearer ${options.key}`) return unauthorized('Incorrect API key provided.');
    const kind = req.path === '/v1/organization/usage/completions' ? 'usage' : req.path === '/v1/organization/costs' ? 'costs' : null;
    if (!kind) return { status: 404, body: { error: { message: `Unknown path ${req.path}` } } };
    const start = Number(req.query.get('start_time'));
    const end = req.query.get('end_time') ? Number(req.query.get('end_time')) : start + 7 * DAY;
    if (!Number.isInteger(start) || req.query.get('bucket_width') !== '1d') return { status: 400, body: { error: { message: 'start_time and bucket_width=1d expected' } } };
    const buckets = [];
    for (let t = start; t < end; t += DAY) {
      const day = options.days[dayOfUnix(t)];
      const results =
        kind === 'usage'
          ? (day?.usage ?? []).map((u) => ({ object: 'organization.usage.completions.result', ...u, input_audio_tokens: 0, output_audio_tokens: 0, user_id: null, api_key_id: null, batch: null }))
          : (day?.costs ?? []).map((c) => ({ object: 'organization.costs.result', amount: { value: c.value, currency: 'usd' }, line_item: c.line_item, project_id: c.project_id }));
      buckets.push({ object: 'bucket', start_time: t, end_time: t + DAY, results });
    }
    const { slice, next } = pageOf(buckets, pageSize, req.query.get('page'));
    return { status: 200, body: { object: 'page', data: slice, has_more: next !== null, next_page: next } };
  });
}
