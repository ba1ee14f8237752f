'use server';

import { cookies } from 'next/headers';
import { getDb } from '@/db';
import { actorOf } from '@/db/queries/admin/audit';
import { UNKNOWN_LOCALE, setUserLocale } from '@/db/queries/people/locale';
import { formFields, writeRefused, type ActionState } from '@/lib/action-state';
import { getCurrentUser } from '@/lib/auth/session';
import { BROWSER_LOCALE } from '@/components/layout/language-choice';
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE, isLocale } from '@/i18n/locales';

/**
 * The language menu's choice (components/layout/language-menu.tsx): a language, or BROWSER_LOCALE to follow the
 * browser again. Signed in, it is the person's own (user.locale, audited) so it follows them to every device;
 * the cookie carries it before sign-in and on this browser. Anyone may call it: signed out it sets the cookie only.
 */
export async function setLocaleAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const me = await getCurrentUser();
  const { locale: chosen } = formFields(formData, ['locale']);
  if (chosen !== BROWSER_LOCALE && !isLocale(chosen)) return { error: UNKNOWN_LOCALE, fieldErrors: { locale: [UNKNOWN_LOCALE] } };
  const locale = isLocale(chosen) ? chosen : null;
  if (me) {
    const result = await (await getDb()).transaction((tx) => setUserLocale(tx, actorOf(me), locale));
    if (!result.ok) return writeRefused(result);
  }
  const jar = await cookies();
  if (locale) jar.set(LOCALE_COOKIE, locale, { path: '/', maxAge: LOCALE_COOKIE_MAX_AGE, sameSite: 'lax', httpOnly: true });
  else jar.delete(LOCALE_COOKIE);
  return { ok: true };
}
