import { describe, expect, it } from 'vitest';
import type { Digest } from '@/db/queries/alerts/digest';
import { renderDigestEmail } from '@/lib/digest/render';
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
