import { eq } from 'drizzle-orm';
import { isLocale, type Locale } from '@/i18n/locales';
import { user } from '../../schema';
import type { Queryable } from '../../types';
import { writeAudit, type Actor } from '../admin/audit';
import { refuse, type WriteResult } from '../write-result';

/** Names the languages as the menu does (LOCALE_NAMES), each in itself. */
export const UNKNOWN_LOCALE = 'Uplift does not speak that language: choose English or 한국어, or the browser’s language.';

/**
 * The language a person reads Uplift in (i18n/locales.ts), or null to follow their browser. Checked here as
 * well as in the action: the column's check constraint would otherwise turn a bad value into a server error.
 * Audited like the other writes to a person's account; choosing the language they already have writes nothing.
 */
export async function setUserLocale(db: Queryable, actor: NonNullable<Actor>, locale: string | null): Promise<WriteResult<{ locale: Locale | null }>> {
  if (locale !== null && !isLocale(locale)) return refuse('invalid', UNKNOWN_LOCALE, 'locale');
  const [before] = await db.select({ locale: user.locale }).from(user).where(eq(user.id, actor.id));
  if (!before) return refuse('not_found', 'Your account no longer exists.');
  if (before.locale === locale) return { ok: true, locale };
  await db.update(user).set({ locale, updatedAt: new Date() }).where(eq(user.id, actor.id));
  await writeAudit(db, { actor, action: 'user.locale', entityType: 'user', entityId: actor.id, before, after: { locale } });
  return { ok: true, locale };
}
