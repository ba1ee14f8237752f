import { chooseLocale, LOCALE_COOKIE, type Locale } from '@/i18n/locales';
import type { SessionUser } from '@/lib/auth/permissions';

/** One cookie's value from a Cookie header. */
function cookieValue(header: string | null, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/**
 * The language a download is written in: the requester's choice, the language cookie, the browser — the rule
 * of i18n/request.ts, read from the request itself so the file routes need no next-intl request scope.
 */
export function requestLocale(request: Request, user: Pick<SessionUser, 'locale'>): Locale {
  return chooseLocale({
    user: user.locale,
    cookie: cookieValue(request.headers.get('cookie'), LOCALE_COOKIE),
    acceptLanguage: request.headers.get('accept-language'),
  });
}
