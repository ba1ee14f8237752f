// Issue 23: an alert is stored as what happened (message and values) with its English, and each reader reads it in
// their own language: the inbox, the immediate email and the digest; a backup of schema 0026 (no messages) still
// restores, its alerts shown as stored. On PGlite and PostgreSQL.
import { eq, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { buildDigest } from '@/db/queries/alerts/digest';
import { evaluateAlerts } from '@/db/queries/alerts/evaluate';
import { alertsToEmailNow, listInbox } from '@/db/queries/alerts/inbox';
import { aiModels, alerts, experiments, modelPrices, user } from '@/db/schema';
import { digestSections } from '@/lib/digest/sections';
import { renderAlertEmail } from '@/lib/mail/alert-email';
import { storedAlertText } from '@/lib/metrics/alert-text';
import { addModel, seedInsightsFixture, TODAY, type Fixture } from './insights-fixture';
import { asOlderBackup, backupFileOf, inFreshRestore } from './helpers/backup-roundtrip';
import { describeEachDb } from './helpers/db';

const OWNER = 'u_ko_owner';

describeEachDb('alerts in the reader’s language', (ctx) => {
  let fx: Fixture;
  let cand: number;

  beforeAll(async () => {
    fx = await seedInsightsFixture(ctx.db);
    await ctx.db.insert(user).values([
      { id: OWNER, name: '김민지', email: 'minji@example.test', role: 'lead', locale: 'ko' },
      { id: 'u_ko_exec', name: '박서준', email: 'seojun@example.test', role: 'executive', locale: 'ko' },
    ]);
    await ctx.db.update(experiments).set({ ownerId: OWNER }).where(sql`${experiments.id} in (${fx.exps.blocked}, ${fx.exps.leaky})`);
    cand = await addModel(ctx.db, { slug: 'fx-alert-cand', vendor: 'Dyn', released: '2031-01-01', score: '75.0', input: '2', output: '2' });
    await ctx.db.insert(modelPrices).values({ modelId: fx.models.cirrus, effectiveDate: '2031-06-01', inputUsdPerMtok: '0.75', outputUsdPerMtok: '0.75', source: 'fixture' });
    await ctx.db.update(aiModels).set({ retiredOn: '2031-08-01' }).where(eq(aiModels.id, fx.models.cirrus));
    await evaluateAlerts(ctx.db, TODAY, { dropPercent: 20 });
  });

  const mine = () => ctx.db.select().from(alerts).where(eq(alerts.recipientId, OWNER)).orderBy(alerts.key);

  it('stores each alert’s message and values beside its English', async () => {
    expect((await mine()).map((a) => [a.event, a.message, a.params, a.title])).toEqual([
      ['retest', 'retest', { experiment: 'Forecast scenarios', model: 'fx alert cand', vendor: 'Dyn', benchmark: 'GPQA Diamond' }, 'Re-test candidate for “Forecast scenarios”: fx alert cand'],
      ['retirement', 'retirement', { experiment: 'Contract review', model: 'fx cirrus', retiredOn: '2031-08-01' }, 'fx cirrus retires on 2031-08-01'],
      ['stale', 'stale', { experiment: 'Contract review', since: '2031-05-01', days: 30 }, 'No check-in for “Contract review” since 2031-05-01'],
    ]);
    expect(cand).toBeGreaterThan(0);
    // Rendered in English, every stored alert reads as its stored title and body.
    for (const a of await ctx.db.select().from(alerts)) expect(storedAlertText(a, 'en'), a.key).toEqual({ title: a.title, body: a.body });
  });

  it('the inbox and the immediate email speak Korean to a Korean reader', async () => {
    const inbox = (await listInbox(ctx.db, OWNER)).map((a) => storedAlertText(a, 'ko'));
    expect(inbox.map((a) => a.title).sort()).toEqual(['fx cirrus 지원 종료: 2031-08-01', '“Contract review”: 2031-05-01 이후 체크인 없음', '“Forecast scenarios”의 재테스트 후보: fx alert cand'].sort());
    expect(inbox.find((a) => a.title.startsWith('fx cirrus'))!.body).toBe(
      '진행 중인 내 실험 “Contract review”에서 사용하는 fx cirrus은(는) 공급업체가 2031-08-01에 지원을 종료합니다.',
    );
    const retirement = (await mine()).find((a) => a.event === 'retirement')!;
    const [row] = await alertsToEmailNow(ctx.db, [retirement.id]);
    const mail = renderAlertEmail(row, 'https://uplift.example.test');
    expect(mail.subject).toBe('[Uplift] fx cirrus 지원 종료: 2031-08-01');
    expect(mail.text.split('\n\n').slice(0, 2)).toEqual([
      '모델 지원 종료 예정: fx cirrus 지원 종료: 2031-08-01',
      '진행 중인 내 실험 “Contract review”에서 사용하는 fx cirrus은(는) 공급업체가 2031-08-01에 지원을 종료합니다.',
    ]);
    // The same alert to an English reader: as stored.
    expect(renderAlertEmail({ ...row, locale: null }, 'https://uplift.example.test').subject).toBe('[Uplift] fx cirrus retires on 2031-08-01');
  });

  it('the digest speaks Korean too, worded for a reader the alert does not concern', async () => {
    const d = (await buildDigest(ctx.db, 'u_ko_exec', TODAY, { dropPercent: 20 }))!;
    const attention = digestSections(d, 'ko').find((s) => s.id === 'attention')!;
    expect(attention.lines.find((l) => l.text.includes('체크인'))).toEqual({
      text: '“Contract review”: 2031-05-01 이후 체크인 없음',
      detail: '진행 중인 이 실험에 30일 이상 체크인이 없어 수치가 최신이 아닐 수 있습니다. 실험 담당자에게 체크인을 요청했습니다.',
      link: `/experiments/${fx.exps.leaky}`,
    });
    // In English, the digest still says what it said before.
    expect(digestSections(d, 'en').find((s) => s.id === 'attention')!.lines.find((l) => l.text.startsWith('No check-in'))!.detail).toBe(
      'This running experiment has had no check-in for 30 days or more, so its figures may be out of date; its owner has been asked for one.',
    );
  });

  it('a backup of schema 0026 restores; its alerts, without a message, are shown as stored', async () => {
    const old = await asOlderBackup(await backupFileOf(ctx.db), '0026_user_locale', { alerts: (k) => k === 'message' || k === 'params' });
    expect(Object.keys(old.tables.alerts[0])).not.toContain('message');
    const restored = await inFreshRestore(ctx.kind, old, async (db) => (await listInbox(db, OWNER)).map((a) => [a.message, storedAlertText(a, 'ko').title]));
    expect(restored.map(([, title]) => title).sort()).toEqual(
      ['No check-in for “Contract review” since 2031-05-01', 'Re-test candidate for “Forecast scenarios”: fx alert cand', 'fx cirrus retires on 2031-08-01'].sort(),
    );
    expect(restored.map(([message]) => message)).toEqual([null, null, null]);
  });
});
