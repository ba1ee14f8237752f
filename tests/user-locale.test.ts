// The language a person chooses (db/queries/people/locale.ts): set, cleared to follow the browser again, and a
// language Uplift does not speak refused in one sentence with nothing written; on PGlite and PostgreSQL.
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { UNKNOWN_LOCALE, setUserLocale } from '@/db/queries/people/locale';
import { auditLog, user } from '@/db/schema';
import type { Db } from '@/db/types';
import { describeEachDb } from './helpers/db';

const ME = { id: 'u_locale_lead', email: 'locale.lead@example.test' };
const localeOf = async (db: Db) => (await db.select({ locale: user.locale }).from(user).where(eq(user.id, ME.id)))[0].locale;
const audits = async (db: Db) =>
  (await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(and(eq(auditLog.action, 'user.locale'), eq(auditLog.entityId, ME.id))))[0].n;

describeEachDb('a person’s language', (ctx) => {
  beforeAll(async () => {
    await ctx.db.insert(user).values({ ...ME, name: 'Locale lead', role: 'lead' as const });
  });

  it('sets Korean, then clears it to follow the browser, each change audited', async () => {
    expect(await ctx.db.transaction((tx) => setUserLocale(tx, ME, 'ko'))).toEqual({ ok: true, locale: 'ko' });
    expect(await localeOf(ctx.db)).toBe('ko');
    expect(await audits(ctx.db)).toBe(1);

    expect(await ctx.db.transaction((tx) => setUserLocale(tx, ME, null))).toEqual({ ok: true, locale: null });
    expect(await localeOf(ctx.db)).toBeNull();
    expect(await audits(ctx.db)).toBe(2);
  });

  it('choosing the language one already has writes nothing', async () => {
    expect(await ctx.db.transaction((tx) => setUserLocale(tx, ME, null))).toEqual({ ok: true, locale: null });
    expect(await audits(ctx.db)).toBe(2);
  });

  it('refuses a language Uplift does not speak, saying which it does, and writes nothing', async () => {
    await ctx.db.transaction((tx) => setUserLocale(tx, ME, 'ko'));
    const before = await audits(ctx.db);
    const result = await ctx.db.transaction((tx) => setUserLocale(tx, ME, 'fr'));
    expect(result).toEqual({ ok: false, reason: 'invalid', field: 'locale', message: UNKNOWN_LOCALE });
    expect(UNKNOWN_LOCALE).toBe('Uplift does not speak that language: choose English or 한국어, or the browser’s language.');
    expect(await localeOf(ctx.db)).toBe('ko');
    expect(await audits(ctx.db)).toBe(before);
  });

  it('refuses a person who no longer exists', async () => {
    const result = await ctx.db.transaction((tx) => setUserLocale(tx, { id: 'u_gone', email: 'gone@example.test' }, 'ko'));
    expect(result).toMatchObject({ ok: false, reason: 'not_found' });
  });
});
