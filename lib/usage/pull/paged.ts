/**
 * Cursor pagination as OpenAI's and Anthropic's usage APIs document it: each page says `has_more` and gives a
 * `next_page` cursor, sent back as `page=` for the next one. Every page's text goes to the source's parser
 * (lib/usage/sources/), so a pulled page and an uploaded page are read by the same code.
 */
import type { UsageRecord } from '@/lib/usage/record';
import type { ParseResult } from '@/lib/usage/sources/common';
import { getWithRetry, PullHttpError, type HttpOptions } from './http';

/** More pages than this for one window means a cursor that never ends. */
const MAX_PAGES = 1000;

export async function readPages(
  firstUrl: URL,
  headers: Record<string, string>,
  parse: (text: string) => ParseResult,
  http: HttpOptions,
): Promise<{ records: UsageRecord[]; requests: number }> {
  const records: UsageRecord[] = [];
  let requests = 0;
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const url = new URL(firstUrl);
    if (cursor) url.searchParams.set('page', cursor);
    const answer = await getWithRetry(url.toString(), { accept: 'application/json', ...headers }, http);
    requests++;
    if (answer.status === 404) throw new PullHttpError(`${url.origin}${url.pathname} answered 404 Not Found: check the base URL.`, 404);
    const parsed = parse(answer.body);
    if (!parsed.ok) throw new PullHttpError(`${url.origin}${url.pathname}: ${parsed.error}`, answer.status);
    records.push(...parsed.records);
    const body = JSON.parse(answer.body) as { has_more?: unknown; next_page?: unknown };
    if (body.has_more !== true) return { records, requests };
    if (typeof body.next_page !== 'string' || !body.next_page || body.next_page === cursor)
      throw new PullHttpError(`${url.origin}${url.pathname} said it has more pages but gave no new next_page cursor.`, answer.status);
    cursor = body.next_page;
  }
  throw new PullHttpError(`${firstUrl.origin}${firstUrl.pathname} kept answering has_more after ${MAX_PAGES} pages.`, null);
}
