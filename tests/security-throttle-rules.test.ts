// The throttling rules themselves (lib/auth/throttle.ts); how they are applied: tests/security-throttle.test.ts.
import { describe, expect, it } from 'vitest';
import { accountDelayMs, passwordChangeVerdict, signInVerdict, tooManyMessage, type PriorFailures } from '@/lib/auth/throttle';

const prior = (p: Partial<PriorFailures>): PriorFailures => ({ accountClient: 0, client: 0, account: 0, accountClientRetrySeconds: 0, clientRetrySeconds: 0, ...p });

describe('sign-in throttling rules', () => {
  it('refuses a client after 5 failures on the account, or 20 across accounts, saying when to come back', () => {
    expect(signInVerdict(prior({ accountClient: 4, account: 4 }), { trustedDevice: false })).toEqual({ refuse: false, delayMs: 0 });
    expect(signInVerdict(prior({ accountClient: 5, accountClientRetrySeconds: 61 }), { trustedDevice: true })).toEqual({ refuse: true, retryAfterSeconds: 61 });
    expect(signInVerdict(prior({ client: 19 }), { trustedDevice: false })).toEqual({ refuse: false, delayMs: 0 });
    expect(signInVerdict(prior({ client: 20, clientRetrySeconds: 300 }), { trustedDevice: false })).toEqual({ refuse: true, retryAfterSeconds: 300 });
  });

  it('never refuses on the account-wide count: untrusted clients wait longer and longer, the owner’s browser not at all', () => {
    expect([0, 4, 5, 6, 7, 8, 9, 10, 50, 10_000].map(accountDelayMs)).toEqual([0, 0, 500, 1000, 2000, 4000, 8000, 8000, 8000, 8000]);
    expect(signInVerdict(prior({ account: 1000 }), { trustedDevice: false })).toEqual({ refuse: false, delayMs: 8000 });
    expect(signInVerdict(prior({ account: 1000 }), { trustedDevice: true })).toEqual({ refuse: false, delayMs: 0 });
  });

  it('password changes: 5 wrong current passwords per user', () => {
    expect(passwordChangeVerdict(prior({ accountClient: 4 }))).toEqual({ refuse: false, delayMs: 0 });
    expect(passwordChangeVerdict(prior({ accountClient: 5, accountClientRetrySeconds: 1 }))).toEqual({ refuse: true, retryAfterSeconds: 1 });
  });

  it('says how many minutes to wait, at least one', () => {
    expect(tooManyMessage('failed sign-ins', 0)).toBe('Too many failed sign-ins. Try again in 1 minute.');
    expect(tooManyMessage('failed sign-ins', 61)).toBe('Too many failed sign-ins. Try again in 2 minutes.');
    expect(tooManyMessage('wrong current passwords', 900)).toBe('Too many wrong current passwords. Try again in 15 minutes.');
  });
});
