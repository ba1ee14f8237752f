// The role × action table: sign-in and accounts (app/(auth)).
import { eq } from 'drizzle-orm';
import { resetPasswordAction, changePasswordAction, setupAction } from '@/app/(auth)/account-actions';
import { signIn, signOut } from '@/app/(auth)/actions';
import { setLocaleAction } from '@/app/(auth)/locale-actions';
import { BROWSER_LOCALE } from '@/components/layout/language-choice';
import { user } from '@/db/schema';
import { READ_ONLY } from '../action-effects';
import { DEMO_PASSWORD, SIGNED_IN, type Caller, type Fixtures } from '../security-harness';
import { EVERYONE, SIGN_OUT, type TableEntry } from './entry';

// Kept to English (en ↔ the browser's, which the harness sends none of): a caller left in Korean would read
// other entries' messages in Korean.
async function otherEnglishChoice(fx: Fixtures, caller: Caller) {
  if (caller === 'anon') return { locale: 'en' };
  const [row] = await fx.db.select({ locale: user.locale }).from(user).where(eq(user.id, fx.users[caller].id));
  return { locale: row?.locale === 'en' ? BROWSER_LOCALE : 'en' };
}

export const ACCOUNTS: TableEntry[] = [
  {
    name: 'auth: sign in',
    effect: { changes: ['session'] },
    allowed: EVERYONE,
    action: signIn,
    mayWrite: ['login_attempts'],
    input: () => ({ email: 'sofia@uplift.demo', password: DEMO_PASSWORD }),
  },
  {
    name: 'auth: choose the language (signed out: this browser’s cookie only)',
    effect: (caller) => (caller === 'anon' ? READ_ONLY : { changes: ['user'], audit: 'user.locale' }),
    allowed: EVERYONE,
    action: setLocaleAction,
    input: otherEnglishChoice,
  },
  { name: 'auth: sign out', allowed: EVERYONE, action: signOut, input: () => ({}), fuzz: false, effect: SIGN_OUT },
  {
    name: 'auth: change own password',
    effect: { changes: ['account'], audit: 'user.change-password' },
    allowed: SIGNED_IN,
    action: changePasswordAction,
    fuzzShare: 0.25,
    mayWrite: ['login_attempts'],
    // The same password again, so the demo accounts keep working for the other entries.
    input: () => ({ currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD, confirmPassword: DEMO_PASSWORD }),
  },
  {
    name: 'auth: set a password with a reset link',
    effect: { changes: ['account', 'password_reset_tokens'] },
    allowed: EVERYONE,
    action: resetPasswordAction,
    input: async (fx) => ({ token: await fx.resetToken(), newPassword: 'a long new passphrase', confirmPassword: 'a long new passphrase' }),
  },
  {
    name: 'auth: first-run setup (refused once any user exists)',
    allowed: [],
    refusal: () => 'invalid',
    action: setupAction,
    input: (fx) => ({ name: 'Mallory', email: `m${fx.uid()}@evil.test`, organisation: 'Evil', password: 'password123', confirmPassword: 'password123' }),
  },
];
