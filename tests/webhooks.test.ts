// Issue 20 §3: outgoing webhooks. Which addresses are refused (also after DNS resolution, also at connect time),
// the payload of each format and its HMAC-SHA256 signature as a real receiver on loopback gets them, and the same
// outbox retries and dead letters as email; on PGlite and PostgreSQL.
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDeadLetters } from '@/db/queries/alerts/outbox';
import { createWebhook, deleteWebhook, getWebhook, listWebhooks, setWebhookEnabled, updateWebhook } from '@/db/queries/alerts/webhooks';
import { written } from '@/db/queries/write-result';
import { alerts, auditLog, outbox, user } from '@/db/schema';
import { deliverOutbox } from '@/lib/mail/deliver';
import { openSecret, sealSecret } from '@/lib/security/secrets';
import { checkAddress, checkHostName } from '@/lib/webhooks/address';
import { webhookPoster } from '@/lib/webhooks/post';
import { queueWebhookAlerts } from '@/lib/webhooks/queue';
import { verifyBody, WEBHOOK_SECRET_PURPOSE } from '@/lib/webhooks/sign';
import { targetProblem, urlProblem, type Resolve } from '@/lib/webhooks/target';
import { describeEachDb } from './helpers/db';
import { startWebhookReceiver, type Receiver } from './helpers/webhook-receiver';

const APP_SECRET = 'webhook-test-secret-webhook-test-secret-0123';
const LOOPBACK = { UPLIFT_WEBHOOKS_ALLOW_LOOPBACK: 'on' };
const NO_LOOPBACK = {};

