import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import type { RadarItem, RetestLink } from '@/db/queries/insights/radar';
import type { ActionState } from '@/lib/action-state';
import type { Status } from '@/db/schema/experiments';
import { getFormat } from '@/i18n/format';
import { STATUS_LABEL } from '@/lib/labels';
import { formatFactor, type RetestCandidate } from '@/lib/metrics/retest';
import { FlaggedListIntro } from './flagged-list-intro';
import { ActedOnList, ExperimentLink, FlaggedHeading, MoreInList, SHOWN } from './explain';
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

export async function RetestRadarPanel({ items, awaiting, retests, listHref, canStart, action }: Props) {
  const [t, tl, f] = await Promise.all([getTranslations('insights.radar'), getTranslations('labels'), getFormat()]);
  /** A score in the benchmark's unit: "71.5%" on a percentage, "152.3" on an index such as the ECI. */
  const scoreIn = (unit: string) => (n: number | null) => (n == null ? t('notMeasured') : unit === 'percent' ? `${n.toFixed(1)}%` : n.toFixed(1));
  // lib/metrics/retest.ts's describeEffort and describeCandidate, in the reader's language.
  const effortText = (effort: string) =>
    !effort ? t('effort.notStated') : effort === 'default' ? t('effort.default') : /^\d+K$/.test(effort) ? t('effort.thinkingTokens', { effort }) : t('effort.level', { effort });
  const candidateText = (c: RetestCandidate) => {
    const parts = [t('candidate.points', { points: c.pointsGain.toFixed(1) })];
    if (c.cheaperFactor != null) {
      if (c.cheaperFactor >= 1.05) parts.push(t('candidate.cheaper', { factor: formatFactor(c.cheaperFactor) }));
      else if (c.cheaperFactor <= 0.95) parts.push(t('candidate.dearer', { factor: formatFactor(1 / c.cheaperFactor) }));
      else parts.push(t('candidate.samePrice'));
    }
    if (c.monthsLater != null) parts.push(t('candidate.released', { months: c.monthsLater }));
    return parts.join(', ');
  };
  const unmeasuredNames = (models: { name: string }[]) =>
    models.length > 6 ? t('namesAndMore', { names: models.slice(0, 6).map((m) => m.name).join(', '), more: models.length - 6 }) : models.map((m) => m.name).join(', ');
  return (
    <Card id="radar" aria-labelledby="radar-title">
      <FlaggedListIntro area="radar" count={items.length} listHref={listHref} />
      {items.length === 0 ? (
        <EmptyState title={t('emptyTitle')}>{t('emptyText')}</EmptyState>
      ) : (
        <ul className="space-y-6">
          {items.slice(0, SHOWN).map((e) => {
            const score = scoreIn(e.benchmarkUnit);
            return (
            <li key={e.id} data-testid="radar-item" className="rounded-md border border-border p-3">
              <FlaggedHeading id={e.id} title={e.title} team={e.team}>
                {e.endDate ? t('ended', { date: f.formatDate(e.endDate) }) : e.startDate ? t('startedOn', { date: f.formatDate(e.startDate) }) : t('noDates')}
              </FlaggedHeading>
              <p className="mt-1 text-sm">
                <span className="font-medium">{t('missing')}</span> {e.missing || t('notWrittenDown')}
              </p>
              <p className="mt-1 text-sm text-muted-foreground">
                {t.rich('usedAndBar', {
                  used: e.used.map((m) => t('usedModel', { name: m.name, score: score(m.score), price: f.formatUsd(m.price) })).join('; ') || t('noModel'),
                  benchmark: e.benchmarkName,
                  b: (chunks) => (
                    <span data-testid="radar-benchmark" className="font-medium text-foreground">
                      {chunks}
                    </span>
                  ),
                  bar: e.minScore == null ? t('betterThanUsed') : t('atLeast', { score: score(e.minScore) }),
                  ceiling: e.maxPrice == null ? '' : t('atMost', { price: f.formatUsd(e.maxPrice) }),
                })}
              </p>
              <Table className="mt-2">
                <thead>
                  <tr>
                    <Th>{t('columns.candidate')}</Th>
                    <Th className="text-right">{t('columns.bestScore')}</Th>
                    <Th>{t('columns.effort')}</Th>
                    <Th className="text-right">{t('columns.price')}</Th>
                    <Th>{t('columns.why')}</Th>
                    <Th>
                      <span className="sr-only">{t('columns.action')}</span>
                    </Th>
                  </tr>
                </thead>
                <tbody>
                  {e.candidates.slice(0, 3).map((c) => (
                    <tr key={c.id}>
                      <Td className="font-medium">
                        {c.name} <span className="text-muted-foreground">({c.vendor}, {f.formatDate(c.releaseDate)})</span>
                      </Td>
                      <Td className="text-right">{score(c.score)}</Td>
                      <Td data-testid="radar-effort">
                        {effortText(c.effort)} ({score(c.effortScore)})
                      </Td>
                      <Td className="text-right">{f.formatUsd(c.price)}</Td>
                      <Td>{candidateText(c)}</Td>
                      <Td>{canStart(e.teamId) ? <RetestForm action={action} experimentId={e.id} version={e.version} modelId={c.id} modelName={c.name} /> : null}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
              {e.candidates.length > 3 ? <p className="mt-1 text-xs text-muted-foreground">{t('moreCandidates', { count: e.candidates.length - 3 })}</p> : null}
              {e.unmeasured.length ? (
                <p className="mt-1 text-xs text-muted-foreground" data-testid="radar-unmeasured">
                  {t('unmeasured', { benchmark: e.benchmarkName, names: unmeasuredNames(e.unmeasured) })}
                </p>
              ) : null}
            </li>
            );
          })}
        </ul>
      )}
      {items.length > SHOWN ? <MoreInList shown={SHOWN} total={items.length} href={listHref} /> : null}
      {awaiting.length ? <AwaitingMeasurement items={awaiting} names={unmeasuredNames} /> : null}
      {retests.length ? (
        <ActedOnList title={t('retestsStarted')} testId="retests">
          {retests.map((r) => (
            <li key={r.id}>
              <ExperimentLink id={r.id}>{r.title}</ExperimentLink>{' '}
              <Badge>{r.status in STATUS_LABEL ? tl(`status.${r.status as Status}`) : r.status}</Badge>{' '}
              <span className="text-muted-foreground">
                {t('repeats', { team: r.team })}{' '}
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
async function AwaitingMeasurement({ items, names }: { items: RadarItem[]; names: (models: { name: string }[]) => string }) {
  const t = await getTranslations('insights.radar.awaiting');
  return (
    <section className="mt-6" aria-labelledby="radar-awaiting-title" data-testid="radar-awaiting">
      <h3 id="radar-awaiting-title" className="mb-1 text-sm font-semibold">
        {t('title', { count: items.length })}
      </h3>
      <p className="mb-2 text-xs text-muted-foreground">
        {t('text')}
      </p>
      <ul className="space-y-2 text-sm">
        {items.slice(0, SHOWN).map((e) => (
          <li key={e.id} data-testid="radar-awaiting-item">
            <Link href={`/experiments/${e.id}`} className="font-medium hover:underline">
              {e.title}
            </Link>{' '}
            <span className="text-muted-foreground">
              {t('item', { team: e.team, benchmark: e.benchmarkName, names: names(e.unmeasured) })}
            </span>
          </li>
        ))}
      </ul>
      {items.length > SHOWN ? <p className="mt-1 text-xs text-muted-foreground">{t('more', { count: items.length - SHOWN })}</p> : null}
    </section>
  );
}
