import { ActionForm } from '@/components/ui/action-form';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import type { ExperimentDetail } from '@/db/queries/experiments/detail';
import type { ActionState } from '@/lib/action-state';
import { formatDate } from '@/lib/format';
import { OUTCOME_TYPE_LABEL } from '@/lib/labels';
import { OutcomeForm } from './child-forms';
import { outcomeFormValues } from './child-values';
import { EditOutcome } from './edit-child';

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

const isLink = (s: string) => /^https?:\/\/\S+$/i.test(s);

/** Capability outcomes: the "what became possible" the product is about, with a nudge when there are none. */
export function OutcomesCard({ e, canEdit, canAdd, addAction, updateAction, deleteAction }: { e: ExperimentDetail; canEdit: boolean; canAdd: boolean; addAction: Action; updateAction: Action; deleteAction: Action }) {
  const hasEfficiency = e.hoursSavedPerMonth != null || e.spendMonthlyCents != null;
  return (
    <Card aria-labelledby="outcomes-title">
      <CardHeader title={<span id="outcomes-title">Capability outcomes</span>} description="What this made possible that was not possible before." />
      {e.outcomes.length === 0 ? (
        <p className="rounded-md bg-muted p-3 text-sm" data-testid="outcome-nudge">
          {hasEfficiency
            ? 'This experiment has time and cost figures but no capability outcome yet. Did it make something possible that was not possible before — a new insight, a synthesis, a new way to solve a problem?'
            : 'No capability outcomes yet.'}
        </p>
      ) : (
        <ul className="space-y-3">
          {e.outcomes.map((o) => (
            <li key={o.id} className="rounded-md border border-border p-3 text-sm" data-testid="outcome">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className="flex items-center gap-2">
                  <Badge>{OUTCOME_TYPE_LABEL[o.type]}</Badge>
                  <span>Impact {o.impact}/5</span>
                  <span className="text-muted-foreground">{formatDate(o.recordedOn)}</span>
                </span>
                {canEdit ? (
                  <span className="flex items-center gap-1">
                    <EditOutcome action={updateAction} experimentId={e.id} row={{ id: o.id, version: o.version, values: outcomeFormValues(o) }} label={`Edit outcome ${o.id}`} />
                    <ActionForm action={deleteAction} confirm="Remove this outcome? The audit history keeps a record of it." label={`Remove outcome ${o.id}`}>
                      <input type="hidden" name="experimentId" value={e.id} />
                      <input type="hidden" name="outcomeId" value={o.id} />
                      <input type="hidden" name="version" value={o.version} />
                      <Button type="submit" size="sm" variant="ghost">Remove</Button>
                    </ActionForm>
                  </span>
                ) : null}
              </div>
              <p className="mt-1 whitespace-pre-wrap wrap-anywhere">{o.description}</p>
              {o.evidence ? (
                <p className="mt-1 text-muted-foreground">
                  Evidence:{' '}
                  {isLink(o.evidence) ? (
                    <a href={o.evidence} rel="noopener noreferrer nofollow" target="_blank" className="underline">
                      {o.evidence}
                    </a>
                  ) : (
                    o.evidence
                  )}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canAdd ? <OutcomeForm action={addAction} experimentId={e.id} /> : null}
    </Card>
  );
}
