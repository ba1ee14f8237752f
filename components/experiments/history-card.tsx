import type { AuditEntry } from '@/db/schema';
import type { HistoryNames } from '@/db/queries/experiments/history-names';
import { describeChanges } from '@/lib/history/describe-change';
import { Card, CardHeader } from '@/components/ui/card';

const ACTION_LABEL: Record<string, string> = {
  'experiment.create': 'created the experiment',
  'experiment.import': 'imported the experiment from a CSV file',
  'experiment.update': 'edited',
  'experiment.archive': 'archived',
  'experiment.restore': 'restored',
  'outcome.create': 'added a capability outcome',
  'outcome.delete': 'removed a capability outcome',
  'outcome.update': 'corrected a capability outcome',
  'checkin.create': 'added a check-in',
  'checkin.update': 'corrected a check-in',
  'checkin.delete': 'removed a check-in',
  'experiment.owner': 'handed the experiment to a new owner',
  'experiment.graduate': 'graduated the exploration to a measured experiment',
  'technique.create': 'added a technique',
  'technique.update': 'corrected a technique',
  'technique.delete': 'removed a technique',
};

const clip = (s: string) => (s.length > 80 ? `${s.slice(0, 77)}…` : s);

/** Who changed what, when: the append-only audit log of this experiment. Values render as text, never HTML. */
export function HistoryCard({ entries, names }: { entries: AuditEntry[]; names: HistoryNames }) {
  return (
    <Card aria-labelledby="history-title">
      <CardHeader title={<span id="history-title">History</span>} description="Every change, from the audit log." />
      {entries.length === 0 ? (
        <p className="text-sm text-muted-foreground">No recorded changes.</p>
      ) : (
        <ol className="space-y-2 text-sm" data-testid="history">
          {entries.map((h) => {
            const before = (h.before ?? {}) as Record<string, unknown>;
            const after = (h.after ?? {}) as Record<string, unknown>;
            // Labels and units a person reads ("AI spend per month: — → $250"), never codes, cents or slugs.
            const changed = h.action === 'experiment.update' || h.action === 'experiment.graduate' ? describeChanges(before, after, names) : [];
            return (
              <li key={h.id} className="border-b border-border pb-2 last:border-0">
                <span className="text-muted-foreground">{new Date(h.at).toISOString().slice(0, 16).replace('T', ' ')} UTC</span>{' '}
                <strong>{h.actorEmail ?? 'someone'}</strong>{' '}
                {h.outcome === 'denied' ? <span className="text-danger">was refused ({h.action.replace('denied:', '')})</span> : (ACTION_LABEL[h.action] ?? h.action)}
                {changed.length ? (
                  <ul className="ml-4 mt-1 list-disc text-xs text-muted-foreground">
                    {changed.map((c) => (
                      <li key={c.field} data-testid="history-change">
                        {c.label}: {clip(c.before)} → {clip(c.after)}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}
