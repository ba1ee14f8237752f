import { describe, expect, it } from 'vitest';
import { concentrationLevel, hhi, portability, sharesOf, summarizeConcentration } from '@/lib/metrics/concentration';
import { isPrivacyFlagged, isRiskyPolicy, privacyReason } from '@/lib/metrics/privacy';
import { blendedPrice } from '@/lib/metrics/prices';
import { describeCandidate, describeEffort, findRetestCandidates, findUnmeasured, monthsBetween, type RadarModel } from '@/lib/metrics/retest';
import { needsCapabilityEvidence } from '@/lib/metrics/capability-evidence';
import { quarterOf, shiftQuarter } from '@/lib/metrics/quarter';
import { mindsetMixByQuarter, outcomeMixByQuarter, shiftSentence, toPercentages } from '@/lib/metrics/shift';
import { DATA_POLICIES } from '@/db/schema/models';
import { SENSITIVITIES } from '@/db/schema/experiments';

const model = (id: number, releaseDate: string, score: number | null, price: number | null): RadarModel => ({
  id,
  name: `M${id}`,
  vendor: 'V',
  releaseDate,
  score,
  efforts: score == null ? [] : [{ effort: '', score }],
  price,
});
/** A model measured at several efforts: its score is the best of them. */
const perEffort = (id: number, releaseDate: string, efforts: Record<string, number>, price: number | null): RadarModel => ({
  ...model(id, releaseDate, Math.max(...Object.values(efforts)), price),
  efforts: Object.entries(efforts).map(([effort, score]) => ({ effort, score })),
});
const OLD = model(1, '2024-05-01', 50, 4); // what the experiment used
const blocked = { endDate: '2025-01-31', usedModelIds: [1], minScore: null, maxPrice: null };

describe('re-test radar', () => {
  it('finds nothing when no model was released after the experiment ended', () => {
    expect(findRetestCandidates(blocked, [OLD, model(2, '2025-01-31', 90, 1), model(3, '2024-12-01', 95, 1)])).toEqual([]);
  });
  it('finds nothing when the newer model does not score higher than what was used', () => {
    expect(findRetestCandidates(blocked, [OLD, model(2, '2025-03-01', 50, 1)])).toEqual([]);
  });
  it('rejects a newer, better model that costs more than the ceiling, accepts one within it', () => {
    const exp = { ...blocked, maxPrice: 5 };
    expect(findRetestCandidates(exp, [OLD, model(2, '2025-03-01', 70, 6)])).toEqual([]);
    const [c] = findRetestCandidates(exp, [OLD, model(3, '2025-10-01', 70, 1)]);
    expect(c.id).toBe(3);
    expect(c.pointsGain).toBe(20);
    expect(c.cheaperFactor).toBe(4);
    expect(c.monthsLater).toBe(8);
    expect(describeCandidate(c)).toBe('+20.0 points, 4× cheaper, released 8 months later');
  });
  it('accepts a model exactly at the capability bar and exactly at the price ceiling, not just below the bar', () => {
    const exp = { ...blocked, minScore: 70, maxPrice: 2 };
    expect(findRetestCandidates(exp, [OLD, model(2, '2025-03-01', 70, 2)]).map((c) => c.id)).toEqual([2]);
    expect(findRetestCandidates(exp, [OLD, model(2, '2025-03-01', 69.9, 2)])).toEqual([]);
  });
  it('without a price ceiling a more expensive model is a candidate and says so', () => {
    const [c] = findRetestCandidates(blocked, [OLD, model(2, '2025-03-01', 60, 8)]);
    expect(describeCandidate(c)).toBe('+10.0 points, 2× the price, released 1 month later');
  });
  it('a model without a price never passes a price ceiling; a model without a score never counts', () => {
    const exp = { ...blocked, maxPrice: 5 };
    expect(findRetestCandidates(exp, [OLD, model(2, '2025-03-01', 80, null), model(3, '2025-03-01', null, 1)])).toEqual([]);
  });
  it('ranks the best score first; blocked without an end date, models newer than the start count, with neither any model', () => {
    const catalog = [OLD, model(2, '2025-03-01', 60, 1), model(3, '2025-04-01', 80, 3)];
    expect(findRetestCandidates(blocked, catalog).map((c) => c.id)).toEqual([3, 2]);
    expect(findRetestCandidates({ ...blocked, endDate: null, startDate: '2025-03-15' }, catalog).map((c) => [c.id, c.monthsLater])).toEqual([[3, 0]]);
    const undated = findRetestCandidates({ ...blocked, endDate: null }, catalog);
    expect(undated.map((c) => [c.id, c.monthsLater])).toEqual([[3, null], [2, null]]);
    expect(describeCandidate(undated[0])).toBe('+30.0 points, 1.3× cheaper');
  });
  it('names the weakest effort that clears the bar and beats what was used', () => {
    const exp = { ...blocked, minScore: 70 };
    const [c] = findRetestCandidates(exp, [OLD, perEffort(2, '2025-03-01', { none: 40, low: 68, medium: 72.5, high: 80 }, 2)]);
    expect([c.id, c.score, c.effort, c.effortScore, c.pointsGain]).toEqual([2, 80, 'medium', 72.5, 30]);
    expect(describeEffort(c.effort)).toBe('medium effort');
    expect(describeEffort('32K')).toBe('32K thinking tokens');
    expect(describeEffort('')).toBe('effort not stated');
    expect(describeEffort('default')).toBe('default settings');
    // No effort reaches the bar: not a candidate.
    expect(findRetestCandidates({ ...blocked, minScore: 81 }, [OLD, perEffort(2, '2025-03-01', { low: 68, high: 80 }, 2)])).toEqual([]);
  });
  it('a newer model with no score on the benchmark is "not yet measured", within the ceiling, never a used one', () => {
    const catalog = [OLD, model(2, '2025-03-01', null, 1), model(3, '2025-03-01', null, 9), model(4, '2024-12-01', null, 1), model(5, '2025-03-01', 90, 1)];
    expect(findUnmeasured({ ...blocked, maxPrice: 5 }, catalog).map((m) => m.id)).toEqual([2]);
    expect(findUnmeasured({ ...blocked, usedModelIds: [1, 2] }, catalog).map((m) => m.id)).toEqual([3]);
  });
  it('blends 3 input tokens to 1 output token and counts whole months', () => {
    expect(blendedPrice(2, 10)).toBe(4);
    expect(monthsBetween('2025-01-31', '2025-03-01')).toBe(1);
    expect(monthsBetween('2025-01-15', '2026-01-15')).toBe(12);
  });
});

