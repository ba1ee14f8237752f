// One sentence on vendor concentration by billed spend, for the dashboard and the digest alike, in either language.
import { describe, expect, it } from 'vitest';
import { billedConcentrationText } from '@/lib/metrics/billed-concentration-text';
import { summarizeConcentration } from '@/lib/metrics/concentration';

describe('billedConcentrationText', () => {
  const bills = summarizeConcentration({ OpenAI: 600, Anthropic: 300, Mistral: 100 }); // HHI .36 + .09 + .01

  it('names the index, its level and the largest vendor’s share', () => {
    expect(billedConcentrationText(bills, 'en')).toBe('Concentration by billed spend: HHI 0.46 (above 0.25: concentrated); OpenAI has 60% of the bill');
  });

  it('speaks Korean to a Korean reader', () => {
    expect(billedConcentrationText(bills, 'ko')).toBe('청구 지출 기준 집중도: HHI 0.46(0.25 초과: 집중됨), 청구액 중 OpenAI 비중 60%');
  });

  it('says nothing without spend', () => {
    expect(billedConcentrationText(summarizeConcentration({}), 'en')).toBeUndefined();
  });
});
