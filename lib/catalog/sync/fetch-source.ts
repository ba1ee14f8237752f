/**
 * Downloading a catalog source from its configured URL, bounded in size and time, so a wrong URL or a
 * runaway response gives one sentence instead of filling memory.
 */
import { MAX_SOURCE_BYTES, tooLarge, type SyncSourceKind } from './read-source';

export const DEFAULT_URLS: Record<SyncSourceKind, string> = {
  'models.dev': 'https://models.dev/api.json',
  epoch: 'https://epoch.ai/data/benchmark_data.zip',
};

export function sourceUrl(kind: SyncSourceKind, env: Record<string, string | undefined> = process.env): string {
  const configured = (kind === 'models.dev' ? env.UPLIFT_CATALOG_MODELS_URL : env.UPLIFT_CATALOG_EPOCH_URL)?.trim();
  return configured || DEFAULT_URLS[kind];
}

export type FetchResult = { ok: true; bytes: Uint8Array; fileName: string } | { ok: false; error: string };

export async function fetchSource(kind: SyncSourceKind, url: string, timeoutMs = 60_000): Promise<FetchResult> {
  const limit = MAX_SOURCE_BYTES[kind];
  const fileName = new URL(url).pathname.split('/').pop() || url;
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  } catch (e) {
    return { ok: false, error: `Could not download ${url}: ${e instanceof Error && e.cause instanceof Error ? e.cause.message : String(e)}.` };
  }
  if (!response.ok) return { ok: false, error: `Could not download ${url}: the server answered ${response.status} ${response.statusText}.` };
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > limit) {
    await response.body?.cancel();
    return { ok: false, error: tooLarge(kind, fileName) };
  }
  const parts: Uint8Array[] = [];
  let total = 0;
  try {
    const reader = response.body!.getReader();
    for (;;) {
      const { done, value: chunk } = await reader.read();
      if (done) break;
      total += chunk.length;
      if (total > limit) await reader.cancel();
      if (total > limit) return { ok: false, error: tooLarge(kind, fileName) };
      parts.push(chunk);
    }
  } catch (e) {
    return { ok: false, error: `The download of ${url} broke off (${e instanceof Error ? e.message : String(e)}); nothing was changed.` };
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  return { ok: true, bytes, fileName };
}
