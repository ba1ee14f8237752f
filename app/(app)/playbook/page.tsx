import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { PlaybookList } from '@/components/playbook/playbook-list';
import { buttonClasses } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/field';
import { EmptyState, PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listPlaybook } from '@/db/queries/techniques/playbook';
import { requirePermission } from '@/lib/auth/guard';
import { TECHNIQUE_KIND_LABEL } from '@/lib/labels';
import { playbookParamsSchema, type PlaybookParams } from '@/lib/validation/technique';
import { cleanText } from '@/lib/security/clean-text';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('playbook');
  return { title: t('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

function hrefOf(p: PlaybookParams, page: number): string {
  const s = new URLSearchParams();
  if (p.q) s.set('q', p.q);
  if (p.kind) s.set('kind', p.kind);
  if (page > 1) s.set('page', String(page));
  const q = s.toString();
  return q ? `/playbook?${q}` : '/playbook';
}

/** Prompting is a skill: the techniques every team tagged, with what they led to, searchable. */
export default async function PlaybookPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePermission('experiments.read');
  const raw = await searchParams;
  const params = playbookParamsSchema.parse({
    q: first(raw.q) == null ? undefined : cleanText(first(raw.q)!),
    kind: first(raw.kind),
    page: first(raw.page),
  });
  const result = await listPlaybook(await getDb(), params);
  const filtered = Boolean(params.q || params.kind);
  const [t, tl, tc] = await Promise.all([getTranslations('playbook'), getTranslations('labels'), getTranslations('common')]);
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
      />
      <form role="search" aria-label={t('searchLabel')} action="/playbook" className="mb-4 flex flex-wrap items-end gap-2">
        <label className="min-w-0 flex-1 basis-full text-xs font-medium sm:basis-0">
          {t('search')}
          <Input type="search" name="q" defaultValue={params.q ?? ''} placeholder={t('searchPlaceholder')} className="mt-1" maxLength={200} />
        </label>
        <label className="text-xs font-medium">
          {t('kind')}
          <Select name="kind" defaultValue={params.kind ?? ''} className="mt-1">
            <option value="">{t('all')}</option>
            {(Object.keys(TECHNIQUE_KIND_LABEL) as (keyof typeof TECHNIQUE_KIND_LABEL)[]).map((value) => (
              <option key={value} value={value}>
                {tl(`techniqueKind.${value}`)}
              </option>
            ))}
          </Select>
        </label>
        <button type="submit" className={buttonClasses('secondary')}>
          {t('search')}
        </button>
      </form>
      {result.total === 0 ? (
        <EmptyState title={filtered ? t('emptyFiltered') : t('emptyNone')}>
          {filtered ? (
            <Link href="/playbook" className="underline">
              {t('showAll')}
            </Link>
          ) : (
            t('emptyHint')
          )}
        </EmptyState>
      ) : (
        <>
          <PlaybookList rows={result.rows} />
          <nav aria-label={t('pages')} className="mt-4 flex items-center justify-between text-sm">
            <span data-testid="playbook-count">
              {t('count', { count: result.total, page: String(result.page), pages: String(result.pages) })}
            </span>
            <span className="flex gap-3">
              {result.page > 1 ? (
                <Link href={hrefOf(params, result.page - 1)} rel="prev" className="hover:underline">
                  ← {tc('previous')}
                </Link>
              ) : null}
              {result.page < result.pages ? (
                <Link href={hrefOf(params, result.page + 1)} rel="next" className="hover:underline">
                  {tc('next')} →
                </Link>
              ) : null}
            </span>
          </nav>
        </>
      )}
    </>
  );
}
