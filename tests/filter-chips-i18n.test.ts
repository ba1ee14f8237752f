import { describe, expect, it } from 'vitest';
import { chipText, filtersLine } from '@/components/filters/chip-text';
import { translatorFor } from '@/i18n/translator';
import { describeFilters, filterNames, filtersSentence } from '@/lib/validation/describe-filters';
import { parseExperimentFilters } from '@/lib/validation/experiment-filters';

const names = filterNames([{ id: 1, name: 'Finance' }, { id: 2, name: 'Marketing' }], [{ slug: 'gpt-5', name: 'GPT-5' }]);
const words = (locale: 'en' | 'ko') => ({ t: translatorFor(locale, 'filters'), tl: translatorFor(locale, 'labels') });

// Every chip the list can show, one or several values, known and unknown names.
const urls = [
  'q=invoice&team=1,2&mine=yes&status=running,completed&mindset=automate,not_set&workType=analysis&sensitivity=not_set,confidential',
  'team=1&vendor=OpenAI&model=gpt-5,other-model&from=2026-01-01&to=2026-03-31&completedFrom=2026-02-01&outcomeTo=2026-04-30',
  'team=9&vendor=OpenAI,Anthropic&model=gpt-5&to=2026-03-31&outcomeFrom=2026-01-01&outcomeType=insight,synthesis&hasOutcomes=yes&exploration=yes',
  'impact=4,5&minImpact=3&blocked=yes&privacy=yes&retest=yes&archived=only&hasOutcomes=no&exploration=no',
  'archived=include&completedTo=2026-05-01',
];

describe('filter chips in the reader’s language', () => {
  it('say in English exactly what describeFilters says (files keep its words; pages use the catalog)', () => {
    for (const url of urls) {
      const f = parseExperimentFilters(new URLSearchParams(url));
      const chips = describeFilters(f, names);
      expect(chips.length).toBeGreaterThan(0);
      for (const chip of chips) expect(chipText(chip, f, names, words('en')), `${url} ${chip.id}`).toBe(chip.text);
    }
  });

  it('say every chip in Korean, never in English', () => {
    const f = parseExperimentFilters(new URLSearchParams(urls[3]));
    const texts = describeFilters(f, names).map((chip) => chipText(chip, f, names, words('ko')));
    expect(texts).toContain('최소 영향도: 3+');
    expect(texts).toContain('보관된 항목만');
    for (const text of texts) expect(text).not.toMatch(/[A-Za-z]{3}/);
  });
});

describe("a file's filters line in the reader's language", () => {
  it('is filtersSentence in English, Korean in Korean, and empty without filters (the cover then says so itself)', () => {
    const f = parseExperimentFilters(new URLSearchParams('team=1,2&status=running'));
    expect(filtersLine(f, names, words('en'))).toBe(filtersSentence(f, names));
    expect(filtersLine(f, names, words('en'))).toBe('Teams: Finance, Marketing · Status: Running');
    expect(filtersLine(f, names, words('ko'))).toContain('진행 중');
    expect(filtersLine(f, names, words('ko'))).toContain('Finance, Marketing');
    expect(filtersLine(parseExperimentFilters(new URLSearchParams('sort=title')), names, words('ko'))).toBe('');
  });
});
