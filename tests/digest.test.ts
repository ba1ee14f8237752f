// Issue 20 §4: the weekly digest. Its content on a hand-built week, who gets it, the job sending one per person and
// week however often it runs (a real SMTP server on loopback receives it, with the RFC 8058 headers), and the
// unsubscribe link: a forged or expired token is refused, GET only asks, POST turns the digest off without signing
// in; on PGlite and PostgreSQL.
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as unsubscribeRoute from '@/app/api/digest/unsubscribe/route';
import { buildDigest } from '@/db/queries/alerts/digest';
import { digestRecipients, isSubscribed, setSubscribed } from '@/db/queries/alerts/digest-subscriptions';
import { alertPreferences, auditLog, capabilityOutcomes, digestSubscriptions, experiments, modelPrices, outbox, teamMembers, usageDaily, user } from '@/db/schema';
import { renderDigestEmail } from '@/lib/digest/render';
import { digestSections } from '@/lib/digest/sections';
import { readUnsubscribeToken, unsubscribeToken, unsubscribeUrl } from '@/lib/digest/token';
import { runJob } from '@/lib/jobs/runner';
import { digestWeek } from '@/lib/metrics/digest-week';
import { addModel, seedInsightsFixture, TODAY, type Fixture } from './insights-fixture';
import { describeEachDb } from './helpers/db';
import { installDb } from './helpers/security-harness';

vi.mock('next/headers', async () => (await import('./helpers/security-harness')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('./helpers/security-harness')).nextCacheMock);

const SECRET = 'digest-test-secret-digest-test-secret-0123456789';
const BASE = 'https://uplift.example.test';

type Mail = { to: string[]; subject: string; text: string; html: string; raw: string };
const received: Mail[] = [];
let server: SMTPServer;
let port = 0;

beforeAll(async () => {
  process.env.BETTER_AUTH_SECRET = SECRET;
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then((m) => {
            received.push({ to: session.envelope.rcptTo.map((r) => r.address), subject: m.subject ?? '', text: m.text ?? '', html: typeof m.html === 'string' ? m.html : '', raw: raw.toString('utf8') });
            done();
          })
          .catch(done);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the unsubscribe token', () => {
  const now = new Date('2031-06-30T08:00:00Z');
  it('names one person, and is refused when forged, signed with another secret or expired', () => {
    const token = unsubscribeToken('u_exec', SECRET, now);
    expect(readUnsubscribeToken(token, SECRET, now)).toEqual({ ok: true, userId: 'u_exec' });
    const [, exp, mac] = token.split('.');
    // Another person's id under this person's signature; a changed signature; a later expiry.
    expect(readUnsubscribeToken(`${Buffer.from('u_other').toString('base64url')}.${exp}.${mac}`, SECRET, now)).toEqual({ ok: false, reason: 'invalid' });
    expect(readUnsubscribeToken(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, SECRET, now)).toEqual({ ok: false, reason: 'invalid' });
    expect(readUnsubscribeToken(token.replace(`.${exp}.`, `.${Number(exp) + 86_400}.`), SECRET, now)).toEqual({ ok: false, reason: 'invalid' });
    expect(readUnsubscribeToken(unsubscribeToken('u_exec', 'another-secret-another-secret-another-secret', now), SECRET, now)).toEqual({ ok: false, reason: 'invalid' });
    expect(readUnsubscribeToken('', SECRET, now)).toEqual({ ok: false, reason: 'invalid' });
    expect(readUnsubscribeToken('u.1.x', SECRET, now)).toEqual({ ok: false, reason: 'invalid' });
    // Valid for 60 days, not a second more.
    expect(readUnsubscribeToken(token, SECRET, new Date(now.getTime() + 60 * 86_400_000 - 1000))).toEqual({ ok: true, userId: 'u_exec' });
    expect(readUnsubscribeToken(token, SECRET, new Date(now.getTime() + 60 * 86_400_000))).toEqual({ ok: false, reason: 'expired' });
  });
});

