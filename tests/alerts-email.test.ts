// Issue 20 §3 and §5: alert emails go through the outbox to a real SMTP server started here (smtp-server on
// loopback, port 0); an unreachable server means retries with backoff, then the dead-letter list, and a resend.
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { enqueue, listDeadLetters, resendDeadLetter } from '@/db/queries/alerts/outbox';
import { auditLog, outbox } from '@/db/schema';
import { deliverOutbox } from '@/lib/mail/deliver';
import { renderAlertEmail } from '@/lib/mail/alert-email';
import { smtpSender } from '@/lib/mail/transport';
import { describeEachDb } from './helpers/db';

type Received = { from: string; to: string[]; subject: string; text: string; html: string; headers: Map<string, unknown> };
const received: Received[] = [];
let server: SMTPServer;
let port = 0;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      simpleParser(stream)
        .then((mail) => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
            headers: mail.headers,
          });
          done();
        })
        .catch(done);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const env = () => ({ UPLIFT_SMTP_URL: `smtp://127.0.0.1:${port}`, UPLIFT_MAIL_FROM: 'Uplift <uplift@example.test>' });

describeEachDb('alert email through the outbox', (ctx) => {
  it('sends a queued alert once: recipient, subject, plain-text and HTML parts', async () => {
    received.length = 0;
    const mail = renderAlertEmail({ id: 7, email: 'owner@example.test', name: 'Owner', event: 'stale', title: 'No check-in for “Triage” since 2031-05-01', body: 'Add one <now>.', link: '/experiments/3' }, 'https://uplift.example.test');
    expect(await enqueue(ctx.db, [mail])).toBe(1);
    expect(await enqueue(ctx.db, [mail])).toBe(0); // the same alert is never queued twice
    const now = new Date();
    expect(await deliverOutbox(ctx.db, { email: smtpSender(env()) }, now)).toEqual({ sent: 1, retrying: 0, dead: 0 });
    expect(await deliverOutbox(ctx.db, { email: smtpSender(env()) }, now)).toEqual({ sent: 0, retrying: 0, dead: 0 });
    expect(received).toHaveLength(1);
    const [m] = received;
    expect(m.from).toBe('uplift@example.test');
    expect(m.to).toEqual(['owner@example.test']);
    expect(m.subject).toBe('[Uplift] No check-in for “Triage” since 2031-05-01');
    expect(m.text).toBe(
      'No check-in: No check-in for “Triage” since 2031-05-01\n\nAdd one <now>.\n\nOpen: https://uplift.example.test/experiments/3\n\nYour alerts and preferences: https://uplift.example.test/inbox\n',
    );
    expect(m.html).toContain('<p>Add one &lt;now&gt;.</p>');
    expect(m.html).toContain('<a href="https://uplift.example.test/experiments/3" style="color:#2563eb">Open in Uplift</a>');
  });

  it('an unreachable SMTP server: retries after 1, 5, 30 and 120 minutes, then the dead-letter list; a resend is audited', async () => {
    await ctx.ownerDb.delete(outbox);
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    const dead = smtpSender({ UPLIFT_SMTP_URL: 'smtp://127.0.0.1:1', UPLIFT_MAIL_FROM: 'uplift@example.test' });
    await enqueue(ctx.db, [{ key: 'k:dead', recipient: 'lead@example.test', subject: 'S', text: 'T', html: '<p>T</p>' }]);
    let now = new Date('2031-06-30T08:00:00Z');
    const started = Date.now();
    const steps: string[] = [];
    for (const wait of [0, 1, 5, 30, 120]) {
      now = new Date(now.getTime() + wait * 60_000);
      // Just before the retry is due, nothing is tried.
      if (wait) expect(await deliverOutbox(ctx.db, { email: dead }, new Date(now.getTime() - 1000))).toEqual({ sent: 0, retrying: 0, dead: 0 });
      const r = await deliverOutbox(ctx.db, { email: dead }, now);
      steps.push(`${r.retrying}/${r.dead}`);
    }
    expect(steps).toEqual(['1/0', '1/0', '1/0', '1/0', '0/1']);
    expect(Date.now() - started).toBeLessThan(5000);
    const letters = await listDeadLetters(ctx.db);
    expect(letters.map((l) => [l.recipient, l.subject, l.attempts])).toEqual([['lead@example.test', 'S', 5]]);
    expect(letters[0].lastError).toMatch(/ECONNREFUSED/);
    expect(await resendDeadLetter(ctx.db, { id: 'u_admin', email: 'admin@example.test' }, letters[0].id)).toEqual({ ok: true });
    expect(await resendDeadLetter(ctx.db, { id: 'u_admin', email: 'admin@example.test' }, letters[0].id)).toEqual({ ok: false, reason: 'not_found', message: 'This message is no longer on the dead-letter list.' });
    expect((await ctx.db.select().from(auditLog).where(eq(auditLog.action, 'outbox.resend'))).map((a) => a.entityId)).toEqual([String(letters[0].id)]);
    // Back in the queue: the working server now takes it.
    received.length = 0;
    expect(await deliverOutbox(ctx.db, { email: smtpSender(env()) }, new Date())).toEqual({ sent: 1, retrying: 0, dead: 0 });
    expect(received.map((m) => m.to)).toEqual([['lead@example.test']]);
  });
});
