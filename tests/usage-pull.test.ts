// Pulling each vendor's usage API from a local mock in its documented shapes (tests/helpers/usage-mocks/): the
// rows imported (exact values), pagination, a 429 and a 503 on the way, resuming after the last complete day,
// pulling twice without counting twice, an error kept per connection while the others import, and the
// credential sealed at rest. Both databases.
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createConnection, getConnection } from '@/db/queries/usage/connections';
import { written } from '@/db/queries/write-result';
import { auditLog, usageConnections, usageDaily } from '@/db/schema';
import type { PullSource } from '@/db/schema/usage';
import type { Db } from '@/db/types';
import { openSecret, sealSecret, SecretUnreadableError } from '@/lib/security/secrets';
import { getJob } from '@/lib/jobs/registry';
import { runJob } from '@/lib/jobs/runner';
import { credentialPurpose, pullConnection, usagePullJob, type PullDeps } from '@/lib/usage/pull/service';
import { pullWindow } from '@/lib/usage/pull/window';
import { describeEachDb } from './helpers/db';
import { startAnthropicMock, type AnthropicDay } from './helpers/usage-mocks/anthropic';
import { startCopilotMock, type CopilotDay } from './helpers/usage-mocks/copilot';
import { startLitellmMock, type LitellmEntry } from './helpers/usage-mocks/litellm';
import { startOpenAiMock, type OpenAiDay } from './helpers/usage-mocks/openai';
import type { MockServer } from './helpers/usage-mocks/server';

const APP_SECRET = 'an-app-secret-for-the-usage-pull-tests-0123456789';
const NOW = new Date('2026-12-05T06:00:00Z'); // yesterday: 2026-12-04
const KEY = 'sk-admin-test-0123456789abcdef';

const openAiDays: Record<string, OpenAiDay> = {
  '2026-12-03': {
    usage: [
      { project_id: 'proj_a', model: 'gpt-4o-2024-08-06', input_tokens: 1000, output_tokens: 500, input_cached_tokens: 200, num_model_requests: 5 },
      { project_id: 'proj_a', model: 'gpt-4o-mini', input_tokens: 300, output_tokens: 100, input_cached_tokens: 0, num_model_requests: 2 },
      { project_id: 'proj_b', model: 'gpt-4o-2024-08-06', input_tokens: 50, output_tokens: 25, input_cached_tokens: 0, num_model_requests: 1 },
    ],
    costs: [
      { project_id: 'proj_a', line_item: 'gpt-4o-2024-08-06, input', value: 0.0025 },
      { project_id: 'proj_a', line_item: 'gpt-4o-2024-08-06, output', value: 0.005 },
      { project_id: 'proj_b', line_item: 'gpt-4o-2024-08-06, input', value: 0.000125 },
    ],
  },
  '2026-11-10': {
    usage: [{ project_id: 'proj_a', model: 'gpt-4o-mini', input_tokens: 7, output_tokens: 3, input_cached_tokens: 0, num_model_requests: 1 }],
    costs: [{ project_id: 'proj_a', line_item: 'gpt-4o-mini, input', value: 0.000001 }],
  },
};

const anthropicDays: Record<string, AnthropicDay> = {
  '2026-12-04': {
    usage: [
      { workspace_id: 'wrkspc_a', model: 'claude-sonnet-4-20250514', uncached_input_tokens: 1200, cache_read_input_tokens: 300, cache_5m: 40, cache_1h: 10, output_tokens: 800 },
      { workspace_id: null, model: 'claude-3-5-haiku-20241022', uncached_input_tokens: 90, cache_read_input_tokens: 0, cache_5m: 0, cache_1h: 0, output_tokens: 45 },
    ],
    costs: [
      { workspace_id: 'wrkspc_a', model: 'claude-sonnet-4-20250514', amount: '0.36', token_type: 'uncached_input_tokens' },
      { workspace_id: 'wrkspc_a', model: 'claude-sonnet-4-20250514', amount: '1.2', token_type: 'output_tokens' },
      { workspace_id: null, model: 'claude-3-5-haiku-20241022', amount: '0.0252', token_type: 'output_tokens' },
    ],
  },
};

