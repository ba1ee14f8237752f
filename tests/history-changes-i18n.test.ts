import { describe, expect, it } from 'vitest';
import { historyChanges } from '@/components/experiments/history-changes';
import { translatorFor } from '@/i18n/translator';
import { formatterFor } from '@/lib/format';
import { describeChanges } from '@/lib/history/describe-change';

const names = {
  teams: new Map([[2, 'Finance'], [3, 'Marketing']]),
  models: new Map([['claude-sonnet-4-6', 'Claude Sonnet 4.6'], ['gpt-4o', 'GPT-4o']]),
  currency: 'EUR',
};
const words = (locale: 'en' | 'ko') => ({ t: translatorFor(locale, 'experiments'), tl: translatorFor(locale, 'labels'), tc: translatorFor(locale, 'common'), f: formatterFor(locale) });

// Every field describeChanges knows, set and unset, plus codes and fields it does not know.
const before = {
  title: 'Old', teamId: 2, description: '', hypothesis: null, exploration: false, targetMetric: 'x', workType: null, mindset: 'accelerate', status: 'proposed',
  startDate: '2026-01-01', endDate: null, reasoningUsed: false, dataSensitivity: null, participants: 'a', participantCount: 1234, hoursBeforePerTask: '1250',
  hoursWithAiPerTask: '1', tasksPerMonth: '2.5', spendMonthlyCents: null, spendOneOffCents: 123_450, spendOneOffDate: null, qualityBefore: null, qualityAfter: 3,
  blockedByModel: null, blockerMissing: '', blockerBenchmark: 'gpqa', blockerMinScore: '80.25', blockerMaxPriceUsd: null, learnings: 'l', conclusion: null,
  privacyMitigation: '', models: [], unknownField: { a: 1 }, status2: 'odd',
};
const after = {
  title: 'New', teamId: 9, description: 'd', hypothesis: 'h', exploration: true, targetMetric: '', workType: 'analysis', mindset: 'new_capability', status: 'retired',
  startDate: null, endDate: '2026-02-01', reasoningUsed: true, dataSensitivity: 'confidential', participants: '', participantCount: null, hoursBeforePerTask: '1',
  hoursWithAiPerTask: 'abc', tasksPerMonth: null, spendMonthlyCents: 25_000, spendOneOffCents: null, spendOneOffDate: '2026-01-05', qualityBefore: 2, qualityAfter: null,
  blockedByModel: true, blockerMissing: 'm', blockerBenchmark: 'eci', blockerMinScore: null, blockerMaxPriceUsd: '2.5', learnings: '', conclusion: 'partly',
  privacyMitigation: 'p', models: ['claude-sonnet-4-6 @ high (primary)', 'gpt-4o @ none', 'gone @ default on consumer_free', 'claude-sonnet-4-6 @ 16K on odd'],
  unknownField: null, status2: 'x',
};

describe('the History card in the reader’s language', () => {
  it('says in English exactly what describeChanges says', () => {
    expect(historyChanges(before, after, names, words('en'))).toEqual(describeChanges(before, after, names));
  });

  it('says labels and values in Korean, keeping names and codes it has no word for', () => {
    const ko = historyChanges(before, after, names, words('ko'));
    const line = (field: string) => ko.find((c) => c.field === field);
    expect(line('mindset')).toMatchObject({ label: '접근 방식', before: '가속화', after: '새로운 역량' });
    expect(line('hoursBeforePerTask')).toMatchObject({ before: '1,250시간', after: '1시간' });
    expect(line('status')).toMatchObject({ before: '제안됨', after: 'retired' });
    expect(line('teamId')).toMatchObject({ before: 'Finance', after: '팀 #9' });
    expect(line('models')?.after).toContain('Claude Sonnet 4.6 (주 모델, 추론 강도 high)');
  });
});
