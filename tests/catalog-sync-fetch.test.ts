// The fetch path of the catalog sync against an HTTP server this test starts on loopback (never the internet):
// the configured URLs are read, a missing file, a cut-off download and an oversized answer give one sentence.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { getSync } from '@/db/queries/models/catalog-sync';
import { catalogSyncs } from '@/db/schema';
import { readCsvFolder } from '@/db/seed/reference-csv';
import { DEFAULT_URLS, fetchSource, sourceUrl } from '@/lib/catalog/sync/fetch-source';
import { catalogSyncJob, syncFromUrl } from '@/lib/catalog-sync/service';
import { describeEachDb } from './helpers/db';

const SAMPLE = fs.readFileSync(path.join(process.cwd(), 'tests', 'fixtures', 'models-dev', 'api.sample.json'));
const ZIP = zipSync(Object.fromEntries(Object.entries(readCsvFolder()).map(([n, t]) => [n, strToU8(t)])));
let server: http.Server;
let base = '';
const hits: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits.push(req.url!);
    if (req.url === '/api.json') return res.end(SAMPLE);
    if (req.url === '/benchmark_data.zip') return res.end(ZIP);
    if (req.url === '/huge.json') {
      res.writeHead(200, { 'content-length': String(60_000_000) });
      return res.end();
    }
    if (req.url === '/endless.json') {
      // No length given: the reader must stop at the limit by counting.
      res.writeHead(200);
      const chunk = Buffer.alloc(1_000_000, 32);
      const write = () => {
        while (res.write(chunk)) if (res.writableLength > 0 && res.destroyed) return;
        res.once('drain', write);
      };
      res.on('close', () => res.removeAllListeners('drain'));
      return write();
    }
    if (req.url === '/cut.json') {
      res.writeHead(200, { 'content-length': String(SAMPLE.length) });
      res.write(SAMPLE.subarray(0, 1000));
      return res.destroy();
    }
    res.writeHead(404).end('not here');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('fetching a catalog source', () => {
  it('uses the configured URLs, else the public ones', () => {
    expect(sourceUrl('models.dev', { UPLIFT_CATALOG_MODELS_URL: `${base}/api.json` })).toBe(`${base}/api.json`);
    expect(sourceUrl('epoch', {})).toBe('https://epoch.ai/data/benchmark_data.zip');
    expect(DEFAULT_URLS['models.dev']).toBe('https://models.dev/api.json');
  });

  it('gives one sentence for a missing file, an oversized or endless answer and a cut-off download', async () => {
    expect(await fetchSource('models.dev', `${base}/missing.json`)).toEqual({ ok: false, error: `Could not download ${base}/missing.json: the server answered 404 Not Found.` });
    const tooBig = "huge.json is larger than 50 MB, far more than models.dev's catalogue; nothing was changed.";
    expect(await fetchSource('models.dev', `${base}/huge.json`)).toEqual({ ok: false, error: tooBig });
    expect(await fetchSource('models.dev', `${base}/endless.json`)).toEqual({ ok: false, error: tooBig.replace('huge.json', 'endless.json') });
    const cut = await fetchSource('models.dev', `${base}/cut.json`);
    // Whether the break comes before or after the headers is up to the network: one sentence either way.
    expect(cut.ok ? '' : cut.error).toMatch(new RegExp(`^(Could not download ${base}/cut.json: .+\\.|The download of ${base}/cut.json broke off \\(.+\\); nothing was changed\\.)$`));
  });
});

describeEachDb('the scheduled catalog sync', (ctx) => {
  const env = () => ({ UPLIFT_CATALOG_MODELS_URL: `${base}/api.json`, UPLIFT_CATALOG_EPOCH_URL: `${base}/benchmark_data.zip` });

  it('fetches both sources and leaves a diff for review', async () => {
    const r = await syncFromUrl(ctx.db, 'models.dev', null, env());
    expect(r).toMatchObject({ ok: true, empty: false });
    const sync = (await getSync(ctx.db, r.ok ? r.id : -1))!;
    expect(sync).toMatchObject({ source: 'models.dev', origin: 'fetch', fileName: 'api.json', status: 'pending', createdBy: 'scheduled sync' });
    expect(sync.plan.newModels.map((m) => m.slug)).toEqual(['deepseek-chat', 'deepseek-reasoner', 'gpt-5.4-nano', 'gpt-5.5-pro']);
    const summary = await catalogSyncJob(ctx.db, env());
    expect(summary).toMatch(/^models\.dev: diff #\d+ waits for review; epoch: no changes$/);
    // The Epoch file changed nothing: its sync does not wait for review.
    const [epoch] = await ctx.db.select().from(catalogSyncs).where(eq(catalogSyncs.source, 'epoch')).orderBy(desc(catalogSyncs.id)).limit(1);
    expect(epoch).toMatchObject({ status: 'discarded', decidedBy: null });
    // The first models.dev diff was superseded by the job's: one scheduled diff per source waits for review.
    expect(await getSync(ctx.db, r.ok ? r.id : -1)).toMatchObject({ status: 'discarded', decidedBy: expect.stringMatching(/^superseded by sync \d+$/) });
    const pending = await ctx.db.select({ id: catalogSyncs.id }).from(catalogSyncs).where(and(eq(catalogSyncs.status, 'pending'), eq(catalogSyncs.source, 'models.dev')));
    expect(pending).toHaveLength(1);
  });

  it('fails the job with the reason when a source cannot be read', async () => {
    await expect(catalogSyncJob(ctx.db, { ...env(), UPLIFT_CATALOG_EPOCH_URL: `${base}/gone.zip` })).rejects.toThrow(
      new RegExp(`^epoch: Could not download ${base}/gone.zip: the server answered 404 Not Found\\. models\\.dev: diff #\\d+ waits for review$`),
    );
  });
});
