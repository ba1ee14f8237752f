import { Badge } from '@/components/ui/badge';
import { Card, CardHeader } from '@/components/ui/card';
import type { ExperimentDetail } from '@/db/queries/experiments/detail';
import type { ActionState } from '@/lib/action-state';
import { formatDate } from '@/lib/format';
import { OUTCOME_TYPE_LABEL } from '@/lib/labels';
import { OutcomeForm } from './child-forms';
import { ChildItem, RemoveChild } from './child-item';
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
            <ChildItem
              key={o.id}
              testId="outcome"
              heading={
                <>
                  <Badge>{OUTCOME_TYPE_LABEL[o.type]}</Badge>
                  <span>Impact {o.impact}/5</span>
                  <span className="text-muted-foreground">{formatDate(o.recordedOn)}</span>
                </>
              }
              actions={
                canEdit ? (
                  <>
                    <EditOutcome action={updateAction} experimentId={e.id} row={{ id: o.id, version: o.version, values: outcomeFormValues(o) }} label={`Edit outcome ${o.id}`} />
                    <RemoveChild action={deleteAction} experimentId={e.id} idName="outcomeId" id={o.id} version={o.version} confirm="Remove this outcome? The audit history keeps a record of it." label={`Remove outcome ${o.id}`} />
                  </>
                ) : null
              }
            >
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
            </ChildItem>
          ))}
        </ul>
      )}
      {canAdd ? <OutcomeForm action={addAction} experimentId={e.id} /> : null}
    </Card>
  );
}
