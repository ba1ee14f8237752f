// Issue 23: an alert's words come from its message and values, in the reader's language. The English must stay
// exactly what the detectors wrote before (it is still stored, and webhooks send it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALERT_MESSAGES, alertText, parseAlertMessage, storedAlertText, type AlertMessage, type AlertParams } from '@/lib/metrics/alert-text';

const retest: AlertParams['retest'] = { experiment: 'Forecast scenarios', model: 'fx alert cand', vendor: 'Dyn', benchmark: 'GPQA Diamond' };
const privacy: AlertParams['privacy'] = { experiment: 'Contract review', team: 'Fixture Beta', sensitivity: 'confidential', models: ['fx cirrus', 'fx nimbus'] };
const retirement: AlertParams['retirement'] = { experiment: 'Contract review', model: 'fx cirrus', retiredOn: '2031-08-01' };
const stale: AlertParams['stale'] = { experiment: 'Contract review', since: '2031-05-01', days: 30 };
const priceDrop: AlertParams['priceDrop'] = { model: 'fx cirrus', percent: 25, before: 1, after: 0.75, from: '2031-06-01', team: 'Fixture Beta' };
const rival: AlertParams['rival'] = { experiment: 'Public FAQ', rival: 'fx alert rival', vendor: 'Dyn', model: 'fx cirrus', rivalScore: 25, modelScore: 20.04, rivalPrice: 0.3, modelPrice: 0.75 };

/** The detectors' English templates before issue 23 (db/queries/alerts/detect.ts), to hold the catalog to them. */
const score = (n: number) => String(Number(n.toFixed(1)));
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
function before(m: AlertMessage): { title: string; body: string; readerBody?: string } {
  switch (m.name) {
    case 'retest': {
      const p = m.params;
      return { title: `Re-test candidate for “${p.experiment}”: ${p.model}`, body: `${p.model} (${p.vendor}) may clear the bar this blocked experiment set on ${p.benchmark}.` };
    }
    case 'privacy': {
      const p = m.params;
      return { title: `Privacy flag: “${p.experiment}” (${p.team})`, body: `${capitalised(p.sensitivity ?? 'sensitive')} data goes to ${p.models.join(', ') || 'a model'} whose provider may train on it.` };
    }
    case 'retirement': {
      const { experiment: title, model, retiredOn } = m.params;
      return {
        title: `${model} retires on ${retiredOn}`,
        body: `Your running experiment “${title}” uses ${model}, which the vendor retires on ${retiredOn}.`,
        readerBody: `The running experiment “${title}” uses ${model}, which the vendor retires on ${retiredOn}; its owner has been told.`,
      };
    }
    case 'stale': {
      const p = m.params;
      return {
        title: `No check-in for “${p.experiment}” since ${p.since}`,
        body: `Your running experiment has had no check-in for ${p.days} days or more: add one so its figures stay current.`,
        readerBody: `This running experiment has had no check-in for ${p.days} days or more, so its figures may be out of date; its owner has been asked for one.`,
      };
    }
    case 'priceDrop': {
      const p = m.params;
      return {
        title: `${p.model} is ${p.percent}% cheaper`,
        body: `Blended price $${p.before.toFixed(2)} → $${p.after.toFixed(2)} per million tokens from ${p.from}; your team uses it.`,
        readerBody: `Blended price $${p.before.toFixed(2)} → $${p.after.toFixed(2)} per million tokens from ${p.from}; ${p.team} uses it.`,
      };
    }
    case 'rival': {
      const p = m.params;
      return {
        title: `${p.rival} scores as high as ${p.model} at half the price or less`,
        body: `For “${p.experiment}”: ${p.rival} (${p.vendor}) scores ${score(p.rivalScore)} against ${score(p.modelScore)} at $${p.rivalPrice.toFixed(2)} instead of $${p.modelPrice.toFixed(2)} per million tokens.`,
      };
    }
  }
}

