import { describe, expect, it } from 'vitest';
import type { Digest } from '@/db/queries/alerts/digest';
import { renderDigestEmail } from '@/lib/digest/render';
import { digestSections } from '@/lib/digest/sections';
import { summarizeConcentration, sharesOf } from '@/lib/metrics/concentration';
import { renderAlertEmail } from '@/lib/mail/alert-email';

const BASE = 'https://uplift.example.test';

const week = (locale: string | null): Digest => ({
  from: '2031-06-24',
  to: '2031-06-30',
  slot: '2031-W27',
  person: { id: 'u', name: '김민지', email: 'u@example.test', role: 'lead', locale },
  outcomes: [{ type: 'insight', experiment: 'Triage', team: 'Support', impact: 4, description: 'd', experimentId: 3 }],
  newModels: [{ name: 'GPT-6', vendor: 'OpenAI', releaseDate: '2031-06-25' }],
  priceMoves: [],
  retest: [],
  privacy: [],
  attention: Array.from({ length: 12 }, (_, i) => ({ title: `Item ${i + 1}`, body: 'b', link: `/experiments/${i + 1}` })),
  concentration: null,
}) as unknown as Digest;

describe('mails in the recipient’s language', () => {
  it('a Korean digest: subject, headings, lines and footer in Korean; dates stay ISO', () => {
    const mail = renderDigestEmail(week('ko'), BASE, 'https://u/x');
    expect(mail.subject).toBe('[Uplift] 이번 주 요약: 2031-06-24 ~ 2031-06-30');
    expect(mail.text).toContain('김민지님의 Uplift 주간 요약, 2031-06-24 ~ 2031-06-30');
    expect(mail.text).toContain('새 역량 성과\n- “Triage”(Support)의 통찰, 영향도 4/5');
    expect(mail.text).toContain('새 모델\n- GPT-6(OpenAI), 2031-06-25 출시');
    expect(mail.text).toContain('확인 필요');
    expect(mail.text).toContain('- …외 2건은 알림함에서 확인하세요');
    expect(mail.text).toContain('주간 요약 받지 않기: https://u/x');
    expect(mail.html).toContain('>수신 거부</a>');
    expect(mail.html).toContain('김민지님의 이번 주');
    expect(mail.html).not.toMatch(/Your week|Unsubscribe/);
    // A person who chose no language gets English, as before.
    expect(renderDigestEmail(week(null), BASE, 'https://u/x').subject).toBe('[Uplift] Your week: 2031-06-24 to 2031-06-30');
    expect(renderDigestEmail(week(null), BASE, 'https://u/x').text).toContain('- …and 2 more in your alerts');
  });

  it('the concentration line in the recipient’s language: the dashboard’s sentence, then the bills by vendor', () => {
    // Acme 8, Dyn 3, Cirrus 1, Zed 1 of 13: HHI (64 + 9 + 1 + 1) / 169 = 0.44.
    const weights = { Acme: 8, Dyn: 3, Cirrus: 1, Zed: 1 };
    const concentration = { from: '2031-04-02', to: '2031-06-30', scope: 'organisation', summary: summarizeConcentration(weights), shares: sharesOf(weights) };
    const lines = (locale: string | null) => digestSections({ ...week(locale), concentration } as Digest, locale === 'ko' ? 'ko' : 'en').find((s) => s.id === 'concentration');
    expect(lines('ko')).toEqual({
      id: 'concentration',
      title: '집중도',
      count: 1,
      lines: [
        {
          text: '청구 지출 기준 집중도: HHI 0.44(0.25 초과: 집중됨), 청구액 중 Acme 비중 62%',
          detail: '조직의 AI 청구액(2031-04-02 ~ 2031-06-30): Acme 62%, Dyn 23%, Cirrus 8%, 기타 1곳 8%.',
          link: '/dashboard#telemetry-heading',
        },
      ],
    });
    expect(lines(null)?.lines[0].text).toBe('Concentration by billed spend: HHI 0.44 (above 0.25: concentrated); Acme has 62% of the bill');
    const mail = renderDigestEmail({ ...week('ko'), concentration } as Digest, BASE, 'https://u/x');
    expect(mail.text).toContain('집중도\n- 청구 지출 기준 집중도: HHI 0.44(0.25 초과: 집중됨), 청구액 중 Acme 비중 62%\n');
    expect(mail.html).not.toContain('Concentration by billed spend');
  });

  it('a Korean alert: the event, the links and the footer in Korean; the alert’s own title and body as stored', () => {
    const alert = { id: 7, email: 'owner@example.test', name: 'Owner', event: 'stale', title: 'No check-in for “Triage” since 2031-05-01', body: 'Add one <now>.', link: '/experiments/3' };
    const ko = renderAlertEmail({ ...alert, locale: 'ko' }, BASE);
    expect(ko.subject).toBe('[Uplift] No check-in for “Triage” since 2031-05-01');
    expect(ko.text).toBe(
      '체크인 없음: No check-in for “Triage” since 2031-05-01\n\nAdd one <now>.\n\n열기: https://uplift.example.test/experiments/3\n\n알림 및 알림 설정: https://uplift.example.test/inbox\n',
    );
    expect(ko.html).toContain('<a href="https://uplift.example.test/experiments/3" style="color:#2563eb">Uplift에서 열기</a>');
    expect(ko.html).toContain('받을 알림 선택: <a href=');
    expect(renderAlertEmail({ ...alert, locale: null }, BASE).text).toBe(renderAlertEmail(alert, BASE).text);
    expect(renderAlertEmail(alert, BASE).text.startsWith('No check-in: ')).toBe(true);
  });
});