const litellmDays: Record<string, LitellmEntry[]> = {
  '2026-12-02': [{ model: 'gpt-4o-mini', provider: 'openai', key: 'hash1', keyAlias: 'ci-bot', teamId: 'team-platform', spend: 0.0012, prompt: 400, completion: 100, requests: 4 }],
  '2026-12-04': [
    { model: 'gpt-4o-mini', provider: 'openai', key: 'hash1', keyAlias: 'ci-bot', teamId: 'team-platform', spend: 0.0003, prompt: 100, completion: 20, requests: 1 },
    { model: 'claude-sonnet-4', provider: 'anthropic', key: 'hash2', keyAlias: 'alice', teamId: null, spend: 0.05, prompt: 2000, completion: 1000, requests: 3 },
  ],
};

const copilotDays: Record<string, CopilotDay> = {
  '2026-12-03': {
    org: { daily_active_users: 3, weekly_active_users: 5, monthly_active_users: 8, user_initiated_interaction_count: 40, code_generation_activity_count: 30, code_acceptance_activity_count: 12, loc_added_sum: 100, totals_by_ide: [{ ide: 'vscode', user_initiated_interaction_count: 40 }] },
    users: [
      { user_id: 1001, user_login: 'alice', user_initiated_interaction_count: 25, code_generation_activity_count: 20, code_acceptance_activity_count: 8 },
      { user_id: 1002, user_login: 'bob', user_initiated_interaction_count: 15, code_generation_activity_count: 10, code_acceptance_activity_count: 4 },
      { user_id: 1003, user_login: 'carol', user_initiated_interaction_count: 0, code_generation_activity_count: 0, code_acceptance_activity_count: 0 },
    ],
    teams: [
      { user_id: 1001, user_login: 'alice', team_id: 42, slug: 'frontend' },
      { user_id: 1001, user_login: 'alice', team_id: 43, slug: 'backend' },
      { user_id: 1002, user_login: 'bob', team_id: 42, slug: 'frontend' },
      { user_id: 1003, user_login: 'carol', team_id: 43, slug: 'backend' },
    ],
  },
  '2026-12-04': {
    org: { daily_active_users: 1, user_initiated_interaction_count: 4, code_generation_activity_count: 2, code_acceptance_activity_count: 1 },
    users: [{ user_id: 1002, user_login: 'bob', user_initiated_interaction_count: 4, code_generation_activity_count: 2, code_acceptance_activity_count: 1 }],
    teams: [{ user_id: 1002, user_login: 'bob', team_id: 42, slug: 'frontend' }],
  },
};

type Row = { day: string; team: string; model: string; requests: number; input: number; output: number; cost: number; active: number | null };

async function rowsOf(db: Db, connectionId: number): Promise<Row[]> {
  const rows = await db
    .select()
    .from(usageDaily)
    .where(eq(usageDaily.connectionId, connectionId))
    .orderBy(asc(usageDaily.day), asc(usageDaily.externalTeam), asc(usageDaily.externalModel));
  return rows.map((r) => ({ day: r.day, team: r.externalTeam, model: r.externalModel, requests: r.requests, input: r.inputTokens, output: r.outputTokens, cost: r.costMicros, active: r.activeUsers }));
}