describe('alert texts', () => {
  it('English: each message, for its recipient and for another reader, word for word', () => {
    expect(alertText({ name: 'retest', params: retest }, 'en')).toEqual({
      title: 'Re-test candidate for “Forecast scenarios”: fx alert cand',
      body: 'fx alert cand (Dyn) may clear the bar this blocked experiment set on GPQA Diamond.',
    });
    expect(alertText({ name: 'privacy', params: privacy }, 'en')).toEqual({
      title: 'Privacy flag: “Contract review” (Fixture Beta)',
      body: 'Confidential data goes to fx cirrus, fx nimbus whose provider may train on it.',
    });
    expect(alertText({ name: 'retirement', params: retirement }, 'en')).toEqual({
      title: 'fx cirrus retires on 2031-08-01',
      body: 'Your running experiment “Contract review” uses fx cirrus, which the vendor retires on 2031-08-01.',
    });
    expect(alertText({ name: 'retirement', params: retirement }, 'en', 'reader').body).toBe(
      'The running experiment “Contract review” uses fx cirrus, which the vendor retires on 2031-08-01; its owner has been told.',
    );
    expect(alertText({ name: 'stale', params: stale }, 'en')).toEqual({
      title: 'No check-in for “Contract review” since 2031-05-01',
      body: 'Your running experiment has had no check-in for 30 days or more: add one so its figures stay current.',
    });
    expect(alertText({ name: 'stale', params: stale }, 'en', 'reader').body).toBe(
      'This running experiment has had no check-in for 30 days or more, so its figures may be out of date; its owner has been asked for one.',
    );
    expect(alertText({ name: 'priceDrop', params: priceDrop }, 'en')).toEqual({
      title: 'fx cirrus is 25% cheaper',
      body: 'Blended price $1.00 → $0.75 per million tokens from 2031-06-01; your team uses it.',
    });
    expect(alertText({ name: 'priceDrop', params: priceDrop }, 'en', 'reader').body).toBe('Blended price $1.00 → $0.75 per million tokens from 2031-06-01; Fixture Beta uses it.');
    expect(alertText({ name: 'rival', params: rival }, 'en')).toEqual({
      title: 'fx alert rival scores as high as fx cirrus at half the price or less',
      body: 'For “Public FAQ”: fx alert rival (Dyn) scores 25 against 20 at $0.30 instead of $0.75 per million tokens.',
    });
  });

  it('English is what the detectors wrote before, edge values too (no models, no sensitivity, sub-dollar and four-figure values)', () => {
    const cases: AlertMessage[] = [
      { name: 'retest', params: retest },
      { name: 'privacy', params: privacy },
      { name: 'privacy', params: { ...privacy, sensitivity: null, models: [] } },
      { name: 'privacy', params: { ...privacy, sensitivity: 'restricted', models: ['One'] } },
      { name: 'retirement', params: retirement },
      { name: 'stale', params: stale },
      { name: 'priceDrop', params: priceDrop },
      { name: 'priceDrop', params: { ...priceDrop, percent: 63, before: 1234.5, after: 0.2625 } },
      { name: 'rival', params: rival },
      { name: 'rival', params: { ...rival, rivalScore: 1312.46, modelScore: 85.25, rivalPrice: 0.375, modelPrice: 1500 } },
    ];
    for (const m of cases) {
      const was = before(m);
      expect(alertText(m, 'en', 'recipient')).toEqual({ title: was.title, body: was.body });
      expect(alertText(m, 'en', 'reader')).toEqual({ title: was.title, body: was.readerBody ?? was.body });
    }
  });

  it('Korean: each message, for its recipient and for another reader, word for word', () => {
    expect(alertText({ name: 'retest', params: retest }, 'ko')).toEqual({
      title: '“Forecast scenarios”의 재테스트 후보: fx alert cand',
      body: 'fx alert cand(Dyn)이(가) 보류된 이 실험이 GPQA Diamond에 설정한 기준을 넘을 수 있습니다.',
    });
    expect(alertText({ name: 'privacy', params: privacy }, 'ko')).toEqual({
      title: '개인정보 플래그: “Contract review”(Fixture Beta)',
      body: '기밀 데이터가 fx cirrus, fx nimbus(으)로 전송되며, 이 모델의 제공업체는 데이터를 학습에 사용할 수 있습니다.',
    });
    expect(alertText({ name: 'privacy', params: { ...privacy, sensitivity: null, models: [] } }, 'ko').body).toBe(
      '민감한 데이터가 어떤 모델(으)로 전송되며, 이 모델의 제공업체는 데이터를 학습에 사용할 수 있습니다.',
    );
    expect(alertText({ name: 'retirement', params: retirement }, 'ko')).toEqual({
      title: 'fx cirrus 지원 종료: 2031-08-01',
      body: '진행 중인 내 실험 “Contract review”에서 사용하는 fx cirrus은(는) 공급업체가 2031-08-01에 지원을 종료합니다.',
    });
    expect(alertText({ name: 'retirement', params: retirement }, 'ko', 'reader').body).toBe(
      '진행 중인 실험 “Contract review”에서 사용하는 fx cirrus은(는) 공급업체가 2031-08-01에 지원을 종료합니다. 실험 담당자에게 알렸습니다.',
    );
    expect(alertText({ name: 'stale', params: stale }, 'ko')).toEqual({
      title: '“Contract review”: 2031-05-01 이후 체크인 없음',
      body: '진행 중인 내 실험에 30일 이상 체크인이 없습니다. 수치가 최신 상태로 유지되도록 체크인을 추가하세요.',
    });
    expect(alertText({ name: 'stale', params: stale }, 'ko', 'reader').body).toBe(
      '진행 중인 이 실험에 30일 이상 체크인이 없어 수치가 최신이 아닐 수 있습니다. 실험 담당자에게 체크인을 요청했습니다.',
    );
    expect(alertText({ name: 'priceDrop', params: priceDrop }, 'ko')).toEqual({
      title: 'fx cirrus 가격 25% 인하',
      body: '혼합 가격: 100만 토큰당 US$1.00 → US$0.75, 2031-06-01부터 적용. 내 팀이 사용하는 모델입니다.',
    });
    expect(alertText({ name: 'priceDrop', params: priceDrop }, 'ko', 'reader').body).toBe(
      '혼합 가격: 100만 토큰당 US$1.00 → US$0.75, 2031-06-01부터 적용. Fixture Beta 팀이 사용하는 모델입니다.',
    );
    expect(alertText({ name: 'rival', params: rival }, 'ko')).toEqual({
      title: 'fx alert rival: fx cirrus만큼 높은 점수, 가격은 절반 이하',
      body: '“Public FAQ”: fx alert rival(Dyn)의 점수는 25(현재 모델 20)이고, 가격은 100만 토큰당 US$0.75 대신 US$0.30입니다.',
    });
  });

  it('a stored alert: from its message when it has one that reads right, else as stored', () => {
    const stored = { title: 'Stored title', body: 'Stored body' };
    expect(storedAlertText({ ...stored, message: 'stale', params: stale }, 'ko').title).toBe('“Contract review”: 2031-05-01 이후 체크인 없음');
    // Raised before 0027, a message this version does not know, or values that do not fit it.
    expect(storedAlertText({ ...stored, message: null, params: null }, 'ko')).toEqual(stored);
    expect(storedAlertText(stored, 'ko')).toEqual(stored);
    expect(storedAlertText({ ...stored, message: 'toString', params: {} }, 'ko')).toEqual(stored);
    expect(storedAlertText({ ...stored, message: 'stale', params: { ...stale, days: 'thirty' } }, 'ko')).toEqual(stored);
    expect(parseAlertMessage('retest', retest)).toEqual({ name: 'retest', params: retest });
  });

  it('names the messages the database accepts (migration 0027’s check)', () => {
    const sql = readFileSync(join(__dirname, '..', 'db', 'migrations', '0027_alert_messages.sql'), 'utf8');
    const listed = /"message" in \(([^)]*)\)/.exec(sql)![1].split(',').map((s) => s.trim().replace(/'/g, ''));
    expect(listed).toEqual(ALERT_MESSAGES);
  });
});
