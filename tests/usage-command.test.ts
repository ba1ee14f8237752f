// `npm run usage -- import <source> <file>`: on PGlite it hands the file to the running server on loopback, signed with
// the app secret over the file's SHA-256, and imports itself when no server answers; on PostgreSQL it imports itself.
// The server here is a node:http stand-in on port 0 that checks the signature as the route does.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/usage/import/route';
import type { ImportUsageResult } from '@/db/queries/usage/import';
import { signUsageImport, USAGE_SIGNATURE_HEADER, verifyUsageImport } from '@/lib/usage/command-auth';
import { runUsageImport } from '@/lib/usage/command';

const SECRET = 'server-secret-server-secret-server-secret';
const onServer: ImportUsageResult & { message: string } = { ok: true, importId: 3, rows: 3, firstDay: '2026-11-02', lastDay: '2026-11-03', unmappedTeams: 1, unresolvedModels: 0, message: 'Imported 3 rows.' };
const here: ImportUsageResult = { ok: false, reason: 'invalid', message: 'Row 2: vendor is empty. Nothing was imported.' };
const file = path.join(__dirname, 'fixtures/usage/usage.csv');
const sha = (text: Buffer | string) => crypto.createHash('sha256').update(text).digest('hex');
let server: http.Server;
let url = '';
let closedUrl = '';
const received: { url: string; body: string }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const q = new URL(req.url ?? '', 'http://x').searchParams;
      received.push({ url: req.url ?? '', body: body.toString('utf8') });
      const ok = verifyUsageImport(SECRET, q.get('source') ?? '', q.get('name') ?? '', sha(body), req.headers[USAGE_SIGNATURE_HEADER] as string);
      res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
      res.end(JSON.stringify(ok ? onServer : { error: "Only `npm run usage` with this server's secret may import usage here." }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const spare = http.createServer();
  await new Promise<void>((r) => spare.listen(0, '127.0.0.1', r));
  closedUrl = `http://127.0.0.1:${(spare.address() as AddressInfo).port}`;
  await new Promise<void>((r) => spare.close(() => r()));
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('the signature of a usage import', () => {
  it('holds for this source, file name, content, secret and five minutes', () => {
    const now = 1_796_000_000_000;
    const sig = signUsageImport(SECRET, 'csv', 'usage.csv', sha('a'), now);
    expect(verifyUsageImport(SECRET, 'csv', 'usage.csv', sha('a'), sig, now + 60_000)).toBe(true);
    expect(verifyUsageImport(SECRET, 'csv', 'usage.csv', sha('b'), sig, now)).toBe(false);
    expect(verifyUsageImport(SECRET, 'openai', 'usage.csv', sha('a'), sig, now)).toBe(false);
    expect(verifyUsageImport(SECRET, 'csv', 'other.csv', sha('a'), sig, now)).toBe(false);
    expect(verifyUsageImport('another-secret-another-secret-another', 'csv', 'usage.csv', sha('a'), sig, now)).toBe(false);
    expect(verifyUsageImport(SECRET, 'csv', 'usage.csv', sha('a'), sig, now + 6 * 60_000)).toBe(false);
    expect(verifyUsageImport(SECRET, 'csv', 'usage.csv', sha('a'), null, now)).toBe(false);
  });

  it('is required by the route: an unsigned or forged request is refused and imports nothing', async () => {
    process.env.BETTER_AUTH_SECRET ??= 'test-secret-test-secret-test-secret-0123456789';
    const unsigned = await POST(new Request('http://localhost/api/usage/import?source=csv&name=usage.csv', { method: 'POST', body: 'x' }));
    expect(unsigned.status).toBe(401);
    const forged = await POST(
      new Request('http://localhost/api/usage/import?source=csv&name=usage.csv', { method: 'POST', body: 'x', headers: { [USAGE_SIGNATURE_HEADER]: signUsageImport('not-the-secret-not-the-secret-not', 'csv', 'usage.csv', sha('x')) } }),
    );
    expect(forged.status).toBe(401);
    expect(await forged.json()).toEqual({ error: "Only `npm run usage` with this server's secret may import usage here." });
    expect(fs.readdirSync(os.tmpdir()).filter((d) => d.startsWith('uplift-usage-'))).toEqual([]);
  });
});

describe('npm run usage -- import', () => {
  const deps = (over: Partial<Parameters<typeof runUsageImport>[2]>) => ({ kind: 'pglite' as const, serverUrl: url, secret: () => SECRET, importHere: async () => here, ...over });

  it('on PGlite sends the file to the running server, signed over its content', async () => {
    const out = await runUsageImport('csv', file, deps({ importHere: async () => { throw new Error('must not import here'); } }));
    expect(out).toEqual({ via: 'server', result: onServer });
    expect(received.at(-1)).toEqual({ url: '/api/usage/import?source=csv&name=usage.csv', body: fs.readFileSync(file, 'utf8') });
  });

  it("stops with the server's sentence when its secret differs", async () => {
    await expect(runUsageImport('csv', file, deps({ secret: () => 'wrong-secret-wrong-secret-wrong-secret' }))).rejects.toThrow("Only `npm run usage` with this server's secret may import usage here.");
  });

  it('imports itself when no server answers, and always on PostgreSQL', async () => {
    const before = received.length;
    expect(await runUsageImport('csv', file, deps({ serverUrl: closedUrl }))).toEqual({ via: 'here', result: here });
    expect(await runUsageImport('csv', file, deps({ kind: 'postgres' }))).toEqual({ via: 'here', result: here });
    expect(received.length).toBe(before);
  });
});
