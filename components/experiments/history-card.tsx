import { getTranslations } from 'next-intl/server';
import type { AuditEntry } from '@/db/schema';
import type { HistoryNames } from '@/db/queries/experiments/history-names';
import { getFormat } from '@/i18n/format';
import { historyChanges } from './history-changes';
import { Card, CardHeader } from '@/components/ui/card';

// Audit actions as their catalog keys (experiments.history.action.*): catalog keys cannot hold the dots.
const ACTION_KEY = {
  'experiment.create': 'experimentCreate',
  'experiment.import': 'experimentImport',
  'experiment.update': 'experimentUpdate',
  'experiment.archive': 'experimentArchive',
  'experiment.restore': 'experimentRestore',
  'outcome.create': 'outcomeCreate',
  'outcome.delete': 'outcomeDelete',
  'outcome.update': 'outcomeUpdate',
  'checkin.create': 'checkinCreate',
  'checkin.update': 'checkinUpdate',
  'checkin.delete': 'checkinDelete',
  'experiment.owner': 'experimentOwner',
  'experiment.graduate': 'experimentGraduate',
  'technique.create': 'techniqueCreate',
  'technique.update': 'techniqueUpdate',
  'technique.delete': 'techniqueDelete',
} as const;
const isKnownAction = (action: string): action is keyof typeof ACTION_KEY => Object.hasOwn(ACTION_KEY, action);

const clip = (s: string) => (s.length > 80 ? `${s.slice(0, 77)}…` : s);

/** Who changed what, when: the append-only audit log of this experiment. Values render as text, never HTML. */
export async function HistoryCard({ entries, names }: { entries: AuditEntry[]; names: HistoryNames }) {
  const [te, tl, tc, f] = await Promise.all([getTranslations('experiments'), getTranslations('labels'), getTranslations('common'), getFormat()]);
  const t = await getTranslations('experiments.history');
  const words = { t: te, tl, tc, f };
  return (
    <Card aria-labelledby="history-title">
      <CardHeader title={<span id="history-title">{t('title')}</span>} description={t('description')} />
      {entries.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t('none')}</p>
      ) : (
        <ol className="space-y-2 text-sm" data-testid="history">
          {entries.map((h) => {
            const before = (h.before ?? {}) as Record<string, unknown>;
            const after = (h.after ?? {}) as Record<string, unknown>;
            // Labels and units a person reads ("AI spend per month: — → $250"), never codes, cents or slugs.
            const changed = h.action === 'experiment.update' || h.action === 'experiment.graduate' ? historyChanges(before, after, names, words) : [];
            return (
              <li key={h.id} className="border-b border-border pb-2 last:border-0">
                <span className="text-muted-foreground">{t('at', { time: new Date(h.at).toISOString().slice(0, 16).replace('T', ' ') })}</span>{' '}
                <strong>{h.actorEmail ?? t('someone')}</strong>{' '}
                {h.outcome === 'denied' ? (
                  <span className="text-danger">{t('refused', { action: h.action.replace('denied:', '') })}</span>
                ) : isKnownAction(h.action) ? (
                  t(`action.${ACTION_KEY[h.action]}`)
                ) : (
                  h.action
                )}
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
