import type { Metadata } from 'next';
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

export const metadata: Metadata = { title: 'Playbook' };

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
  return (
    <>
      <PageHeader
        title="Playbook"
        description="Prompt patterns and workflows the teams found worth reusing, with the outcomes they led to. Add one from an experiment’s Techniques card."
      />
      <form role="search" aria-label="Search the playbook" action="/playbook" className="mb-4 flex flex-wrap items-end gap-2">
        <label className="min-w-0 flex-1 basis-full text-xs font-medium sm:basis-0">
          Search
          <Input type="search" name="q" defaultValue={params.q ?? ''} placeholder="Words in a technique, its prompt or its outcome" className="mt-1" maxLength={200} />
        </label>
        <label className="text-xs font-medium">
          Kind
          <Select name="kind" defaultValue={params.kind ?? ''} className="mt-1">
            <option value="">All</option>
            {Object.entries(TECHNIQUE_KIND_LABEL).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </label>
        <button type="submit" className={buttonClasses('secondary')}>
          Search
        </button>
      </form>
      {result.total === 0 ? (
        <EmptyState title={filtered ? 'No technique matches this search' : 'No techniques yet'}>
          {filtered ? (
            <Link href="/playbook" className="underline">
              Show every technique
            </Link>
          ) : (
            'When an experiment teaches a prompt or a way of working worth reusing, add it on the experiment’s page under Techniques.'
          )}
        </EmptyState>
      ) : (
        <>
          <PlaybookList rows={result.rows} />
          <nav aria-label="Pages" className="mt-4 flex items-center justify-between text-sm">
            <span data-testid="playbook-count">
              {result.total.toLocaleString('en-US')} technique{result.total === 1 ? '' : 's'} · page {result.page} of {result.pages}
            </span>
            <span className="flex gap-3">
              {result.page > 1 ? (
                <Link href={hrefOf(params, result.page - 1)} rel="prev" className="hover:underline">
                  ← Previous
                </Link>
              ) : null}
              {result.page < result.pages ? (
                <Link href={hrefOf(params, result.page + 1)} rel="next" className="hover:underline">
                  Next →
                </Link>
              ) : null}
            </span>
          </nav>
        </>
      )}
    </>
  );
}