describeEachDb('usage pull from the vendor APIs', (ctx) => {
  const mocks: MockServer[] = [];
  let waits: number[] = [];
  const deps = (now = NOW): PullDeps => ({ now, appSecret: APP_SECRET, http: { sleep: async (ms) => void waits.push(ms), backoffMs: 100 } });
  let openai: MockServer;
  let anthropic: MockServer;
  let litellm: MockServer;
  let copilot: MockServer;

  beforeAll(async () => {
    openai = await startOpenAiMock({ key: KEY, days: openAiDays, pageSize: 10 });
    anthropic = await startAnthropicMock({ key: KEY, days: anthropicDays, pageSize: 10 });
    litellm = await startLitellmMock({ key: KEY, days: litellmDays, pageSize: 1 });
    copilot = await startCopilotMock({ token: KEY, org: 'octo-org', days: copilotDays, processedThrough: '2026-12-03' });
    mocks.push(openai, anthropic, litellm, copilot);
  });
  afterAll(async () => {
    await Promise.all(mocks.map((m) => m.close()));
  });
  beforeEach(() => {
    waits = [];
    for (const m of mocks) m.requests.length = 0;
  });

  let seq = 0;
  const connect = async (source: PullSource, baseUrl: string, credential = KEY, organization = '') =>
    written(await createConnection(ctx.db, null, { source, name: `${source} ${++seq}`, baseUrl, organization, sealedCredential: sealSecret(credential, credentialPurpose(source), APP_SECRET) })).connection.id;

  it('OpenAI: usage and costs by project and model, through pages, a 429 and a 503', async () => {
    const id = await connect('openai', openai.origin);
    openai.faults.push({ path: '/v1/organization/usage/completions', status: 429, retryAfter: '2' }, { path: '/v1/organization/costs', status: 503 });
    const report = await pullConnection(ctx.db, id, null, deps());
    expect(report).toMatchObject({ error: null, completeThrough: '2026-12-04', rows: 4, days: { from: '2026-11-05', to: '2026-12-04' } });
    expect(await rowsOf(ctx.db, id)).toEqual([
      { day: '2026-11-10', team: 'proj_a', model: 'gpt-4o-mini', requests: 1, input: 7, output: 3, cost: 1, active: null },
      { day: '2026-12-03', team: 'proj_a', model: 'gpt-4o-2024-08-06', requests: 5, input: 1000, output: 500, cost: 7500, active: null },
      { day: '2026-12-03', team: 'proj_a', model: 'gpt-4o-mini', requests: 2, input: 300, output: 100, cost: 0, active: null },
      { day: '2026-12-03', team: 'proj_b', model: 'gpt-4o-2024-08-06', requests: 1, input: 50, output: 25, cost: 125, active: null },
    ]);
    // 30 one-day buckets, 10 a page: 3 pages each, plus the 429 and the 503 answered first.
    const usage = openai.requests.filter((r) => r.path === '/v1/organization/usage/completions');
    expect(usage.map((r) => r.query.get('page'))).toEqual([null, null, 'MTA', 'MjA']);
    expect(usage[0].query.getAll('group_by')).toEqual(['project_id', 'model']);
    expect(usage[0].query.get('start_time')).toBe(String(Date.parse('2026-11-05T00:00:00Z') / 1000));
    expect(usage[0].query.get('end_time')).toBe(String(Date.parse('2026-12-05T00:00:00Z') / 1000));
    expect(openai.requests.filter((r) => r.path === '/v1/organization/costs')[0].query.getAll('group_by')).toEqual(['project_id', 'line_item']);
    expect(openai.requests).toHaveLength(8);
    // Retry-After: 2 honoured; the 503 waited the first backoff step.
    expect(waits).toEqual([2000, 100]);
    expect((await getConnection(ctx.db, id))?.lastImportedDate).toBe('2026-12-04');
  });

  it('OpenAI: resumes the day after the last complete day, and pulling twice counts nothing twice', async () => {
    const id = await connect('openai', openai.origin);
    await pullConnection(ctx.db, id, null, deps());
    const first = await rowsOf(ctx.db, id);
    openai.requests.length = 0;
    // The next morning: only 2026-12-05 is new.
    const next = await pullConnection(ctx.db, id, null, deps(new Date('2026-12-06T03:00:00Z')));
    expect(next).toMatchObject({ days: { from: '2026-12-05', to: '2026-12-05' }, completeThrough: '2026-12-05', rows: 0, error: null });
    expect(openai.requests.map((r) => r.query.get('start_time'))).toEqual([String(Date.parse('2026-12-05T00:00:00Z') / 1000), String(Date.parse('2026-12-05T00:00:00Z') / 1000)]);
    // Same day again: up to date, nothing asked.
    openai.requests.length = 0;
    expect(await pullConnection(ctx.db, id, null, deps(new Date('2026-12-06T09:00:00Z')))).toMatchObject({ days: null, rows: 0, error: null });
    expect(openai.requests).toHaveLength(0);
    // Pulled again from scratch (the admin cleared the resume point): the same rows, replaced, not added.
    await ctx.db.update(usageConnections).set({ lastImportedDate: null }).where(eq(usageConnections.id, id));
    await pullConnection(ctx.db, id, null, deps());
    expect(await rowsOf(ctx.db, id)).toEqual(first);
    expect((await getConnection(ctx.db, id))?.lastImportedDate).toBe('2026-12-04');
  });

  it('Anthropic: usage and cost reports by workspace and model, with x-api-key and anthropic-version', async () => {
    const id = await connect('anthropic', anthropic.origin);
    anthropic.faults.push({ path: '/v1/organizations/cost_report', status: 429, retryAfter: '1' }, { path: '/v1/organizations/cost_report', status: 502 });
    const report = await pullConnection(ctx.db, id, null, deps());
    expect(report).toMatchObject({ error: null, completeThrough: '2026-12-04', rows: 2 });
    expect(await rowsOf(ctx.db, id)).toEqual([
      { day: '2026-12-04', team: '', model: 'claude-3-5-haiku-20241022', requests: 0, input: 90, output: 45, cost: 252, active: null },
      { day: '2026-12-04', team: 'wrkspc_a', model: 'claude-sonnet-4-20250514', requests: 0, input: 1550, output: 800, cost: 15600, active: null },
    ]);
    const usage = anthropic.requests.filter((r) => r.path === '/v1/organizations/usage_report/messages');
    expect(usage.map((r) => r.query.get('page'))).toEqual([null, 'MTA', 'MjA']);
    expect(usage[0].query.getAll('group_by[]')).toEqual(['workspace_id', 'model']);
    expect(usage[0].query.get('starting_at')).toBe('2026-11-05T00:00:00Z');
    expect(usage[0].query.get('ending_at')).toBe('2026-12-05T00:00:00Z');
    expect(waits).toEqual([1000, 200]);
  });

  it('LiteLLM: daily activity by team (or key) and model, page by page', async () => {
    const id = await connect('litellm', `${litellm.origin}/`);
    litellm.faults.push({ path: '/user/daily/activity', status: 500 });
    const report = await pullConnection(ctx.db, id, null, deps());
    expect(report).toMatchObject({ error: null, completeThrough: '2026-12-04', rows: 3 });
    expect(await rowsOf(ctx.db, id)).toEqual([
      { day: '2026-12-02', team: 'team-platform', model: 'gpt-4o-mini', requests: 4, input: 400, output: 100, cost: 1200, active: null },
      { day: '2026-12-04', team: 'key:alice', model: 'claude-sonnet-4', requests: 3, input: 2000, output: 1000, cost: 50000, active: null },
      { day: '2026-12-04', team: 'team-platform', model: 'gpt-4o-mini', requests: 1, input: 100, output: 20, cost: 300, active: null },
    ]);
    expect(litellm.requests.map((r) => [r.query.get('page'), r.query.get('start_date'), r.query.get('end_date')])).toEqual([
      ['1', '2026-11-05', '2026-12-04'],
      ['1', '2026-11-05', '2026-12-04'],
      ['2', '2026-11-05', '2026-12-04'],
    ]);
    expect(waits).toEqual([100]);
  });

  it('Copilot: the organisation and its teams per day, up to the last processed day, files fetched without the token', async () => {
    const id = await connect('copilot', copilot.origin, KEY, 'octo-org');
    copilot.faults.push({ path: '/orgs/octo-org/copilot/metrics/reports/organization-1-day', status: 429, retryAfter: '3' });
    const report = await pullConnection(ctx.db, id, null, deps());
    // 2026-12-04 is not processed yet (404): the pull stops at 2026-12-03 and the next one asks for 12-04 again.
    expect(report).toMatchObject({ error: null, completeThrough: '2026-12-03', rows: 3, days: { from: '2026-11-07', to: '2026-12-04' } });
    expect(await rowsOf(ctx.db, id)).toEqual([
      { day: '2026-12-03', team: '', model: '', requests: 40, input: 0, output: 0, cost: 0, active: 3 },
      { day: '2026-12-03', team: 'backend', model: '', requests: 25, input: 0, output: 0, cost: 0, active: 2 },
      { day: '2026-12-03', team: 'frontend', model: '', requests: 40, input: 0, output: 0, cost: 0, active: 2 },
    ]);
    const [backend] = await ctx.db.select().from(usageDaily).where(and(eq(usageDaily.connectionId, id), eq(usageDaily.externalTeam, 'backend')));
    expect(backend.engagedUsers).toBe(1);
    const files = copilot.requests.filter((r) => r.path.startsWith('/files/'));
    expect(files.map((r) => r.path)).toEqual(['/files/organization-1-day/2026-12-03/0.ndjson', '/files/users-1-day/2026-12-03/0.ndjson', '/files/users-1-day/2026-12-03/1.ndjson', '/files/user-teams-1-day/2026-12-03/0.ndjson']);
    expect(files.every((r) => r.headers.authorization === undefined)).toBe(true);
    expect(waits).toEqual([3000]);
    expect((await getConnection(ctx.db, id))?.lastImportedDate).toBe('2026-12-03');

    // GitHub processes 2026-12-04: the next pull asks only for it.
    copilot.requests.length = 0;
    const processed = await startCopilotMock({ token: KEY, org: 'octo-org', days: copilotDays, processedThrough: '2026-12-04' });
    mocks.push(processed);
    await ctx.db.update(usageConnections).set({ baseUrl: processed.origin }).where(eq(usageConnections.id, id));
    expect(await pullConnection(ctx.db, id, null, deps())).toMatchObject({ error: null, completeThrough: '2026-12-04', rows: 2, days: { from: '2026-12-04', to: '2026-12-04' } });
    expect((await rowsOf(ctx.db, id)).filter((r) => r.day === '2026-12-04')).toEqual([
      { day: '2026-12-04', team: '', model: '', requests: 4, input: 0, output: 0, cost: 0, active: 1 },
      { day: '2026-12-04', team: 'frontend', model: '', requests: 4, input: 0, output: 0, cost: 0, active: 1 },
    ]);
  });

  it('the job pulls every connection; a failing one keeps its error and the others still import', async () => {
    await ctx.db.delete(usageConnections);
    const bad = await connect('openai', openai.origin, 'sk-admin-wrong-key-000000');
    const good = await connect('anthropic', anthropic.origin);
    const summary = await usagePullJob(ctx.db, deps());
    expect(summary).toBe(
      `1 of 2 connection(s) pulled, 2 row(s). openai ${seq - 1}: failed: ${openai.origin}/v1/organization/usage/completions answered 401 Unauthorized: check the credential and its permissions.; anthropic ${seq}: 2 row(s) for 2026-11-05..2026-12-04`,
    );
    const failed = await getConnection(ctx.db, bad);
    expect(failed).toMatchObject({ lastImportedDate: null, lastError: `${openai.origin}/v1/organization/usage/completions answered 401 Unauthorized: check the credential and its permissions.` });
    expect(failed?.lastPulledAt).toBeInstanceOf(Date);
    expect(await getConnection(ctx.db, good)).toMatchObject({ lastImportedDate: '2026-12-04', lastError: null });
    const audits = await ctx.db.select().from(auditLog).where(eq(auditLog.action, 'usage.pull'));
    expect(audits.filter((a) => a.entityId === String(bad) || a.entityId === String(good))).toHaveLength(2);
    // Every connection failing fails the run, with the same line.
    await ctx.db.delete(usageConnections).where(eq(usageConnections.id, good));
    await expect(usagePullJob(ctx.db, deps())).rejects.toThrow('0 of 1 connection(s) pulled, 0 row(s).');
  });

  it('is the registered job usage-pull (what `npm run jobs -- usage-pull` runs), recorded in the job history', async () => {
    await ctx.db.delete(usageConnections);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const proxy = await startLitellmMock({ key: KEY, days: { [yesterday]: [{ model: 'gpt-4o', provider: 'openai', key: 'h', keyAlias: 'k', teamId: 'team-x', spend: 2, prompt: 1, completion: 1, requests: 1 }] } });
    mocks.push(proxy);
    // The job opens credentials with the app secret, as a server does.
    const saved = process.env.BETTER_AUTH_SECRET;
    process.env.BETTER_AUTH_SECRET = APP_SECRET;
    const id = written(await createConnection(ctx.db, null, { source: 'litellm', name: 'Proxy', baseUrl: proxy.origin, organization: '', sealedCredential: sealSecret(KEY, 'usage:litellm') })).connection.id;
    const run = await runJob(ctx.db, 'usage-pull', 'command').finally(() => {
      if (saved === undefined) delete process.env.BETTER_AUTH_SECRET;
      else process.env.BETTER_AUTH_SECRET = saved;
    });
    expect(run).toMatchObject({ ran: true, outcome: 'succeeded', error: null, summary: `1 of 1 connection(s) pulled, 1 row(s). Proxy: 1 row(s) for ${pullWindow(null, new Date(), 30)!.from}..${yesterday}` });
    expect(await rowsOf(ctx.db, id)).toEqual([{ day: yesterday, team: 'team-x', model: 'gpt-4o', requests: 1, input: 1, output: 1, cost: 2_000_000, active: null }]);
    expect(getJob('usage-pull')?.schedule({})).toBe('daily');
    expect(getJob('usage-pull')?.schedule({ UPLIFT_USAGE_PULL: 'off' })).toBe('off');
  });

  it('keeps the credential sealed at rest; a changed app secret fails the pull clearly', async () => {
    const id = await connect('openai', openai.origin);
    const [row] = await ctx.db.select().from(usageConnections).where(eq(usageConnections.id, id));
    expect(row.sealedCredential).not.toContain(KEY);
    expect(row.sealedCredential).not.toContain(Buffer.from(KEY).toString('base64'));
    expect(openSecret(row.sealedCredential!, 'usage:openai', APP_SECRET)).toBe(KEY);
    expect(() => openSecret(row.sealedCredential!, 'usage:openai', `${APP_SECRET}-rotated`)).toThrow(SecretUnreadableError);
    expect(() => openSecret(row.sealedCredential!, 'usage:anthropic', APP_SECRET)).toThrow(SecretUnreadableError);
    const report = await pullConnection(ctx.db, id, null, { ...deps(), appSecret: `${APP_SECRET}-rotated` });
    expect(report?.error).toBe('A stored usage:openai credential cannot be decrypted (the app secret changed or the value was altered): enter it again.');
    expect(openai.requests).toHaveLength(0);
    const audits = await ctx.db.select().from(auditLog).where(eq(auditLog.entityType, 'usage_connection'));
    expect(JSON.stringify(audits)).not.toContain(KEY);
    expect(JSON.stringify(audits)).not.toContain(row.sealedCredential!);
  });
});