describe('the digest’s sections', () => {
  it('shows at most ten items of an alert section and says how many more there are, and where', () => {
    const items = Array.from({ length: 12 }, (_, i) => ({ title: `Candidate ${i + 1}`, body: 'b', link: `/experiments/${i + 1}` }));
    const d = { from: '2031-06-24', to: '2031-06-30', slot: '2031-W27', person: { id: 'u', name: 'U', email: 'u@example.test', role: 'executive' }, outcomes: [], newModels: [], priceMoves: [], retest: items, privacy: [], attention: [], concentration: null };
    const [retest, ...others] = digestSections(d);
    expect(others).toEqual([]);
    expect([retest.title, retest.count, retest.lines.length]).toEqual(['Re-test candidates', 12, 11]);
    expect(retest.lines.at(-2)).toEqual({ text: 'Candidate 10', detail: 'b', link: '/experiments/10' });
    expect(retest.lines.at(-1)).toEqual({ text: '…and 2 more on the re-test radar', link: '/insights' });
    expect(renderDigestEmail({ ...d, retest: [] }, BASE, 'https://u/x').text).toContain('Nothing changed this week: no new outcomes, models, price changes or alerts.');
  });

  it('sends an executive to the running experiments for the rest of “Needs attention”, and anyone else to their alerts', () => {
    const items = Array.from({ length: 11 }, (_, i) => ({ title: `Stale ${i + 1}`, body: 'b', link: `/experiments/${i + 1}` }));
    const d = { from: '2031-06-24', to: '2031-06-30', slot: '2031-W27', person: { id: 'u', name: 'U', email: 'u@example.test', role: 'executive' }, outcomes: [], newModels: [], priceMoves: [], retest: [], privacy: [], attention: items, concentration: null };
    expect(digestSections(d)[0].lines.at(-1)).toEqual({ text: '…and 1 more among the running experiments', link: '/experiments?status=running' });
    expect(digestSections({ ...d, person: { ...d.person, role: 'admin' } })[0].lines.at(-1)).toEqual({ text: '…and 1 more among the running experiments', link: '/experiments?status=running' });
    expect(digestSections({ ...d, person: { ...d.person, role: 'lead' } })[0].lines.at(-1)).toEqual({ text: '…and 1 more in your alerts', link: '/inbox' });
  });
});

