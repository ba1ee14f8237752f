import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Card, CardHeader } from '@/components/ui/card';
import type { ExperimentDetail } from '@/db/queries/experiments/detail';
import type { ActionState } from '@/lib/action-state';
import { OUTCOME_TYPE_LABEL, TECHNIQUE_KIND_LABEL } from '@/lib/labels';
import { ChildItem, RemoveChild } from './child-item';
import { EditTechnique } from './edit-child';
import { TechniqueForm, type OutcomeChoice } from './technique-form';

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

const clip = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The experiment's techniques (prompting is a skill): what to reuse, with the prompt and the outcome it led to. */
export function TechniquesCard({ e, canEdit, canAdd, addAction, updateAction, deleteAction }: { e: ExperimentDetail; canEdit: boolean; canAdd: boolean; addAction: Action; updateAction: Action; deleteAction: Action }) {
  const outcomes: OutcomeChoice[] = e.outcomes.map((o) => ({ id: o.id, label: `${OUTCOME_TYPE_LABEL[o.type]}: ${clip(o.description)}` }));
  const outcomeLabel = new Map(outcomes.map((o) => [o.id, o.label]));
  return (
    <Card aria-labelledby="techniques-title">
      <CardHeader
        title={<span id="techniques-title">Techniques</span>}
        description={
          <>
            Learnings worth reusing — a prompt pattern or a workflow. They are collected across experiments in the <Link href="/playbook" className="underline">Playbook</Link>.
          </>
        }
      />
      {e.techniques.length === 0 ? (
        <p className="text-sm text-muted-foreground">No techniques yet.</p>
      ) : (
        <ul className="space-y-3">
          {e.techniques.map((t) => (
            <ChildItem
              key={t.id}
              testId="technique"
              heading={
                <>
                  <Badge>{TECHNIQUE_KIND_LABEL[t.kind]}</Badge>
                  <strong className="wrap-anywhere">{t.title}</strong>
                </>
              }
              actions={
                canEdit ? (
                  <>
                    <EditTechnique
                      action={updateAction}
                      experimentId={e.id}
                      outcomes={outcomes}
                      row={{ id: t.id, version: t.version, values: { kind: t.kind, title: t.title, description: t.description, promptText: t.promptText, outcomeId: t.outcomeId == null ? '' : String(t.outcomeId) } }}
                      label={`Edit technique ${t.id}`}
                    />
                    <RemoveChild action={deleteAction} experimentId={e.id} idName="techniqueId" id={t.id} version={t.version} confirm="Remove this technique? The audit history keeps a record of it." label={`Remove technique ${t.id}`} />
                  </>
                ) : null
              }
            >
              {t.description ? <p className="mt-1 whitespace-pre-wrap wrap-anywhere">{t.description}</p> : null}
              {t.promptText ? (
                <pre className="mt-2 max-h-60 overflow-auto whitespace-pre-wrap wrap-anywhere rounded-md bg-muted p-2 font-mono text-xs" data-testid="technique-prompt">
                  {t.promptText}
                </pre>
              ) : null}
              {t.outcomeId != null ? <p className="mt-1 text-muted-foreground">Led to: {outcomeLabel.get(t.outcomeId)}</p> : null}
            </ChildItem>
          ))}
        </ul>
      )}
      {canAdd ? <TechniqueForm action={addAction} experimentId={e.id} outcomes={outcomes} /> : null}
    </Card>
  );
}
