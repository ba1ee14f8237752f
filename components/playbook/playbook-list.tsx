import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import type { PlaybookRow } from '@/db/queries/techniques/playbook';

/** One technique per card: what it is, the prompt to copy, the experiment it comes from and what it led to. */
export function PlaybookList({ rows }: { rows: PlaybookRow[] }) {
  const t = useTranslations('playbook');
  const tl = useTranslations('labels');
  return (
    <ul className="space-y-4" data-testid="playbook">
      {rows.map((row) => (
        <li key={row.id} className="rounded-lg border border-border bg-card p-4 text-sm" data-testid="playbook-item">
          <div className="flex flex-wrap items-center gap-2">
            <Badge>{tl(`techniqueKind.${row.kind}`)}</Badge>
            <h2 className="text-base font-semibold wrap-anywhere">{row.title}</h2>
          </div>
          {row.description ? <p className="mt-2 whitespace-pre-wrap wrap-anywhere">{row.description}</p> : null}
          {row.promptText ? (
            <pre className="mt-2 max-h-72 overflow-auto whitespace-pre-wrap wrap-anywhere rounded-md bg-muted p-3 font-mono text-xs">{row.promptText}</pre>
          ) : null}
          <p className="mt-3 text-muted-foreground">
            {t.rich('from', {
              experiment: row.experimentTitle,
              team: row.team,
              link: (chunks) => (
                <Link href={`/experiments/${row.experimentId}`} className="text-primary underline underline-offset-2">
                  {chunks}
                </Link>
              ),
            })}
            {row.exploration ? t('exploration') : ''}
          </p>
          {row.outcome ? (
            <p className="mt-1" data-testid="playbook-outcome">
              <span className="font-medium">{t('ledTo')}</span>{' '}
              {t('outcome', { type: tl(`outcomeType.${row.outcome.type}`), impact: String(row.outcome.impact), description: row.outcome.description })}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