/** A resolver for made-up names, so no test depends on real DNS. */
const fakeDns =
  (table: Record<string, string[]>): Resolve =>
  async (host) => {
    const found = table[host];
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

describe('which addresses a webhook may reach', () => {
  it('refuses link-local, cloud metadata and unroutable addresses, v4 and v6, also wrapped in IPv6', () => {
    const refused = ['169.254.169.254', '169.254.0.1', 'fd00:ec2::254', 'FD00:EC2:0:0:0:0:0:254', '100.100.100.200', 'fe80::1', '0.0.0.0', '::', '::ffff:169.254.169.254', '::ffff:a9fe:a9fe', '64:ff9b::169.254.169.254', '224.0.0.1'];
    expect(refused.filter((ip) => checkAddress(ip, true).ok)).toEqual([]);
    expect(checkAddress('169.254.169.254', true)).toEqual({ ok: false, reason: 'a link-local address (169.254.0.0/16), where cloud metadata services answer' });
    expect(checkAddress('fd00:ec2::254', true)).toEqual({ ok: false, reason: 'a cloud metadata address' });
    expect(checkAddress('::ffff:169.254.169.254', true)).toEqual({ ok: false, reason: '169.254.169.254 in IPv6 form, a link-local address (169.254.0.0/16), where cloud metadata services answer' });
  });

  it('allows public and private addresses; loopback only with the flag', () => {
    expect(['52.1.2.3', '10.0.0.5', '192.168.1.10', '2606:4700::1111', 'fd12:3456::1'].filter((ip) => !checkAddress(ip, false).ok)).toEqual([]);
    expect(['127.0.0.1', '127.8.8.8', '::1', '::ffff:127.0.0.1'].map((ip) => checkAddress(ip, false).ok)).toEqual([false, false, false, false]);
    expect(['127.0.0.1', '::1', '::ffff:127.0.0.1'].map((ip) => checkAddress(ip, true).ok)).toEqual([true, true, true]);
  });

  it('refuses metadata host names before any lookup', () => {
    expect(checkHostName('metadata.google.internal', true)).toEqual({ ok: false, reason: 'a cloud metadata service' });
    expect(checkHostName('METADATA.GOOGLE.INTERNAL.', true).ok).toBe(false);
    expect(checkHostName('localhost', false).ok).toBe(false);
    expect(checkHostName('localhost', true).ok).toBe(true);
  });

  it('says what is wrong with a URL in one sentence', () => {
    expect(urlProblem('hooks.slack.com/services/x', NO_LOOPBACK)).toBe('Enter the full URL of the webhook, starting with https://.');
    expect(urlProblem('http://hooks.example.test/x', NO_LOOPBACK)).toBe('Use an https:// URL: the alerts it carries must not travel in clear text.');
    expect(urlProblem('ftp://hooks.example.test/x', NO_LOOPBACK)).toBe('Use an https:// URL.');
    expect(urlProblem('https://user:pw@hooks.example.test/x', NO_LOOPBACK)).toBe('Put no user name or password in the URL: a webhook is authenticated by its signature.');
    expect(urlProblem('http://169.254.169.254/latest/meta-data', LOOPBACK)).toBe('Use an https:// URL: the alerts it carries must not travel in clear text.');
    expect(urlProblem('https://169.254.169.254/latest/meta-data', NO_LOOPBACK)).toBe(
      'Uplift does not post to 169.254.169.254: it is a link-local address (169.254.0.0/16), where cloud metadata services answer.',
    );
    expect(urlProblem('https://[fd00:ec2::254]/', NO_LOOPBACK)).toBe('Uplift does not post to fd00:ec2::254: it is a cloud metadata address.');
    expect(urlProblem('https://metadata.google.internal/computeMetadata/v1/', NO_LOOPBACK)).toBe('Uplift does not post to metadata.google.internal: it is a cloud metadata service.');
    expect(urlProblem('https://localhost/hook', NO_LOOPBACK)).toBe('Uplift does not post to localhost: it is the server itself (loopback; UPLIFT_WEBHOOKS_ALLOW_LOOPBACK=on allows it, for tests).');
    expect(urlProblem('http://127.0.0.1:9/hook', NO_LOOPBACK)).toBe('Use an https:// URL: the alerts it carries must not travel in clear text.');
    expect(urlProblem('http://127.0.0.1:9/hook', LOOPBACK)).toBeNull();
    expect(urlProblem('https://hooks.slack.com/services/T0/B0/xyz', NO_LOOPBACK)).toBeNull();
  });

  it('checks every address the name resolves to', async () => {
    const dns = fakeDns({ 'hooks.example.test': ['52.1.2.3'], 'sneaky.example.test': ['52.1.2.3', '169.254.169.254'], 'v6.example.test': ['fd00:ec2::254'] });
    expect(await targetProblem('https://hooks.example.test/x', NO_LOOPBACK, dns)).toBeNull();
    expect(await targetProblem('https://sneaky.example.test/x', NO_LOOPBACK, dns)).toBe(
      'Uplift does not post to sneaky.example.test: it resolves to 169.254.169.254, a link-local address (169.254.0.0/16), where cloud metadata services answer.',
    );
    expect(await targetProblem('https://v6.example.test/x', NO_LOOPBACK, dns)).toBe('Uplift does not post to v6.example.test: it resolves to fd00:ec2::254, a cloud metadata address.');
    expect(await targetProblem('https://nowhere.example.test/x', NO_LOOPBACK, dns)).toBe('nowhere.example.test could not be found (getaddrinfo ENOTFOUND nowhere.example.test).');
  });

  it('checks the address again when it connects: a name that now resolves to the metadata service is refused', async () => {
    // Saved while it pointed elsewhere; at send time the name resolves to 169.254.169.254 (DNS rebinding).
    const post = webhookPoster(NO_LOOPBACK, fakeDns({ 'rebind.example.test': ['169.254.169.254'] }));
    await expect(post({ url: 'https://rebind.example.test/hook', body: '{}', secret: 's' })).rejects.toThrow(
      'Uplift does not post to rebind.example.test: it resolves to 169.254.169.254, a link-local address',
    );
  });
});

describeEachDb('webhooks through the outbox', (ctx) => {
  let receiver: Receiver;
  const admin = { id: 'u_hook_admin', email: 'hook.admin@example.test' };
  const secrets = { slack: 'whsec_slack', teams: 'whsec_teams', json: 'whsec_json' };
  const ids: Record<string, number> = {};
  let prevSecret: string | undefined;

  beforeAll(async () => {
    prevSecret = process.env.BETTER_AUTH_SECRET;
    process.env.BETTER_AUTH_SECRET = APP_SECRET;
    receiver = await startWebhookReceiver();
    await ctx.db.insert(user).values([admin, { id: 'u_hook_owner', email: 'hook.owner@example.test' }].map((u) => ({ ...u, name: u.email, role: 'admin' as const })));
    for (const format of ['slack', 'teams', 'json'] as const) {
      const created = await createWebhook(ctx.db, admin, {
        name: `${format} hook`,
        format,
        url: receiver.url(`/${format}`),
        events: format === 'json' ? ['stale', 'privacy'] : ['stale'],
        secretSealed: sealSecret(secrets[format], WEBHOOK_SECRET_PURPOSE),
      });
      ids[format] = written(created).webhook.id;
    }
  });
  afterAll(async () => {
    await receiver.close();
    if (prevSecret === undefined) delete process.env.BETTER_AUTH_SECRET;
    else process.env.BETTER_AUTH_SECRET = prevSecret;
  });

  it('stores the secret sealed and audits without it; the page never gets the secret or the full URL', async () => {
    const [row] = await ctx.db.select().from(auditLog).where(eq(auditLog.action, 'webhook.create')).orderBy(auditLog.id).limit(1);
    expect(row.after).toEqual({ name: 'slack hook', format: 'slack', target: receiver.url('/slack'), events: ['stale'], enabled: true });
    expect(JSON.stringify(await ctx.db.select().from(auditLog))).not.toContain('whsec_');
    const listed = await listWebhooks(ctx.db);
    expect(listed.map((h) => h.name)).toEqual(['json hook', 'slack hook', 'teams hook']);
    expect(JSON.stringify(listed)).not.toContain('whsec_');
    expect(Object.keys(listed[0]).sort()).toEqual(['createdAt', 'createdBy', 'enabled', 'events', 'format', 'id', 'name', 'target']);
  });

  it('posts each alert once per webhook that takes its event: payload per format, signed with the webhook’s secret', async () => {
    const created = new Date('2031-06-30T08:00:00Z');
    // One event for two recipients: one message per webhook, not per person.
    const rows = await ctx.db
      .insert(alerts)
      .values(['u_hook_admin', 'u_hook_owner'].map((recipientId) => ({ recipientId, event: 'stale', key: 'stale:7:2031-05-01', title: 'No check-in for “Triage” since 2031-05-01', body: 'Add one <now> & keep going.', link: '/experiments/7', createdAt: created })))
      .returning({ id: alerts.id });
    const base = 'https://uplift.example.test';
    expect(await queueWebhookAlerts(ctx.db, rows.map((r) => r.id), base)).toBe(3);
    expect(await queueWebhookAlerts(ctx.db, rows.map((r) => r.id), base)).toBe(0);
    expect(await deliverOutbox(ctx.db, { webhook: webhookPoster(LOOPBACK) })).toEqual({ sent: 3, retrying: 0, dead: 0 });
    expect(await deliverOutbox(ctx.db, { webhook: webhookPoster(LOOPBACK) })).toEqual({ sent: 0, retrying: 0, dead: 0 });

    const by = (path: string) => receiver.received.find((r) => r.path === path)!;
    expect(receiver.received.map((r) => r.path).sort()).toEqual(['/json', '/slack', '/teams']);
    for (const format of ['slack', 'teams', 'json'] as const) {
      const r = by(`/${format}`);
      expect(r.method).toBe('POST');
      expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(r.headers['x-uplift-event']).toBe('stale');
      expect(verifyBody(secrets[format], r.body, r.headers['x-uplift-signature'] as string)).toBe(true);
      expect(verifyBody('whsec_other', r.body, r.headers['x-uplift-signature'] as string)).toBe(false);
    }
    expect(JSON.parse(by('/slack').body)).toEqual({
      text: '*No check-in: No check-in for “Triage” since 2031-05-01*\nAdd one &lt;now&gt; &amp; keep going.\n<https://uplift.example.test/experiments/7|Open in Uplift>',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*No check-in: No check-in for “Triage” since 2031-05-01*\nAdd one &lt;now&gt; &amp; keep going.\n<https://uplift.example.test/experiments/7|Open in Uplift>' } }],
    });
    expect(JSON.parse(by('/teams').body)).toEqual({
      type: 'message',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          contentUrl: null,
          content: {
            $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
            type: 'AdaptiveCard',
            version: '1.4',
            body: [
              { type: 'TextBlock', text: 'No check-in', size: 'Small', isSubtle: true, wrap: true },
              { type: 'TextBlock', text: 'No check-in for “Triage” since 2031-05-01', weight: 'Bolder', size: 'Medium', wrap: true },
              { type: 'TextBlock', text: 'Add one <now> & keep going.', wrap: true },
            ],
            actions: [{ type: 'Action.OpenUrl', title: 'Open in Uplift', url: 'https://uplift.example.test/experiments/7' }],
          },
        },
      ],
    });
    expect(JSON.parse(by('/json').body)).toEqual({
      event: 'stale',
      label: 'No check-in',
      key: 'stale:7:2031-05-01',
      title: 'No check-in for “Triage” since 2031-05-01',
      body: 'Add one <now> & keep going.',
      url: 'https://uplift.example.test/experiments/7',
      createdAt: '2031-06-30T08:00:00.000Z',
    });
    // The signature is over the exact bytes sent, with the secret stored sealed under the app secret.
    const [hook] = await ctx.db.select().from(outbox).where(eq(outbox.key, `webhook:${ids.json}:stale:7:2031-05-01`));
    expect(hook.status).toBe('sent');
    expect(hook.recipient).toBe('json hook');
  });

  it('a failing receiver: retried after 1, 5, 30 and 120 minutes, then on the dead-letter list', async () => {
    await ctx.ownerDb.delete(outbox);
    receiver.received.length = 0;
    receiver.status = 500;
    const [a] = await ctx.db.insert(alerts).values({ recipientId: 'u_hook_admin', event: 'privacy', key: 'privacy:9:3', title: 'Privacy flag: “Leaky”', body: 'b', link: '/experiments/9' }).returning({ id: alerts.id });
    expect(await queueWebhookAlerts(ctx.db, [a.id], 'https://uplift.example.test')).toBe(1); // only the JSON hook takes privacy
    let now = new Date('2031-07-01T08:00:00Z');
    const steps: string[] = [];
    for (const wait of [0, 1, 5, 30, 120]) {
      now = new Date(now.getTime() + wait * 60_000);
      if (wait) expect(await deliverOutbox(ctx.db, { webhook: webhookPoster(LOOPBACK) }, new Date(now.getTime() - 1000))).toEqual({ sent: 0, retrying: 0, dead: 0 });
      const r = await deliverOutbox(ctx.db, { webhook: webhookPoster(LOOPBACK) }, now);
      steps.push(`${r.retrying}/${r.dead}`);
    }
    expect(steps).toEqual(['1/0', '1/0', '1/0', '1/0', '0/1']);
    expect(receiver.received).toHaveLength(5);
    const letters = await listDeadLetters(ctx.db);
    expect(letters.map((l) => [l.channel, l.recipient, l.subject, l.attempts, l.lastError])).toEqual([['webhook', 'json hook', 'Privacy flag: “Leaky”', 5, 'The webhook answered HTTP 500: receiver failed.']]);
    receiver.status = 200;
  });

  it('email waits while no mail server is configured; webhooks still go', async () => {
    await ctx.ownerDb.delete(outbox);
    await ctx.db.insert(outbox).values({ key: 'email:x', recipient: 'a@example.test', subject: 'S', text: 'T' });
    expect(await deliverOutbox(ctx.db, { webhook: webhookPoster(LOOPBACK) })).toEqual({ sent: 0, retrying: 0, dead: 0 });
    expect((await ctx.db.select().from(outbox))[0].status).toBe('pending');
  });

  it('editing a webhook keeps its secret and is audited; an unchanged edit writes nothing; a gone one is refused', async () => {
    const before = (await getWebhook(ctx.db, ids.slack))!;
    expect(await updateWebhook(ctx.db, admin, ids.slack, { name: 'slack renamed', format: 'json', events: ['stale', 'privacy'], url: null })).toEqual({ ok: true, id: ids.slack, changed: true });
    expect(await updateWebhook(ctx.db, admin, ids.slack, { name: 'slack renamed', format: 'json', events: ['stale', 'privacy'], url: null })).toEqual({ ok: true, id: ids.slack, changed: false });
    const after = (await getWebhook(ctx.db, ids.slack))!;
    // No URL typed: the stored one stays, and so does the secret.
    expect([after.name, after.format, after.events, after.url, after.secretSealed]).toEqual(['slack renamed', 'json', ['stale', 'privacy'], before.url, before.secretSealed]);
    expect(await updateWebhook(ctx.db, admin, ids.slack, { name: 'slack hook', format: 'slack', events: ['stale'], url: receiver.url('/slack2') })).toMatchObject({ ok: true, changed: true });
    expect((await getWebhook(ctx.db, ids.slack))!.url).toBe(receiver.url('/slack2'));
    const trail = await ctx.db.select().from(auditLog).where(and(eq(auditLog.action, 'webhook.update'), eq(auditLog.entityId, String(ids.slack)))).orderBy(auditLog.id);
    expect(trail.map((t) => [t.before, t.after])).toEqual([
      [
        { name: 'slack hook', format: 'slack', target: receiver.url('/slack'), events: ['stale'], enabled: true },
        { name: 'slack renamed', format: 'json', target: receiver.url('/slack'), events: ['stale', 'privacy'], enabled: true },
      ],
      [
        { name: 'slack renamed', format: 'json', target: receiver.url('/slack'), events: ['stale', 'privacy'], enabled: true },
        { name: 'slack hook', format: 'slack', target: receiver.url('/slack2'), events: ['stale'], enabled: true },
      ],
    ]);
    expect(await updateWebhook(ctx.db, admin, 987_654, { name: 'x', format: 'json', events: ['stale'], url: null })).toEqual({ ok: false, reason: 'not_found', message: 'This webhook no longer exists.' });
    expect(await setWebhookEnabled(ctx.db, admin, 987_654, false)).toEqual({ ok: false, reason: 'not_found', message: 'This webhook no longer exists.' });
    expect(JSON.stringify(trail)).not.toContain('whsec_');
  });

  it('a webhook turned off gets no new alerts and its queued messages wait; turned on, they go', async () => {
    await ctx.ownerDb.delete(outbox);
    receiver.received.length = 0;
    const [queued] = await ctx.db.insert(alerts).values({ recipientId: 'u_hook_admin', event: 'stale', key: 'stale:10:x', title: 'queued before' }).returning({ id: alerts.id });
    expect(await queueWebhookAlerts(ctx.db, [queued.id], 'https://uplift.example.test')).toBe(3);
    expect(await setWebhookEnabled(ctx.db, admin, ids.json, false)).toEqual({ ok: true, id: ids.json, changed: true });
    expect(await setWebhookEnabled(ctx.db, admin, ids.json, false)).toEqual({ ok: true, id: ids.json, changed: false });
    const [later] = await ctx.db.insert(alerts).values({ recipientId: 'u_hook_admin', event: 'stale', key: 'stale:11:x', title: 'after' }).returning({ id: alerts.id });
    expect(await queueWebhookAlerts(ctx.db, [later.id], 'https://uplift.example.test')).toBe(2);
    const now = new Date('2031-07-02T08:00:00Z');
    expect(await deliverOutbox(ctx.db, { webhook: webhookPoster(LOOPBACK) }, now)).toEqual({ sent: 4, retrying: 1, dead: 0 });
    const [waiting] = await ctx.db.select({ recipient: outbox.recipient, lastError: outbox.lastError }).from(outbox).where(inArray(outbox.status, ['pending']));
    expect(waiting).toEqual({ recipient: 'json hook', lastError: 'The webhook is turned off.' });
    expect(await setWebhookEnabled(ctx.db, admin, ids.json, true)).toMatchObject({ ok: true, changed: true });
    expect(await deliverOutbox(ctx.db, { webhook: webhookPoster(LOOPBACK) }, new Date(now.getTime() + 60_000))).toEqual({ sent: 1, retrying: 0, dead: 0 });
    expect(receiver.received.map((r) => r.path).sort()).toEqual(['/json', '/slack2', '/slack2', '/teams', '/teams']);
    const trail = await ctx.db.select({ action: auditLog.action }).from(auditLog).where(and(inArray(auditLog.action, ['webhook.disable', 'webhook.enable']), eq(auditLog.entityId, String(ids.json)))).orderBy(auditLog.id);
    expect(trail.map((t) => t.action)).toEqual(['webhook.disable', 'webhook.enable']);
  });

  it('deleting a webhook drops its queued messages and is audited', async () => {
    await ctx.ownerDb.delete(outbox);
    const [a] = await ctx.db.insert(alerts).values({ recipientId: 'u_hook_admin', event: 'stale', key: 'stale:8:x', title: 't' }).returning({ id: alerts.id });
    expect(await queueWebhookAlerts(ctx.db, [a.id], 'https://uplift.example.test')).toBe(3);
    expect(await deleteWebhook(ctx.db, admin, ids.teams)).toEqual({ ok: true });
    expect(await deleteWebhook(ctx.db, admin, ids.teams)).toEqual({ ok: false, reason: 'not_found', message: 'This webhook no longer exists.' });
    expect((await ctx.db.select({ r: outbox.recipient }).from(outbox)).map((r) => r.r).sort()).toEqual(['json hook', 'slack hook']);
    const [entry] = await ctx.db.select().from(auditLog).where(eq(auditLog.action, 'webhook.delete'));
    expect(entry.before).toMatchObject({ name: 'teams hook', format: 'teams' });
    expect(openSecret(sealSecret('x', WEBHOOK_SECRET_PURPOSE), WEBHOOK_SECRET_PURPOSE)).toBe('x');
  });
});