describe('concentration', () => {
  it('one vendor is 1, n equal vendors are 1/n, nothing is null', () => {
    expect(hhi([7])).toBe(1);
    for (const n of [2, 4, 5, 10]) expect(hhi(Array(n).fill(3))).toBeCloseTo(1 / n, 12);
    expect(hhi([])).toBeNull();
    expect(hhi([0, 0])).toBeNull();
  });
  it('squares the shares: 60/40 is 0.52', () => {
    expect(hhi([60, 40])).toBeCloseTo(0.52, 12);
  });
  it('states the thresholds: below 0.15 diversified, 0.15–0.25 moderate, above 0.25 concentrated', () => {
    expect(concentrationLevel(0.1499)).toBe('diversified');
    expect(concentrationLevel(0.15)).toBe('moderate');
    expect(concentrationLevel(0.25)).toBe('moderate');
    expect(concentrationLevel(0.2501)).toBe('concentrated');
  });
  it('lists shares largest first and summarizes the largest vendor', () => {
    expect(sharesOf({ B: 1, A: 3, C: 0 }).map((s) => [s.key, s.share])).toEqual([
      ['A', 0.75],
      ['B', 0.25],
    ]);
    const s = summarizeConcentration(new Map([['OpenAI', 3], ['Anthropic', 1]]));
    expect(s.largest?.key).toBe('OpenAI');
    expect(s.hhi).toBeCloseTo(0.625, 12);
    expect(s.level).toBe('concentrated');
  });
  it('portability is the share of completed experiments tried on two or more models', () => {
    expect(portability([1, 2, 3, 1])).toBe(0.5);
    expect(portability([])).toBeNull();
  });
});

describe('privacy flags', () => {
  const base = { sensitivity: 'confidential' as const, mitigation: '', policies: ['trains' as const] };
  it('flags every risky policy and no safe one', () => {
    const flagged = DATA_POLICIES.filter((p) => isPrivacyFlagged({ ...base, policies: [p] }));
    expect(flagged).toEqual(['trains', 'unknown']);
    expect(DATA_POLICIES.map(isRiskyPolicy)).toEqual([true, false, true]);
    for (const p of DATA_POLICIES) expect(privacyReason(p).length).toBeGreaterThan(10);
  });
  it('flags only confidential and restricted data', () => {
    expect(SENSITIVITIES.filter((s) => isPrivacyFlagged({ ...base, sensitivity: s }))).toEqual(['confidential', 'restricted']);
  });
  it('one risky model among safe ones is enough; a recorded mitigation clears the flag', () => {
    expect(isPrivacyFlagged({ ...base, policies: ['no_training', 'unknown'] })).toBe(true);
    expect(isPrivacyFlagged({ ...base, mitigation: 'Enterprise agreement with opt-out' })).toBe(false);
    expect(isPrivacyFlagged({ ...base, mitigation: '   ' })).toBe(true);
    expect(isPrivacyFlagged({ ...base, policies: [] })).toBe(false);
  });
});

