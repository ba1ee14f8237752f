// `npm run jobs -- <name>`: on PGlite it asks the running server on loopback, signed with the app secret, and runs
// the job itself when no server answers; on PostgreSQL it runs the job itself. The server here is a node:http
// stand-in on port 0 that checks the signature as the route does.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signJobRequest, SIGNATURE_HEADER, verifyJobRequest } from '@/lib/jobs/command-auth';
import { describeOutcome, runCommand } from '@/lib/jobs/command';
import type { RunResult } from '@/lib/jobs/runner';
import { POST } from '@/app/api/jobs/run/route';

const SECRET = 'server-secret-server-secret-server-secret';
const ranOnServer: RunResult = { ran: true, outcome: 'succeeded', summary: 'models.dev: no changes; epoch: no changes', error: null, runId: 7 };
const ranHere: RunResult = { ran: true, outcome: 'failed', summary: null, error: 'Could not download', runId: 8 };
let server: http.Server;
let url = '';
let closedUrl = '';
const received: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const job = (JSON.parse(body) as { job: string }).job;
      received.push(job);
      const ok = req.url === '/api/jobs/run' && verifyJobRequest(SECRET, job, req.headers[SIGNATURE_HEADER] as string);
      res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
      res.end(JSON.stringify(ok ? ranOnServer : { error: "Only `npm run jobs` with this server's secret may run jobs." }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A port nobody listens on: open one and close it again.
  const spare = http.createServer();
  await new Promise<void>((r) => spare.listen(0, '127.0.0.1', r));
  closedUrl = `http://127.0.0.1:${(spare.address() as AddressInfo).port}`;
  await new Promise<void>((r) => spare.close(() => r()));
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('the signature of a job request', () => {
  it('holds for this job, this secret and five minutes', () => {
    const now = 1_796_000_000_000;
    const sig = signJobRequest(SECRET, 'catalog-sync', now);
    expect(verifyJobRequest(SECRET, 'catalog-sync', sig, now + 60_000)).toBe(true);
    expect(verifyJobRequest('another-secret-another-secret-another', 'catalog-sync', sig, now)).toBe(false);
    expect(verifyJobRequest(SECRET, 'digest', sig, now)).toBe(false);
    expect(verifyJobRequest(SECRET, 'catalog-sync', sig, now + 6 * 60_000)).toBe(false);
    expect(verifyJobRequest(SECRET, 'catalog-sync', null, now)).toBe(false);
    expect(verifyJobRequest(SECRET, 'catalog-sync', 'x.y', now)).toBe(false);
  });

  it('is required by the route: a request without it is refused before any job runs', async () => {
    process.env.BETTER_AUTH_SECRET ??= 'test-secret-test-secret-test-secret-0123456789';
    const res = await POST(new Request('http://localhost/api/jobs/run', { method: 'POST', body: JSON.stringify({ job: 'catalog-sync' }) }));
    expect(res.status).toBe(401);
    const forged = await POST(new Request('http://localhost/api/jobs/run', { method: 'POST', body: JSON.stringify({ job: 'catalog-sync' }), headers: { [SIGNATURE_HEADER]: signJobRequest('not-the-secret-not-the-secret-not', 'catalog-sync') } }));
    expect(forged.status).toBe(401);
  });
});

describe('npm run jobs', () => {
  const deps = (over: Partial<Parameters<typeof runCommand>[1]>) => ({ kind: 'pglite' as const, serverUrl: url, secret: () => SECRET, runHere: async () => ranHere, ...over });

  it('on PGlite asks the running server, signed', async () => {
    const out = await runCommand('catalog-sync', deps({ runHere: async () => { throw new Error('must not run here'); } }));
    expect(out).toEqual({ via: 'server', result: ranOnServer });
    expect(received.at(-1)).toBe('catalog-sync');
    expect(describeOutcome('catalog-sync', out)).toEqual({ line: 'catalog-sync succeeded (run by the server): models.dev: no changes; epoch: no changes', code: 0 });
  });

  it('stops with the server\'s sentence when its secret differs', async () => {
    await expect(runCommand('catalog-sync', deps({ secret: () => 'wrong-secret-wrong-secret-wrong-secret' }))).rejects.toThrow("Only `npm run jobs` with this server's secret may run jobs.");
  });

  it('runs the job itself when no server answers, and always on PostgreSQL', async () => {
    const before = received.length;
    expect(await runCommand('catalog-sync', deps({ serverUrl: closedUrl }))).toEqual({ via: 'here', result: ranHere });
    expect(await runCommand('catalog-sync', deps({ kind: 'postgres' }))).toEqual({ via: 'here', result: ranHere });
    expect(received.length).toBe(before);
    expect(describeOutcome('catalog-sync', { via: 'here', result: ranHere })).toEqual({ line: 'catalog-sync failed: Could not download', code: 1 });
  });
});
