import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import type { PlaybookRow } from '@/db/queries/techniques/playbook';
import { OUTCOME_TYPE_LABEL, TECHNIQUE_KIND_LABEL } from '@/lib/labels';

/** One technique per card: what it is, the prompt to copy, the experiment it comes from and what it led to. */
export function PlaybookList({ rows }: { rows: PlaybookRow[] }) {
  return (
    <ul className="space-y-4" data-testid="playbook">
      {rows.map((t) => (
        <li key={t.id} className="rounded-lg border border-border bg-card p-4 text-sm" data-testid="playbook-item">
          <div className="flex flex-wrap items-center gap-2">
            <Badge>{TECHNIQUE_KIND_LABEL[t.kind]}</Badge>
            <h2 className="text-base font-semibold wrap-anywhere">{t.title}</h2>
          </div>
          {t.description ? <p className="mt-2 whitespace-pre-wrap wrap-anywhere">{t.description}</p> : null}
          {t.promptText ? (
            <pre className="mt-2 max-h-72 overflow-auto whitespace-pre-wrap wrap-anywhere rounded-md bg-muted p-3 font-mono text-xs">{t.promptText}</pre>
          ) : null}
          <p className="mt-3 text-muted-foreground">
            From{' '}
            <Link href={`/experiments/${t.experimentId}`} className="text-primary underline underline-offset-2">
              {t.experimentTitle}
            </Link>{' '}
            · {t.team}
            {t.exploration ? ' · exploration' : ''}
          </p>
          {t.outcome ? (
            <p className="mt-1" data-testid="playbook-outcome">
              <span className="font-medium">Led to:</span> {OUTCOME_TYPE_LABEL[t.outcome.type]} (impact {t.outcome.impact}/5) — {t.outcome.description}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
