/**
 * The languages Uplift speaks, and how a request's language is chosen: the signed-in person's own choice
 * (user.locale), else the language cookie (set by the language menu, also before sign-in), else the
 * browser's Accept-Language, else English. No locale in the URL: links and bookmarks stay the same.
 */
export const LOCALES = ['en', 'ko'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';
export const LOCALE_COOKIE = 'uplift-locale';
/** A year: the choice outlives the session. */
export const LOCALE_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;
/** Each language named in itself, for the language menu. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', ko: '한국어' };

export const isLocale = (value: unknown): value is Locale => (LOCALES as readonly unknown[]).includes(value);
/** A supported language, or the default for anything else (next-intl's getLocale() gives a plain string). */
export const asLocale = (value: unknown): Locale => (isLocale(value) ? value : DEFAULT_LOCALE);

/** The first supported language in an Accept-Language header, by its q-values ("ko-KR,ko;q=0.9,en;q=0.8" → ko). */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { language: tag.trim().toLowerCase().split('-')[0], q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((r) => r.language && Number.isFinite(r.q) && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((r) => r.language).find(isLocale);
}

/** The request's language: the person's choice, the cookie, the browser, English — the first that is supported. */
export function chooseLocale(choices: { user?: string | null; cookie?: string | null; acceptLanguage?: string | null }): Locale {
  if (isLocale(choices.user)) return choices.user;
  if (isLocale(choices.cookie)) return choices.cookie;
  return localeFromAcceptLanguage(choices.acceptLanguage) ?? DEFAULT_LOCALE;
}