describeEachDb('the weekly digest', (ctx) => {
  let fx: Fixture;
  let cand: number;

  beforeAll(async () => {
    installDb(ctx.db, ctx.kind);
    process.env.BETTER_AUTH_SECRET = SECRET;
    fx = await seedInsightsFixture(ctx.db);
    await ctx.db.insert(user).values([
      { id: 'u_exec', name: 'Erin Exec', email: 'erin@example.test', role: 'executive' },
      { id: 'u_exec_off', name: 'Otto Off', email: 'otto@example.test', role: 'executive' },
      { id: 'u_exec_gone', name: 'Gone', email: 'gone@example.test', role: 'executive', active: false },
      { id: 'u_beta_lead', name: 'Beta Lead', email: 'beta@example.test', role: 'lead' },
    ]);
    await ctx.db.insert(digestSubscriptions).values({ userId: 'u_exec_off', subscribed: false });
    // The Beta lead sends the "no check-in" email to the digest: that opts them in.
    await ctx.db.insert(alertPreferences).values({ userId: 'u_beta_lead', event: 'stale', enabled: true, delivery: 'digest' });
    await ctx.db.insert(teamMembers).values({ teamId: fx.beta, userId: 'u_beta_lead', teamRole: 'lead' });
    await ctx.db.update(experiments).set({ ownerId: 'u_beta_lead' }).where(eq(experiments.id, fx.exps.leaky));
    // The week 2031-06-24 to 2031-06-30: a new model, a price rise, two outcomes (and one the day before the week).
    await addModel(ctx.db, { slug: 'fx-digest-new', vendor: 'Dyn', released: '2031-06-26', score: '10.0', input: '5', output: '5' });
    await ctx.db.insert(modelPrices).values({ modelId: fx.models.pricey, effectiveDate: '2031-06-28', inputUsdPerMtok: '12', outputUsdPerMtok: '30', source: 'fixture' });
    await ctx.db.insert(capabilityOutcomes).values([
      { experimentId: fx.exps.publicData, type: 'synthesis', description: 'FAQ drafts merged.', impact: 3, recordedOn: '2031-06-24' },
      { experimentId: fx.exps.leaky, type: 'insight', description: 'Clause risks surfaced in minutes.', impact: 5, recordedOn: '2031-06-29' },
      { experimentId: fx.exps.leaky, type: 'insight', description: 'Last week.', impact: 5, recordedOn: '2031-06-23' },
    ]);
    // A model that clears the blocked experiment's bar: a re-test candidate (released long before the week).
    cand = await addModel(ctx.db, { slug: 'fx-alert-cand', vendor: 'Dyn', released: '2031-01-01', score: '75.0', input: '2', output: '2' });
  });

  it('goes to executives and to people who send an alert to it, unless they turned it off; never to inactive accounts', async () => {
    expect((await digestRecipients(ctx.db)).map((r) => r.id)).toEqual(['u_beta_lead', 'u_exec']);
    expect(await isSubscribed(ctx.db, 'u_fixture_lead')).toBe(false);
  });

  it('says exactly what changed in the week: the whole organisation for an executive', async () => {
    const d = (await buildDigest(ctx.db, 'u_exec', TODAY, { dropPercent: 20 }))!;
    expect(digestWeek(TODAY)).toEqual({ from: '2031-06-24', to: '2031-06-30', slot: '2031-W27' });
    const link = unsubscribeUrl(BASE, 'TOKEN');
    const mail = renderDigestEmail(d, BASE, link);
    expect(mail.subject).toBe('[Uplift] Your week: 2031-06-24 to 2031-06-30');
    expect(mail.headers).toEqual({ 'List-Unsubscribe': '<https://uplift.example.test/api/digest/unsubscribe?token=TOKEN>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
    const e = (id: number) => `${BASE}/experiments/${id}`;
    expect(mail.text).toBe(
      [
        'Uplift weekly digest for Erin Exec, 2031-06-24 to 2031-06-30',
        '',
        'New capability outcomes',
        '- Insight in “Contract review” (Fixture Beta), impact 5/5',
        '  Clause risks surfaced in minutes.',
        `  ${e(fx.exps.leaky)}`,
        '- Synthesis in “Public FAQ” (Fixture Beta), impact 3/5',
        '  FAQ drafts merged.',
        `  ${e(fx.exps.publicData)}`,
        '',
        'New models',
        '- fx digest new (Dyn), released 2031-06-26',
        '',
        'Price changes',
        '- fx acme pricey (Acme): $15.00 → $16.50 per million tokens (+10%) from 2031-06-28',
        '',
        'Re-test candidates',
        '- Re-test candidate for “Forecast scenarios”: fx alert cand',
        '  fx alert cand (Dyn) may clear the bar this blocked experiment set on GPQA Diamond.',
        `  ${e(fx.exps.blocked)}`,
        '',
        'Privacy flags',
        '- Privacy flag: “Contract review” (Fixture Beta)',
        '  Confidential data goes to fx cirrus whose provider may train on it.',
        `  ${e(fx.exps.leaky)}`,
        '',
        'Needs attention',
        '- No check-in for “Contract review” since 2031-05-01',
        // Erin is not its owner: the alert is worded for a reader, not for the person who has to act.
        '  This running experiment has had no check-in for 30 days or more, so its figures may be out of date; its owner has been asked for one.',
        `  ${e(fx.exps.leaky)}`,
        '',
        'Read it in Uplift: https://uplift.example.test/digest',
        'Stop this weekly digest: https://uplift.example.test/api/digest/unsubscribe?token=TOKEN',
        '',
      ].join('\n'),
    );
    expect(mail.html).toContain('<h1 style="font-size:20px;margin:4px 0 8px">Your week, Erin Exec</h1>');
    expect(mail.html).toContain(`<a href="${e(fx.exps.blocked)}" style="color:#2563eb">Re-test candidate for “Forecast scenarios”: fx alert cand</a>`);
    expect(mail.html).toContain('<a href="https://uplift.example.test/api/digest/unsubscribe?token=TOKEN" style="color:#6b7280">Unsubscribe</a>');
    expect(cand).toBeGreaterThan(0);
  });

  it('a lead reads the catalog and outcomes, and only the alerts that concern them', async () => {
    const d = (await buildDigest(ctx.db, 'u_beta_lead', TODAY, { dropPercent: 20 }))!;
    expect([d.retest.length, d.privacy.map((p) => p.title), d.attention.map((p) => p.title)]).toEqual([
      0,
      ['Privacy flag: “Contract review” (Fixture Beta)'],
      ['No check-in for “Contract review” since 2031-05-01'],
    ]);
    // The lead owns it: the alert speaks to them.
    expect(d.attention.map((p) => p.body)).toEqual(['Your running experiment has had no check-in for 30 days or more: add one so its figures stay current.']);
    expect(d.outcomes).toHaveLength(2);
    // No usage imported yet: no concentration to show.
    expect(d.concentration).toBeNull();
    expect(digestSections(d).map((s) => s.id)).not.toContain('concentration');
  });

  it('the job sends one digest per subscriber and week, however often it runs', async () => {
    received.length = 0;
    const env = { UPLIFT_SMTP_URL: `smtp://127.0.0.1:${port}`, UPLIFT_MAIL_FROM: 'Uplift <uplift@example.test>', BETTER_AUTH_URL: BASE };
    const first = await runJob(ctx.db, 'digest', 'command', { env });
    expect(first).toMatchObject({ ran: true, outcome: 'succeeded', summary: '2 digest(s) queued for 2 subscriber(s) (0 already queued this week); sent 2, retrying 0, dead 0.' });
    const second = await runJob(ctx.db, 'digest', 'command', { env });
    expect(second).toMatchObject({ ran: true, outcome: 'succeeded', summary: '0 digest(s) queued for 2 subscriber(s) (2 already queued this week); sent 0, retrying 0, dead 0.' });
    expect(received.map((m) => m.to).sort()).toEqual([['beta@example.test'], ['erin@example.test']]);
    const erin = received.find((m) => m.to[0] === 'erin@example.test')!;
    expect(erin.subject).toMatch(/^\[Uplift\] Your week: \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d$/);
    expect(erin.text).toContain('Uplift weekly digest for Erin Exec');
    expect(erin.html).toContain('Your week, Erin Exec');
    // RFC 8058: an https URL with the signed token, and the one-click POST header.
    const header = /^List-Unsubscribe: <([^>]+)>\r?$/m.exec(erin.raw.replace(/\r\n[ \t]+/g, ' '));
    expect(header).not.toBeNull();
    const url = new URL(header![1]);
    expect(`${url.origin}${url.pathname}`).toBe('https://uplift.example.test/api/digest/unsubscribe');
    expect(readUnsubscribeToken(url.searchParams.get('token'), SECRET)).toEqual({ ok: true, userId: 'u_exec' });
    expect(erin.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    expect(await ctx.db.select({ key: outbox.key }).from(outbox).where(eq(outbox.status, 'sent'))).toHaveLength(2);
  });

  it('the unsubscribe link: GET only asks; a forged token changes nothing; POST turns it off without signing in', async () => {
    const token = unsubscribeToken('u_exec', SECRET);
    const at = (t: string) => `${BASE}/api/digest/unsubscribe?token=${encodeURIComponent(t)}`;
    const get = await unsubscribeRoute.GET(new Request(at(token)));
    expect(get.status).toBe(200);
    const page = await get.text();
    expect(page).toContain('<h1 style="font-size:20px;margin:0 0 12px">Stop the weekly digest?</h1>');
    expect(page).toContain('e•••@example.test');
    expect(await isSubscribed(ctx.db, 'u_exec')).toBe(true);

    const oneClick = (t: string) => new Request(at(t), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    const forged = await unsubscribeRoute.POST(oneClick(unsubscribeToken('u_exec', 'not-the-secret-not-the-secret-not-the-secret')));
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain('This link is not valid');
    const expired = await unsubscribeRoute.POST(oneClick(unsubscribeToken('u_exec', SECRET, new Date(Date.now() - 61 * 86_400_000))));
    expect(expired.status).toBe(400);
    expect(await expired.text()).toContain('This link has expired');
    expect(await isSubscribed(ctx.db, 'u_exec')).toBe(true);

    const done = await unsubscribeRoute.POST(oneClick(token));
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('<h1 style="font-size:20px;margin:0 0 12px">Unsubscribed</h1>');
    expect(await isSubscribed(ctx.db, 'u_exec')).toBe(false);
    expect((await digestRecipients(ctx.db)).map((r) => r.id)).toEqual(['u_beta_lead']);
    const trail = await ctx.db.select().from(auditLog).where(and(eq(auditLog.action, 'digest.unsubscribe'), eq(auditLog.actorId, 'u_exec')));
    expect(trail.map((t) => [t.before, t.after])).toEqual([[{ subscribed: true }, { subscribed: false, via: 'email-link' }]]);
    // The confirmation page's own form posts the token in the body too.
    const again = await unsubscribeRoute.POST(new Request(`${BASE}/api/digest/unsubscribe`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `token=${encodeURIComponent(token)}&List-Unsubscribe=One-Click` }));
    expect(await again.text()).toContain('Already unsubscribed');
    // Only the digest: the person's alert preferences are untouched.
    expect(await ctx.db.select().from(alertPreferences).where(eq(alertPreferences.userId, 'u_exec'))).toEqual([]);
    // Turning it on again on /digest is audited as the person's own choice.
    expect(await setSubscribed(ctx.db, { id: 'u_exec', email: 'erin@example.test' }, true, 'page')).toEqual({ ok: true });
    expect(await setSubscribed(ctx.db, { id: 'u_exec', email: 'erin@example.test' }, true, 'page')).toEqual({ ok: false, reason: 'conflict', message: 'You already get the weekly digest.' });
  });
  it('shows the dashboard’s vendor concentration by billed spend: the organisation’s to an executive, a lead’s own teams’ to a lead', async () => {
    const row = (day: string, teamId: number | null, vendor: string, costMicros: number) =>
      ({ day, source: 'csv' as const, externalTeam: String(teamId ?? 'x'), teamId, vendor, externalModel: vendor.toLowerCase(), modelId: null, requests: 1, inputTokens: 1, outputTokens: 1, costMicros, currency: 'USD', activeUsers: 1 });
    await ctx.db.insert(usageDaily).values([
      row('2031-06-01', fx.alpha, 'Acme', 6_000_000),
      row('2031-05-01', fx.beta, 'Acme', 2_000_000),
      row('2031-06-10', fx.beta, 'Dyn', 3_000_000),
      row('2031-06-11', null, 'Cirrus', 1_000_000),
      row('2031-06-12', null, 'Zed', 1_000_000),
      // Before the dashboard's 90 days (2031-04-02 to 2031-06-30): not counted.
      row('2031-04-01', fx.beta, 'Old', 50_000_000),
    ]);
    const exec = (await buildDigest(ctx.db, 'u_exec', TODAY, { dropPercent: 20 }))!;
    // Acme 8, Dyn 3, Cirrus 1, Zed 1 of 13: HHI (64 + 9 + 1 + 1) / 169 = 0.44.
    const text = renderDigestEmail(exec, BASE, 'https://u/x').text;
    expect(text.slice(text.indexOf('Concentration\n'), text.indexOf('Read it in Uplift'))).toBe(
      [
        'Concentration',
        '- Concentration by billed spend: HHI 0.44 (above 0.25: concentrated); Acme has 62% of the bill',
        '  The organisation’s AI bills from 2031-04-02 to 2031-06-30: Acme 62%, Dyn 23%, Cirrus 8%, 1 other 8%.',
        '  https://uplift.example.test/dashboard#telemetry-heading',
        '',
        '',
      ].join('\n'),
    );
    const html = renderDigestEmail(exec, BASE, 'https://u/x').html;
    expect(html).toContain('<h2 style="font-size:16px;margin:0">Concentration</h2>');
    expect(html).toContain(
      '<a href="https://uplift.example.test/dashboard#telemetry-heading" style="color:#2563eb">Concentration by billed spend: HHI 0.44 (above 0.25: concentrated); Acme has 62% of the bill</a><br><span style="color:#4b5563">The organisation’s AI bills from 2031-04-02 to 2031-06-30: Acme 62%, Dyn 23%, Cirrus 8%, 1 other 8%.</span>',
    );
    // The Beta lead's dashboard shows Beta's usage only: Dyn 3, Acme 2 of 5, HHI 0.36 + 0.16.
    const lead = (await buildDigest(ctx.db, 'u_beta_lead', TODAY, { dropPercent: 20 }))!;
    expect(digestSections(lead).find((s) => s.id === 'concentration')).toEqual({
      id: 'concentration',
      title: 'Concentration',
      count: 1,
      lines: [
        {
          text: 'Concentration by billed spend: HHI 0.52 (above 0.25: concentrated); Dyn has 60% of the bill',
          detail: 'Your teams’ AI bills from 2031-04-02 to 2031-06-30: Dyn 60%, Acme 40%.',
          link: '/dashboard#telemetry-heading',
        },
      ],
    });
  });
});
