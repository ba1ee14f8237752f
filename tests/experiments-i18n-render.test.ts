import { describe, expect, it } from 'vitest';
import { createElement as h, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { NextIntlClientProvider } from 'next-intl';
import { MESSAGES } from '@/messages';
import { ExperimentForm } from '@/components/experiments/experiment-form';
import { ListFilters } from '@/components/experiments/list-filters';
import { ImportForm } from '@/components/experiments/import-form';
import { ImportColumns } from '@/components/experiments/import-columns';
import { PlaybookList } from '@/components/playbook/playbook-list';
import { ActiveFilters, filterNames } from '@/components/filters/active-filters';
import { FiltersDisclosure } from '@/components/filters/filters-disclosure';
import { OutcomeForm, CheckinForm } from '@/components/experiments/child-forms';
import { TechniqueForm } from '@/components/experiments/technique-form';
import { parseExperimentFilters } from '@/lib/validation/experiment-filters';

const action = async () => ({}) as never;
const render = (locale: 'en' | 'ko', el: ReactElement) => {
  const errors: unknown[] = [];
  const html = renderToStaticMarkup(h(NextIntlClientProvider, { locale, messages: MESSAGES[locale], onError: (e: unknown) => void errors.push(e), timeZone: 'UTC', children: el }));
  return { html, errors };
};

/** The client and plain components of experiments, filters and the playbook render in both languages with no missing message. */
describe('experiments, filters and playbook components in both languages', () => {
  for (const locale of ['en', 'ko'] as const) {
    it(`render in ${locale} with every message found`, () => {
      const f = parseExperimentFilters(new URLSearchParams('team=1,2&status=running&mindset=not_set&minImpact=3&archived=only'));
      const els = [
        h(ExperimentForm, { action, initial: {}, teams: [{ id: 1, name: 'Finance' }, { id: 2, name: 'Ops' }], models: [{ id: 1, name: 'GPT-5', vendor: 'OpenAI', reasoning: true, efforts: ['default', 'high', '16K'] }], benchmarks: [{ key: 'gpqa', name: 'GPQA Diamond', measures: 'science', unit: 'percent' }] as never, submitLabel: 'Save' }),
        h(ListFilters, { f, options: { teams: [{ id: 1, name: 'Finance' }], models: [], vendors: ['OpenAI'] } }),
        h(ImportForm, { preview: action, apply: action }),
        h(ImportColumns),
        h(PlaybookList, { rows: [{ id: 1, kind: 'workflow', title: 'T', description: 'd', promptText: 'p', experimentId: 3, experimentTitle: 'Exp', team: 'Finance', exploration: true, outcome: { type: 'insight', impact: 4, description: 'x' } }] as never }),
        h(ActiveFilters, { f, names: filterNames([{ id: 1, name: 'Finance' }], []), path: '/experiments' }),
        h(FiltersDisclosure, { children: 'x' }),
        h(OutcomeForm, { action, experimentId: 1 }),
        h(CheckinForm, { action, experimentId: 1, today: '2026-12-06' }),
        h(TechniqueForm, { action, experimentId: 1, outcomes: [] }),
      ];
      const texts: string[] = [];
      for (const el of els) {
        const { html, errors } = render(locale, el);
        expect(errors, html.slice(0, 200)).toEqual([]);
        expect(html).not.toMatch(/experiments\.|filters\.|playbook\.|labels\./);
        texts.push(html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' '));
      }
      const all = texts.join(' ');
      if (locale === 'en') expect(all).toContain('Filtered by Teams: Finance, team 2 × Status: Running × Mindset: Not set × Minimum impact: 3+ × Archived only × Clear all');
      else expect(all).toContain('필터 적용');
    });
  }
});
