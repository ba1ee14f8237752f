import { describe, expect, it } from 'vitest';
import { describeFilters, filtersSentence, withoutChip } from '@/lib/validation/describe-filters';
import { parseExperimentFilters } from '@/lib/validation/experiment-filters';

const names = { teams: new Map([[2, 'Finance'], [3, 'Marketing']]), models: new Map([['gpt-4o', 'GPT-4o']]) };

describe('filters as a reader says them', () => {
  it('writes every filter of a drill-down link in words, including those the panel has no field for', () => {
    const f = parseExperimentFilters(new URLSearchParams('team=2,3&workType=analysis&from=2026-01-01&to=2026-03-31&outcomeFrom=2026-02-01&outcomeTo=2026-02-28&outcomeType=insight&minImpact=4&model=gpt-4o&retest=yes&sort=title&page=2'));
    expect(describeFilters(f, names).map((c) => c.text)).toEqual([
      'Teams: Finance, Marketing',
      'Work type: Analysis',
      'Model: GPT-4o',
      'Active: 2026-01-01 to 2026-03-31',
      'Outcome recorded: 2026-02-01 to 2026-02-28',
      'Outcome type: Insight',
      'Minimum impact: 4+',
      'Re-test candidate',
    ]);
  });
  it('names "not set" as a reader says it, and drops a code that names nothing', () => {
    const f = parseExperimentFilters(new URLSearchParams('mindset=not_set,new_capability&workType=not_set&sensitivity=not_set,bogus'));
    expect(describeFilters(f, names).map((c) => c.text)).toEqual(['Mindset: Not set, New capability', 'Work type: Not set', 'Data sensitivity: Not set']);
  });
  it('is one line on an export’s cover, and says so when nothing filters', () => {
    const f = parseExperimentFilters(new URLSearchParams('team=2,3&workType=analysis'));
    expect(filtersSentence(f, names)).toBe('Teams: Finance, Marketing · Work type: Analysis');
    expect(filtersSentence(parseExperimentFilters(new URLSearchParams('sort=title&page=3')), names)).toBe('None: every experiment not archived');
    expect(filtersSentence(parseExperimentFilters(new URLSearchParams('completedFrom=2026-01-01&archived=include')), names)).toBe('Completed: from 2026-01-01 · Archived included');
  });
  it('removes one chip’s filters (a window clears both ends) and goes back to page 1, keeping the sort', () => {
    const f = parseExperimentFilters(new URLSearchParams('team=2&outcomeFrom=2026-02-01&outcomeTo=2026-02-28&sort=title&page=4'));
    const window = describeFilters(f, names).find((c) => c.id === 'outcomeRecorded')!;
    expect(Object.fromEntries(Object.entries(withoutChip(f, window)).filter(([, v]) => v !== undefined))).toEqual({ team: [2], sort: 'title', page: 1 });
    expect('outcomeFrom' in withoutChip(f, window)).toBe(false);
  });
});
