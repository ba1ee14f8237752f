// Issue 23 §4: privacy by channel. A link records how the model was reached; the flag reads the vendor's policy on
// that channel (the model's own on the API), and an admin's edit of a policy re-flags, and alerts, through the
// triggers of db/derived/model-summary.sql. Unit, then both databases.
import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { evaluateAlerts } from '@/db/queries/alerts/evaluate';
import { listPrivacyFlags } from '@/db/queries/insights/privacy';
import { CHANNEL_POLICY_CONFLICT, listChannelPolicies, saveChannelPolicy } from '@/db/queries/models/channel-policies';
import { createExperiment, updateExperiment } from '@/db/queries/experiments/write';
import { getExperimentDetail } from '@/db/queries/experiments/detail';
import { aiModels, alerts, auditLog, experimentModels, experiments, teamMembers, teams, user, vendorChannelPolicies } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/permissions';
import { channelPolicy, isPrivacyFlagged } from '@/lib/metrics/privacy';
import { channelPolicySchema } from '@/lib/validation/channel-policy';
import { experimentFormObject, experimentSchema } from '@/lib/validation/experiment';
import { describeEachDb } from './helpers/db';

it('the rule: a link’s policy follows its channel', () => {
  // Grok's API does not train (the catalog's value); its consumer app does (the vendor row); one's own copy does not.
  expect(channelPolicy('api', 'no_training', 'trains')).toBe('no_training');
  expect(channelPolicy('consumer_free', 'no_training', 'trains')).toBe('trains');
  expect(channelPolicy('enterprise', 'trains', 'no_training')).toBe('no_training');
  expect(channelPolicy('consumer_paid', 'no_training', null)).toBe('unknown');
  expect(channelPolicy('self_hosted', 'unknown', null)).toBe('no_training');
  const confidential = { sensitivity: 'confidential' as const, mitigation: '' };
  expect(isPrivacyFlagged({ ...confidential, policies: [channelPolicy('consumer_free', 'no_training', 'trains')] })).toBe(true);
  expect(isPrivacyFlagged({ ...confidential, policies: [channelPolicy('api', 'no_training', 'trains')] })).toBe(false);
});

it('the form: a channel per picked model, API when none is given, anything else refused', () => {
  const form = new FormData();
  form.append('title', 'Drafts in Grok');
  form.append('modelIds', '7');
  form.append('modelIds', '8');
  form.append('channel-7', 'consumer_free');
  const parsed = experimentSchema.parse(experimentFormObject(form));
  expect(parsed.channels).toEqual({ 7: 'consumer_free' });
  form.set('channel-8', 'browser-extension');
  const bad = experimentSchema.safeParse(experimentFormObject(form));
  expect(bad.success ? [] : bad.error.issues.map((i) => [i.path[0], i.message])).toEqual([['channels', 'Choose an access channel from the list.']]);
});

it('the policy form: as-of dates as precise as the source, never invented', () => {
  const base = { vendor: 'xAI', channel: 'consumer_free', dataPolicy: 'trains', source: 'xai-enterprise-faq' };
  expect(channelPolicySchema.parse({ ...base, asOf: '2023' }).asOf).toBe('2023');
  expect(channelPolicySchema.parse({ ...base, asOf: '' }).asOf).toBeNull();
  expect(channelPolicySchema.safeParse({ ...base, asOf: '2025-02-30' }).success).toBe(false);
  expect(channelPolicySchema.safeParse({ ...base, asOf: '2025-13' }).success).toBe(false);
  expect(channelPolicySchema.safeParse({ ...base, channel: 'api', asOf: '' }).success).toBe(false);
});