describe('the shift from automation to augmentation', () => {
  it('names quarters and steps through them', () => {
    expect(quarterOf('2026-11-28')).toBe('2026-Q4');
    expect(quarterOf('2026-01-01')).toBe('2026-Q1');
    expect(shiftQuarter('2026-Q1', 1)).toBe('2025-Q4');
    expect(shiftQuarter('2026-Q4', 4)).toBe('2025-Q4');
    expect(shiftQuarter('2025-Q4', -1)).toBe('2026-Q1');
  });
  it('counts a mindset nobody chose as "not set", in the total, never as a guessed mindset', () => {
    const rows = mindsetMixByQuarter([
      { created: '2026-10-01', mindset: null },
      { created: '2026-10-02', mindset: null },
      { created: '2026-10-03', mindset: 'new_capability' },
      { created: '2026-10-04', mindset: 'accelerate' },
    ], '2026-Q4');
    expect(rows).toEqual([{ quarter: '2026-Q4', automate: 0, accelerate: 1, new_capability: 1, not_set: 2, total: 4 }]);
    expect(shiftSentence(rows, '2026-Q4')).toBe('This quarter 25% of new experiments aim at a new capability; there is no earlier quarter to compare with.');
  });
  it('counts mindsets per quarter, filling empty quarters, and reads the change against a year ago', () => {
    const items = [
      ...Array(9).fill({ created: '2025-11-01', mindset: 'automate' }),
      ...Array(2).fill({ created: '2025-10-05', mindset: 'new_capability' }),
      ...Array(7).fill({ created: '2026-10-10', mindset: 'accelerate' }),
      ...Array(5).fill({ created: '2026-11-10', mindset: 'new_capability' }),
    ];
    const rows = mindsetMixByQuarter(items, '2026-Q4');
    expect(rows.map((r) => r.quarter)).toEqual(['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(rows[4]).toEqual({ quarter: '2026-Q4', automate: 0, accelerate: 7, new_capability: 5, not_set: 0, total: 12 });
    expect(shiftSentence(rows, '2026-Q4')).toBe('This quarter 42% of new experiments aim at a new capability, up from 18% a year ago.');
  });
  it('says so when there is nothing this quarter or nothing to compare with', () => {
    const rows = mindsetMixByQuarter([{ created: '2026-10-01', mindset: 'automate' }], '2026-Q4');
    expect(shiftSentence(rows, '2026-Q4')).toBe('This quarter 0% of new experiments aim at a new capability; there is no earlier quarter to compare with.');
    expect(shiftSentence(rows, '2027-Q1')).toMatch(/No new experiments this quarter/);
  });
  it('compares with the earliest quarter when there is no data a year ago', () => {
    const rows = mindsetMixByQuarter(
      [
        { created: '2026-04-01', mindset: 'new_capability' },
        { created: '2026-10-01', mindset: 'automate' },
      ],
      '2026-Q4',
    );
    expect(shiftSentence(rows, '2026-Q4')).toBe('This quarter 0% of new experiments aim at a new capability, down from 100% in 2026-Q2.');
  });
  it('splits completed experiments into capability and efficiency-only per quarter, as percentages', () => {
    const rows = outcomeMixByQuarter(
      [
        { ended: '2026-07-01', hasCapability: true },
        { ended: '2026-08-01', hasCapability: false },
        { ended: '2026-09-01', hasCapability: false },
        { ended: '2026-11-01', hasCapability: true },
      ],
      '2026-Q4',
    );
    expect(rows).toEqual([
      { quarter: '2026-Q3', capability: 1, efficiencyOnly: 2, total: 3 },
      { quarter: '2026-Q4', capability: 1, efficiencyOnly: 0, total: 1 },
    ]);
    expect(toPercentages(rows, ['capability', 'efficiencyOnly'])[0]).toEqual({ quarter: '2026-Q3', total: 3, capability: 33, efficiencyOnly: 67 });
  });
  it('asks for capability evidence only after 30 days, only with time/cost results and no capability outcome', () => {
    const e = { ended: '2026-10-01', hasCapability: false, hasEfficiency: true, exploration: false };
    expect(needsCapabilityEvidence(e, '2026-10-31')).toBe(false);
    expect(needsCapabilityEvidence(e, '2026-11-01')).toBe(true);
    expect(needsCapabilityEvidence({ ...e, hasCapability: true }, '2026-12-01')).toBe(false);
    expect(needsCapabilityEvidence({ ...e, hasEfficiency: false }, '2026-12-01')).toBe(false);
    expect(needsCapabilityEvidence({ ...e, ended: null }, '2026-12-01')).toBe(false);
  });
  it('never asks an exploration for capability evidence: it set no target to measure against', () => {
    const e = { ended: '2026-10-01', hasCapability: false, hasEfficiency: true, exploration: true };
    expect(needsCapabilityEvidence(e, '2027-06-01')).toBe(false);
    expect(needsCapabilityEvidence({ ...e, exploration: false }, '2027-06-01')).toBe(true);
  });
});
