import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Card, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import type { RadarItem, RetestLink } from '@/db/queries/insights/radar';
import type { ActionState } from '@/lib/action-state';
import { formatDate, formatUsd } from '@/lib/format';
import { STATUS_LABEL } from '@/lib/labels';
import { describeCandidate, describeEffort } from '@/lib/metrics/retest';
import { ActedOnList, ExperimentLink, Explain, FlaggedHeading, MoreInList, SHOWN } from './explain';
import { RetestForm } from './retest-form';

type Props = {
  items: RadarItem[];
  /** Blocked experiments with no candidate yet whose newer models are not yet measured on their benchmark. */
  awaiting: RadarItem[];
  retests: RetestLink[];
  /** The list link that reproduces exactly these experiments. */
  listHref: string;
  /** Teams the viewer may start a re-test for (null: every team, i.e. admin). */
  canStart: (teamId: number) => boolean;
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
};

/** A score in the benchmark's unit: "71.5%" on a percentage, "152.3" on an index such as the ECI. */
const scoreIn = (unit: string) => (n: number | null) => (n == null ? 'not yet measured' : unit === 'percent' ? `${n.toFixed(1)}%` : n.toFixed(1));

export function RetestRadarPanel({ items, awaiting, retests, listHref, canStart, action }: Props) {
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
        These experiments stopped because the model was not capable enough. Since then, the catalog gained models released after the
        experiment ended (or, without an end date, after it started) that score higher on the benchmark the lead chose for the task
        (SWE-bench Verified for coding, FrontierMath or AIME for maths, GPQA Diamond for science, the ECI for general work), at some
        reasoning effort, meet the bar there and, where a price ceiling was given, cost no more (blended price: 3 input tokens to 1
        output, in USD per million tokens). Each candidate names the lowest-scoring effort that clears the bar: what a re-test needs.
        Newer models without a score on that benchmark are listed as not yet measured. Scores: Epoch AI (CC BY 4.0).
      </Explain>
      {items.length === 0 ? (
        <EmptyState title="Nothing to re-test right now">No blocked experiment has a better model in the catalog yet.</EmptyState>
      ) : (
        <ul className="space-y-6">
          {items.slice(0, SHOWN).map((e) => {
            const score = scoreIn(e.benchmarkUnit);
            return (
            <li key={e.id} data-testid="radar-item" className="rounded-md border border-border p-3">
              <FlaggedHeading id={e.id} title={e.title} team={e.team}>
                {e.endDate ? `ended ${formatDate(e.endDate)}` : e.startDate ? `no end date, started ${formatDate(e.startDate)}` : 'no dates'}
              </FlaggedHeading>
              <p className="mt-1 text-sm">
                <span className="font-medium">What was missing:</span> {e.missing || 'not written down'}
              </p>
              <p className="mt-1 text-sm text-muted-foreground">
                Used: {e.used.map((m) => `${m.name} (${score(m.score)}, ${formatUsd(m.price)}/M)`).join('; ') || 'no model recorded'}.
                {' '}Bar on <span data-testid="radar-benchmark" className="font-medium text-foreground">{e.benchmarkName}</span>:{' '}
                {e.minScore == null ? 'better than what was used' : `at least ${score(e.minScore)}`}
                {e.maxPrice == null ? '' : `, at most ${formatUsd(e.maxPrice)}/M`}.
              </p>
              <Table className="mt-2">
                <thead>
                  <tr>
                    <Th>Candidate</Th>
                    <Th className="text-right">Best score</Th>
                    <Th>Effort needed</Th>
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
                      <Td data-testid="radar-effort">
                        {describeEffort(c.effort)} ({score(c.effortScore)})
                      </Td>
                      <Td className="text-right">{formatUsd(c.price)}</Td>
                      <Td>{describeCandidate(c)}</Td>
                      <Td>{canStart(e.teamId) ? <RetestForm action={action} experimentId={e.id} version={e.version} modelId={c.id} modelName={c.name} /> : null}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
              {e.candidates.length > 3 ? <p className="mt-1 text-xs text-muted-foreground">and {e.candidates.length - 3} more candidates.</p> : null}
              {e.unmeasured.length ? (
                <p className="mt-1 text-xs text-muted-foreground" data-testid="radar-unmeasured">
                  Not yet measured on {e.benchmarkName}: {e.unmeasured.slice(0, 6).map((m) => m.name).join(', ')}
                  {e.unmeasured.length > 6 ? ` and ${e.unmeasured.length - 6} more` : ''}.
                </p>
              ) : null}
            </li>
            );
          })}
        </ul>
      )}
      {items.length > SHOWN ? <MoreInList shown={SHOWN} total={items.length} href={listHref} /> : null}
      {awaiting.length ? <AwaitingMeasurement items={awaiting} /> : null}
      {retests.length ? (
        <ActedOnList title="Re-tests started" testId="retests">
          {retests.map((r) => (
            <li key={r.id}>
              <ExperimentLink id={r.id}>{r.title}</ExperimentLink>{' '}
              <Badge>{STATUS_LABEL[r.status as keyof typeof STATUS_LABEL] ?? r.status}</Badge>{' '}
              <span className="text-muted-foreground">
                {r.team} · repeats{' '}
                <ExperimentLink id={r.originalId}>
                  #{r.originalId} {r.originalTitle}
                </ExperimentLink>
              </span>
            </li>
          ))}
        </ActedOnList>
      ) : null}
    </Card>
  );
}

/**
 * Blocked experiments no measured model clears yet, while newer models within the ceiling have no score on the
 * chosen benchmark: the radar cannot judge them, so it names them for a re-test by hand.
 */
function AwaitingMeasurement({ items }: { items: RadarItem[] }) {
  return (
    <section className="mt-6" aria-labelledby="radar-awaiting-title" data-testid="radar-awaiting">
      <h3 id="radar-awaiting-title" className="mb-1 text-sm font-semibold">
        Waiting for a measurement ({items.length})
      </h3>
      <p className="mb-2 text-xs text-muted-foreground">
        No measured model clears these bars yet, but newer models within the price ceiling have no score on the chosen benchmark.
        Try one by hand, or wait for the next catalog update.
      </p>
      <ul className="space-y-2 text-sm">
        {items.slice(0, SHOWN).map((e) => (
          <li key={e.id} data-testid="radar-awaiting-item">
            <Link href={`/experiments/${e.id}`} className="font-medium hover:underline">
              {e.title}
            </Link>{' '}
            <span className="text-muted-foreground">
              {e.team} · not yet measured on {e.benchmarkName}: {e.unmeasured.slice(0, 6).map((m) => m.name).join(', ')}
              {e.unmeasured.length > 6 ? ` and ${e.unmeasured.length - 6} more` : ''}.
            </span>
          </li>
        ))}
      </ul>
      {items.length > SHOWN ? <p className="mt-1 text-xs text-muted-foreground">and {items.length - SHOWN} more.</p> : null}
    </section>
  );
}
