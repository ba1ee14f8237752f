import { Card, CardHeader } from '@/components/ui/card';
import type { ModelScoreRow } from '@/db/queries/models/benchmarks';
import { effortLabel, formatScore, NOT_MEASURED } from '@/lib/catalog/benchmark-axis';
import { SourceList } from './source-list';

type Props = { benchmarks: { key: string; name: string; unit: string }[]; scores: ModelScoreRow[] };

/** Every benchmark with this model's scores at each effort (best first), or "not yet measured". */
export function ModelScores({ benchmarks, scores }: Props) {
  return (
    <Card>
      <CardHeader title="Scores by benchmark and reasoning effort" description="Epoch AI's runs (METR's for the time horizon), best first." />
      <ul className="space-y-2 text-sm" data-testid="model-scores">
        {benchmarks.map((b) => {
          const mine = scores.filter((s) => s.benchmark === b.key);
          return (
            <li key={b.key} data-testid={`scores-${b.key}`}>
              <span className="font-medium">{b.name}:</span>{' '}
              {mine.length ? (
                mine.map((s, i) => (
                  <span key={s.effort} title={s.externalId ? `As ${s.externalId}, retrieved ${s.retrievedOn ?? ''}` : undefined}>
                    {i ? ' · ' : ''}
                    {formatScore(b.unit, s.score)}
                    {s.effort ? ` (${effortLabel(s.effort)})` : ''}
                  </span>
                ))
              ) : (
                <span className="text-muted-foreground">{NOT_MEASURED}</span>
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
