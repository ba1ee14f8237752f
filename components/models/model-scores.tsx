import { getTranslations } from 'next-intl/server';
import { Card, CardHeader } from '@/components/ui/card';
import type { ModelScoreRow } from '@/db/queries/models/benchmarks';
import { getScoreText } from '@/components/charts/score-text';
import { getEffortLabel } from './effort-label';
import { SourceList } from './source-list';

type Props = { benchmarks: { key: string; name: string; unit: string }[]; scores: ModelScoreRow[] };

/** Every benchmark with this model's scores at each effort (best first), or "not yet measured". */
export async function ModelScores({ benchmarks, scores }: Props) {
  const t = await getTranslations('models');
  const [effortLabel, scoreText] = await Promise.all([getEffortLabel(), getScoreText()]);
  return (
    <Card>
      <CardHeader title={t('scores.title')} description={t('scores.description')} />
      <ul className="space-y-2 text-sm" data-testid="model-scores">
        {benchmarks.map((b) => {
          const mine = scores.filter((s) => s.benchmark === b.key);
          return (
            <li key={b.key} data-testid={`scores-${b.key}`}>
              <span className="font-medium">{b.name}:</span>{' '}
              {mine.length ? (
                mine.map((s, i) => (
                  <span key={s.effort} title={s.externalId ? t('scores.externalId', { id: s.externalId, date: s.retrievedOn ?? '' }) : undefined}>
                    {i ? ' · ' : ''}
                    {scoreText.score(b.unit, s.score)}
                    {s.effort ? ` (${effortLabel(s.effort)})` : ''}
                  </span>
                ))
              ) : (
                <span className="text-muted-foreground">{t('notMeasured')}</span>
              )}
              {mine.length ? (
                <div>
                  <SourceList value={mine[0].source} />
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
