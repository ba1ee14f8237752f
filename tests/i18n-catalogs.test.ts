import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { chooseLocale, localeFromAcceptLanguage } from '@/i18n/locales';
import { translatorFor } from '@/i18n/translator';
import { formatterFor } from '@/lib/format';
import { MESSAGES, MESSAGE_AREAS } from '@/messages';

type Catalog = { [key: string]: string | Catalog };

/** Every key path with its message: "nav.dashboard" → "Dashboard". */
function flatten(catalog: Catalog, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** The ICU arguments and rich-text tags a message takes ({count}, {name, plural, …}, <link>): a translation must take the same ones. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const e of elements) {
      if (e.type === TYPE.literal || e.type === TYPE.pound) continue;
      names.add(e.type === TYPE.tag ? `<${e.value}>` : e.value);
      if (e.type === TYPE.tag) walk(e.children);
      if (e.type === TYPE.plural || e.type === TYPE.select) for (const option of Object.values(e.options)) walk(option.value);
    }
  };
  walk(parse(message));
  return [...names].sort();
}

describe('the message catalogs', () => {
  for (const area of MESSAGE_AREAS) {
    it(`Korean ${area} has exactly English's keys, each with the same arguments and not left empty`, () => {
      const en = flatten(MESSAGES.en[area] as Catalog);
      const ko = flatten(MESSAGES.ko[area] as Catalog);
      expect([...ko.keys()].sort()).toEqual([...en.keys()].sort());
      for (const [key, message] of en) {
        expect(argumentsOf(ko.get(key)!), `${area}.${key}`).toEqual(argumentsOf(message));
        expect(ko.get(key)!.trim(), `${area}.${key}`).not.toBe('');
      }
    });
  }

  it('the argument check reads names inside plurals and tags, not the words of a branch or the # placeholder', () => {
    expect(argumentsOf('{count, plural, one {Every experiment by {owner}} other {# <b>experiments</b>}}')).toEqual(['<b>', 'count', 'owner']);
  });
});

describe('choosing the language', () => {
  it("takes the person's choice, then the cookie, then the browser, then English", () => {
    expect(chooseLocale({ user: 'ko', cookie: 'en', acceptLanguage: 'en' })).toBe('ko');
    expect(chooseLocale({ user: null, cookie: 'ko', acceptLanguage: 'en' })).toBe('ko');
    expect(chooseLocale({ user: 'fr', cookie: 'de', acceptLanguage: 'ko-KR,ko;q=0.9,en;q=0.8' })).toBe('ko');
    expect(chooseLocale({})).toBe('en');
  });

  it('reads Accept-Language by its q-values, skipping what Uplift does not speak', () => {
    expect(localeFromAcceptLanguage('fr-FR,fr;q=0.9,ko;q=0.8,en;q=0.7')).toBe('ko');
    expect(localeFromAcceptLanguage('en;q=0.5,ko;q=0.6')).toBe('ko');
    expect(localeFromAcceptLanguage('ko;q=0,en')).toBe('en');
    expect(localeFromAcceptLanguage('fr, de')).toBeUndefined();
    expect(localeFromAcceptLanguage('')).toBeUndefined();
  });
});

describe('formatting for the reader', () => {
  it('writes amounts, hours and shares the Korean way, and leaves English as it was', () => {
    const ko = formatterFor('ko');
    const en = formatterFor('en');
    expect(ko.formatMoneyCents(823_000_00, 'KRW')).toBe('₩823,000');
    expect(en.formatMoneyCents(823_000, 'USD')).toBe('$8,230');
    expect(ko.formatMoneyCents(823_000, 'USD')).toBe('US$8,230');
    expect(ko.formatHours(1238)).toBe('1,238시간');
    expect(en.formatHours(1)).toBe('1 hour');
    expect(ko.formatPercent(0.42)).toBe('42%');
    expect(ko.formatDate('2026-12-06T10:00:00Z')).toBe('2026-12-06');
  });

  it('a translator outside a request speaks the locale it is given', () => {
    expect(translatorFor('en', 'common')('count', { count: 1 })).toBe('1 item');
    expect(translatorFor('ko', 'common')('count', { count: 3 })).toBe('3개 항목');
    expect(translatorFor('ko', 'common')('save')).toBe('저장');
  });
});
