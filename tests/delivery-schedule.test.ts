// Issue 20 §5: retries go out on time. The deliver job runs every minute (its own slot per UTC minute, whatever
// UPLIFT_ALERTS says), so a retry due 1, 5, 30 or 120 minutes after a failure is sent less than a minute late.
// Also: a malformed UPLIFT_SMTP_URL is one clear sentence at start, not a failed send later.
import { describe, expect, it } from 'vitest';
import { getJob } from '@/lib/jobs/registry';
import { firstTickAtOrAfter, slotFor, TICK_MS } from '@/lib/jobs/schedule';
import { redactedSmtpUrl, smtpConfigProblem } from '@/lib/mail/smtp-config';
import { smtpSender } from '@/lib/mail/transport';
import { nextAttempt, RETRY_DELAYS_MINUTES } from '@/lib/metrics/outbox-retry';

describe('the delivery schedule', () => {
  it('the deliver job is minutely whatever the alerts schedule, and each minute is its own slot', () => {
    const deliver = getJob('deliver')!;
    expect([deliver.schedule({}), deliver.schedule({ UPLIFT_ALERTS: 'weekly' })]).toEqual(['minutely', 'minutely']);
    expect(slotFor('minutely', new Date('2031-06-30T08:00:00.000Z'))).toBe('2031-06-30T08:00');
    expect(slotFor('minutely', new Date('2031-06-30T08:00:59.999Z'))).toBe('2031-06-30T08:00');
    expect(slotFor('minutely', new Date('2031-06-30T08:01:00.000Z'))).toBe('2031-06-30T08:01');
  });

  it('the first tick at or after a due time', () => {
    const first = new Date('2031-06-30T08:00:30Z');
    expect(firstTickAtOrAfter(new Date('2031-06-30T08:00:00Z'), first).toISOString()).toBe('2031-06-30T08:00:30.000Z');
    expect(firstTickAtOrAfter(new Date('2031-06-30T08:00:30Z'), first).toISOString()).toBe('2031-06-30T08:00:30.000Z');
    expect(firstTickAtOrAfter(new Date('2031-06-30T08:00:30.001Z'), first).toISOString()).toBe('2031-06-30T08:01:30.000Z');
    expect(firstTickAtOrAfter(new Date('2031-06-30T09:59:59Z'), first).toISOString()).toBe('2031-06-30T10:00:30.000Z');
  });

  it('every retry is sent within one tick of being due, never before, and at a slot not yet run', () => {
    const firstTick = new Date('2031-06-30T08:00:17.250Z');
    // Failures at many moments: the chain of retries each lands on the first tick after its due time.
    for (let offset = 0; offset < 120_000; offset += 7_333) {
      let failedAt = new Date(firstTick.getTime() + 5_000 + offset);
      const lateness: number[] = [];
      const slots = new Set<string>();
      for (let attempt = 1; attempt <= RETRY_DELAYS_MINUTES.length; attempt++) {
        const due = nextAttempt(attempt, failedAt)!;
        expect((due.getTime() - failedAt.getTime()) / 60_000).toBe(RETRY_DELAYS_MINUTES[attempt - 1]);
        const sentAt = firstTickAtOrAfter(due, firstTick);
        lateness.push(sentAt.getTime() - due.getTime());
        slots.add(slotFor('minutely', sentAt)!);
        failedAt = sentAt;
      }
      expect(lateness.every((ms) => ms >= 0 && ms < TICK_MS)).toBe(true);
      expect(slots.size).toBe(RETRY_DELAYS_MINUTES.length);
    }
    expect(nextAttempt(5, new Date())).toBeNull();
  });
});

describe('the SMTP settings, checked at start', () => {
  const from = { UPLIFT_MAIL_FROM: 'Uplift <uplift@example.com>' };
  it('accepts smtp:// and smtps:// URLs with an address to send from; email off is no problem', () => {
    expect(smtpConfigProblem({})).toBeNull();
    expect(smtpConfigProblem({ UPLIFT_SMTP_URL: 'smtp://user:p%40ss@mail.example.com:587', ...from })).toBeNull();
    expect(smtpConfigProblem({ UPLIFT_SMTP_URL: 'smtps://mail.example.com:465', UPLIFT_MAIL_FROM: 'uplift@example.com' })).toBeNull();
  });

  it('names what is wrong, in one sentence, without the password', () => {
    expect(smtpConfigProblem({ UPLIFT_SMTP_URL: 'mail.example.com:587', ...from })).toBe('UPLIFT_SMTP_URL must start with smtp:// or smtps:// (it starts with mail.example.com://).');
    expect(smtpConfigProblem({ UPLIFT_SMTP_URL: 'smtp://user:secret@mail example.com:587', ...from })).toBe(
      'UPLIFT_SMTP_URL is not a valid URL ("smtp://user:•••@mail example.com:587"): expected smtp://user:password@mail.example.com:587 (or smtps://… for port 465); encode special characters of the password with %XX.',
    );
    expect(smtpConfigProblem({ UPLIFT_SMTP_URL: 'http://mail.example.com', ...from })).toBe('UPLIFT_SMTP_URL must start with smtp:// or smtps:// (it starts with http://).');
    expect(smtpConfigProblem({ UPLIFT_SMTP_URL: 'smtp://mail.example.com:99999', ...from })).toMatch(/^UPLIFT_SMTP_URL is not a valid URL/);
    expect(smtpConfigProblem({ UPLIFT_SMTP_URL: 'smtp://user:%E0%A4%A@mail.example.com', ...from })).toBe(
      'UPLIFT_SMTP_URL has a badly encoded user name or password: write special characters as %XX (e.g. %40 for @).',
    );
    expect(smtpConfigProblem({ UPLIFT_SMTP_URL: 'smtp://mail.example.com' })).toBe('UPLIFT_MAIL_FROM must be set with UPLIFT_SMTP_URL, e.g. "Uplift <uplift@example.com>".');
    expect(smtpConfigProblem({ UPLIFT_SMTP_URL: 'smtp://mail.example.com', UPLIFT_MAIL_FROM: 'Uplift' })).toBe(
      'UPLIFT_MAIL_FROM is not an email address ("Uplift"): write it as uplift@example.com or "Uplift <uplift@example.com>".',
    );
    expect(redactedSmtpUrl('smtp://me:hunter2@mail.example.com:587')).toBe('smtp://me:•••@mail.example.com:587');
  });

  it('the sender refuses a malformed URL with the same sentence before any connection', () => {
    expect(() => smtpSender({ UPLIFT_SMTP_URL: 'http://mail.example.com', UPLIFT_MAIL_FROM: 'uplift@example.com' })).toThrow(
      'UPLIFT_SMTP_URL must start with smtp:// or smtps:// (it starts with http://).',
    );
  });
});
