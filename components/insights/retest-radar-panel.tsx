import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Card, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import type { RadarItem, RetestLink } from '@/db/queries/insights-radar';
import type { ActionState } from '@/lib/action-state';
import { formatDate, formatUsd } from '@/lib/format';
import { STATUS_LABEL } from '@/lib/labels';
import { describeCandidate } from '@/lib/metrics/retest';
import { Explain, MoreInList, SHOWN } from './explain';
import { RetestForm } from './retest-form';

type Props = {
  items: RadarItem[];
  retests: RetestLink[];
  /** The list link that reproduces exactly these experiments. */
  listHref: string;
  /** Teams the viewer may start a re-test for (null: every team, i.e. admin). */
  canStart: (teamId: number) => boolean;
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
};

const score = (n: number | null) => (n == null ? '—' : `${n.toFixed(1)}%`);

export function RetestRadarPanel({ items, retests, listHref, canStart, action }: Props) {
  return (
    <Card id="radar" aria-labelledby="radar-title">
      <CardHeader
        title={<span id="radar-title">Re-test radar</span>}
        description={
          <>
            <span data-testid="radar-count">{items.length}</span> blocked experiment{items.length === 1 ? '' : 's'} worth another try.{' '}
            <Link href={listHref} className="text-primary underline underline-offset-2">
              Show in the experiment list
            </Link>
          </>
        }
      />
      <Explain>
        These experiments ended because the model was not capable enough. Since then, the catalog gained models released after the
        experiment ended that score higher on the benchmark it named (GPQA Diamond unless stated), meet the capability bar the lead set
        and, where a price ceiling was given, cost no more (blended price: 3 input tokens to 1 output, in USD per million tokens).
      </Explain>
      {items.length === 0 ? (
        <EmptyState title="Nothing to re-test right now">No blocked experiment has a better model in the catalog yet.</EmptyState>
      ) : (
        <ul className="space-y-6">
          {items.slice(0, SHOWN).map((e) => (
            <li key={e.id} data-testid="radar-item" className="rounded-md border border-border p-3">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <Link href={`/experiments/${e.id}`} className="font-medium hover:underline">
                  {e.title}
                </Link>
                <span className="text-sm text-muted-foreground">
                  {e.team} · ended {formatDate(e.endDate)}
                </span>
              </div>
              <p className="mt-1 text-sm">
                <span className="font-medium">What was missing:</span> {e.missing || 'not written down'}
              </p>
              <p className="mt-1 text-sm text-muted-foreground">
                Used: {e.used.map((m) => `${m.name} (${score(m.score)}, ${formatUsd(m.price)}/M)`).join('; ') || 'no model recorded'}.
                {' '}Bar: {e.minScore == null ? 'better than what was used' : `at least ${e.minScore.toFixed(1)}%`}
                {e.maxPrice == null ? '' : `, at most ${formatUsd(e.maxPrice)}/M`}.
              </p>
              <Table className="mt-2">
                <thead>
                  <tr>
                    <Th>Candidate</Th>
                    <Th className="text-right">Score</Th>
                    <Th className="text-right">Price / M tokens</Th>
                    <Th>Why</Th>
                    <Th>
                      <span className="sr-only">Action</span>
                    </Th>
                  </tr>
                </thead>
                <tbody>
                  {e.candidates.slice(0, 3).map((c) => (
                    <tr key={c.id}>
                      <Td className="font-medium">
                        {c.name} <span className="text-muted-foreground">({c.vendor}, {formatDate(c.releaseDate)})</span>
                      </Td>
                      <Td className="text-right">{score(c.score)}</Td>
                      <Td className="text-right">{formatUsd(c.price)}</Td>
                      <Td>{describeCandidate(c)}</Td>
                      <Td>{canStart(e.teamId) ? <RetestForm action={action} experimentId={e.id} version={e.version} modelId={c.id} modelName={c.name} /> : null}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
              {e.candidates.length > 3 ? <p className="mt-1 text-xs text-muted-foreground">and {e.candidates.length - 3} more candidates.</p> : null}
            </li>
          ))}
        </ul>
      )}
      {items.length > SHOWN ? <MoreInList shown={SHOWN} total={items.length} href={listHref} /> : null}
      {retests.length ? (
        <div className="mt-6">
          <h3 className="mb-2 text-sm font-semibold">Re-tests started</h3>
          <ul className="space-y-1 text-sm" data-testid="retests">
            {retests.map((r) => (
              <li key={r.id}>
                <Link href={`/experiments/${r.id}`} className="hover:underline">
                  {r.title}
                </Link>{' '}
                <Badge>{STATUS_LABEL[r.status as keyof typeof STATUS_LABEL] ?? r.status}</Badge>{' '}
                <span className="text-muted-foreground">
                  {r.team} · repeats{' '}
                  <Link href={`/experiments/${r.originalId}`} className="hover:underline">
                    #{r.originalId} {r.originalTitle}
                  </Link>
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Card>
  );
}
