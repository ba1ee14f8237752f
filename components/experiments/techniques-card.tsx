import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card, CardHeader } from '@/components/ui/card';
import type { ExperimentDetail } from '@/db/queries/experiments/detail';
import type { ActionState } from '@/lib/action-state';
import { ChildItem, RemoveChild } from './child-item';
import { EditTechnique } from './edit-child';
import { TechniqueForm, type OutcomeChoice } from './technique-form';

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

const clip = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The experiment's techniques (prompting is a skill): what to reuse, with the prompt and the outcome it led to. */
export async function TechniquesCard({ e, canEdit, canAdd, addAction, updateAction, deleteAction }: { e: ExperimentDetail; canEdit: boolean; canAdd: boolean; addAction: Action; updateAction: Action; deleteAction: Action }) {
  const [t, tl] = await Promise.all([getTranslations('experiments.techniques'), getTranslations('labels')]);
  const outcomes: OutcomeChoice[] = e.outcomes.map((o) => ({ id: o.id, label: `${tl(`outcomeType.${o.type}`)}: ${clip(o.description)}` }));
  const outcomeLabel = new Map(outcomes.map((o) => [o.id, o.label]));
  return (
    <Card aria-labelledby="techniques-title">
      <CardHeader
        title={<span id="techniques-title">{t('title')}</span>}
        description={t.rich('description', {
          link: (chunks) => (
            <Link href="/playbook" className="underline">
              {chunks}
            </Link>
          ),
        })}
      />
      {e.techniques.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t('none')}</p>
      ) : (
        <ul className="space-y-3">
          {e.techniques.map((tech) => (
            <ChildItem
              key={tech.id}
              testId="technique"
              heading={
                <>
                  <Badge>{tl(`techniqueKind.${tech.kind}`)}</Badge>
                  <strong className="wrap-anywhere">{tech.title}</strong>
                </>
              }
              actions={
                canEdit ? (
                  <>
                    <EditTechnique
                      action={updateAction}
                      experimentId={e.id}
                      outcomes={outcomes}
                      row={{ id: tech.id, version: tech.version, values: { kind: tech.kind, title: tech.title, description: tech.description, promptText: tech.promptText, outcomeId: tech.outcomeId == null ? '' : String(tech.outcomeId) } }}
                      label={t('editLabel', { id: String(tech.id) })}
                    />
                    <RemoveChild action={deleteAction} experimentId={e.id} idName="techniqueId" id={tech.id} version={tech.version} confirm={t('removeConfirm')} label={t('removeLabel', { id: String(tech.id) })} />
                  </>
                ) : null
              }
            >
              {tech.description ? <p className="mt-1 whitespace-pre-wrap wrap-anywhere">{tech.description}</p> : null}
              {tech.promptText ? (
                <pre className="mt-2 max-h-60 overflow-auto whitespace-pre-wrap wrap-anywhere rounded-md bg-muted p-2 font-mono text-xs" data-testid="technique-prompt">
                  {tech.promptText}
                </pre>
              ) : null}
              {tech.outcomeId != null ? <p className="mt-1 text-muted-foreground">{t('ledTo', { outcome: outcomeLabel.get(tech.outcomeId) ?? '' })}</p> : null}
            </ChildItem>
          ))}
        </ul>
      )}
      {canAdd ? <TechniqueForm action={addAction} experimentId={e.id} outcomes={outcomes} /> : null}
    </Card>
  );
}