describeEachDb('privacy by channel', (ctx) => {
  const TODAY = '2026-11-30';
  let lead: SessionUser;
  let teamId: number;
  let grok: number;
  let summaries: number;
  const admin = { id: 'u_channel_admin', email: 'channel-admin@example.test' };
  const flagged = async (id: number) => (await ctx.db.select({ v: experiments.usesTrainingModel }).from(experiments).where(eq(experiments.id, id)))[0].v;
  const create = async (title: string, channel: string) => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ title, dataSensitivity: 'confidential', modelIds: String(grok), [`channel-${grok}`]: channel })) form.append(k, v);
    const r = await createExperiment(ctx.db, lead, experimentSchema.parse(experimentFormObject(form)));
    if (!r.ok) throw new Error(r.message);
    return r.id;
  };
  const xaiRow = async (channel: 'consumer_free' | 'consumer_paid') =>
    (await ctx.db.select().from(vendorChannelPolicies).where(and(eq(vendorChannelPolicies.vendor, 'xAI'), eq(vendorChannelPolicies.channel, channel))))[0];

  beforeAll(async () => {
    [{ id: teamId }] = await ctx.db.insert(teams).values({ name: 'Channel team' }).returning({ id: teams.id });
    await ctx.db.insert(user).values([
      { id: 'u_channel_lead', name: 'Lead', email: 'channel-lead@example.test', role: 'lead' },
      { id: admin.id, name: 'Admin', email: admin.email, role: 'admin' },
    ]);
    await ctx.db.insert(teamMembers).values({ teamId, userId: 'u_channel_lead', teamRole: 'lead' });
    lead = { id: 'u_channel_lead', name: 'Lead', email: 'channel-lead@example.test', role: 'lead', teamIds: [teamId], leadTeamIds: [teamId] };
    [{ id: grok }] = await ctx.db.select({ id: aiModels.id }).from(aiModels).where(eq(aiModels.slug, 'grok-4'));
  });

  it('seeds the vendors’ policies off the API from SOURCES.md §3, with their sources and as-of dates', async () => {
    const rows = await listChannelPolicies(ctx.db);
    expect(rows.map((r) => `${r.vendor} ${r.channel} ${r.dataPolicy} ${r.source} ${r.asOf ?? 'undated'}`)).toEqual([
      'Anthropic consumer_free trains anthropic-consumer-2025 2025-09-28',
      'Anthropic consumer_paid trains anthropic-consumer-2025 2025-09-28',
      'Anthropic enterprise no_training anthropic-consumer-2025 2025-09-28',
      'DeepSeek consumer_free trains deepseek-terms-secondary 2026',
      'Google consumer_free trains gemini-api-terms 2026-03-23',
      'Mistral AI consumer_free trains mistral-help-training undated',
      'Mistral AI consumer_paid trains mistral-help-training undated',
      'OpenAI consumer_free trains openai-data-usage 2023',
      'OpenAI consumer_paid trains openai-data-usage 2023',
      'xAI consumer_free trains xai-enterprise-faq undated',
      'xAI consumer_paid trains xai-enterprise-faq undated',
      'xAI enterprise no_training xai-enterprise-faq undated',
    ]);
  });

  it('flags confidential data in Grok’s free consumer app, not through its API or a self-hosted copy', async () => {
    const app = await create('Contracts in the Grok app', 'consumer_free');
    const api = await create('Contracts through the Grok API', 'api');
    const own = await create('Contracts on our own copy', 'self_hosted');
    expect([await flagged(app), await flagged(api), await flagged(own)]).toEqual([true, false, false]);
    const flags = await listPrivacyFlags(ctx.db, { teamIds: [teamId], today: TODAY });
    expect(flags.map((f) => [f.title, f.models.map((m) => `${m.name} ${m.channel} ${m.policy} ${m.source}`)])).toEqual([
      ['Contracts in the Grok app', ['Grok 4 consumer_free trains xai-enterprise-faq']],
    ]);
    const detail = await getExperimentDetail(ctx.db, app);
    expect(detail?.models.map((m) => [m.channel, m.channelPolicy])).toEqual([['consumer_free', 'trains']]);
  });

  it('an edit that moves a link to the consumer app flags it, and the history says so', async () => {
    const id = (summaries = await create('Summaries, API first', 'api'));
    const [{ version }] = await ctx.db.select({ version: experiments.version }).from(experiments).where(eq(experiments.id, id));
    const form = new FormData();
    for (const [k, v] of Object.entries({ title: 'Summaries, API first', dataSensitivity: 'confidential', modelIds: String(grok), [`channel-${grok}`]: 'consumer_paid' })) form.append(k, v);
    const r = await updateExperiment(ctx.db, lead, id, version, experimentSchema.parse(experimentFormObject(form)));
    expect(r.ok).toBe(true);
    expect(await flagged(id)).toBe(true);
    expect((await ctx.db.select({ channel: experimentModels.channel }).from(experimentModels).where(eq(experimentModels.experimentId, id)))[0].channel).toBe('consumer_paid');
    const [entry] = await ctx.db.select().from(auditLog).where(and(eq(auditLog.action, 'experiment.update'), eq(auditLog.entityId, String(id))));
    expect([(entry.before as { models: string[] }).models, (entry.after as { models: string[] }).models]).toEqual([['grok-4 @ default (primary)'], ['grok-4 @ default on consumer_paid (primary)']]);
  });

  it('an admin’s policy edit re-flags the experiments on that channel, is audited, and a new flag alerts', async () => {
    const paid = await create('Board notes in Grok (paid)', 'consumer_paid');
    expect(await flagged(paid)).toBe(true);
    const row = await xaiRow('consumer_paid');
    const edit = { vendor: 'xAI', channel: 'consumer_paid' as const, dataPolicy: 'no_training' as const, optOut: 'Opted out for the company', source: 'https://x.ai/legal', asOf: '2026-11', updatedAt: row.updatedAt.toISOString() };
    const saved = await ctx.db.transaction((tx) => saveChannelPolicy(tx, admin, edit));
    expect(saved).toEqual({ ok: true, id: row.id });
    expect([await flagged(paid), await flagged(summaries)]).toEqual([false, false]);
    // The free app's experiments keep their flag: another row.
    expect((await listPrivacyFlags(ctx.db, { teamIds: [teamId], today: TODAY })).map((f) => f.title)).toEqual(['Contracts in the Grok app']);
    // A stale form is refused and changes nothing.
    expect(await ctx.db.transaction((tx) => saveChannelPolicy(tx, admin, { ...edit, dataPolicy: 'trains' }))).toEqual({ ok: false, reason: 'conflict', message: CHANNEL_POLICY_CONFLICT });
    expect(await flagged(paid)).toBe(false);

    await ctx.ownerDb.delete(alerts);
    await evaluateAlerts(ctx.db, TODAY);
    const before = (await ctx.db.select({ key: alerts.key }).from(alerts)).map((a) => a.key).filter((k) => k.startsWith('privacy:'));
    const again = await xaiRow('consumer_paid');
    expect((await ctx.db.transaction((tx) => saveChannelPolicy(tx, admin, { ...edit, dataPolicy: 'trains', updatedAt: again.updatedAt.toISOString() }))).ok).toBe(true);
    expect(await flagged(paid)).toBe(true);
    await evaluateAlerts(ctx.db, TODAY);
    const after = (await ctx.db.select({ key: alerts.key, recipient: alerts.recipientId }).from(alerts)).filter((a) => a.key.startsWith('privacy:') && !before.includes(a.key));
    // Both experiments on Grok's paid app: the one created there and the one moved there from the API.
    expect(after.map((a) => `${a.key} → ${a.recipient}`).sort()).toEqual(
      [summaries, paid].flatMap((id) => [`privacy:${id}:${grok} → ${admin.id}`, `privacy:${id}:${grok} → u_channel_lead`]).sort(),
    );
    const trail = await ctx.db.select().from(auditLog).where(eq(auditLog.action, 'model.channel_policy'));
    expect(trail.map((t) => [(t.before as { dataPolicy: string }).dataPolicy, (t.after as { dataPolicy: string }).dataPolicy])).toEqual([
      ['trains', 'no_training'],
      ['no_training', 'trains'],
    ]);
  });

  it('a vendor the catalog does not have is refused; a new channel row for a known vendor is added', async () => {
    const base = { channel: 'consumer_paid' as const, dataPolicy: 'unknown' as const, optOut: '', source: 'gemini-api-terms', asOf: null, updatedAt: '' };
    expect(await ctx.db.transaction((tx) => saveChannelPolicy(tx, admin, { ...base, vendor: 'Nobody' }))).toMatchObject({ ok: false, reason: 'invalid', field: 'vendor' });
    expect((await ctx.db.transaction((tx) => saveChannelPolicy(tx, admin, { ...base, vendor: 'Google' }))).ok).toBe(true);
    expect((await listChannelPolicies(ctx.db, 'Google')).map((r) => `${r.channel} ${r.dataPolicy}`)).toEqual(['consumer_free trains', 'consumer_paid unknown']);
  });
});
