import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card, CardHeader } from '@/components/ui/card';
import type { ExperimentDetail } from '@/db/queries/experiments/detail';
import type { ActionState } from '@/lib/action-state';
import { getFormat } from '@/i18n/format';
import { OutcomeForm } from './child-forms';
import { ChildItem, RemoveChild } from './child-item';
import { outcomeFormValues } from './child-values';
import { EditOutcome } from './edit-child';

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

const isLink = (s: string) => /^https?:\/\/\S+$/i.test(s);

/** Capability outcomes: the "what became possible" the product is about, with a nudge when there are none. */
export async function OutcomesCard({ e, canEdit, canAdd, addAction, updateAction, deleteAction }: { e: ExperimentDetail; canEdit: boolean; canAdd: boolean; addAction: Action; updateAction: Action; deleteAction: Action }) {
  const [t, tl, f] = await Promise.all([getTranslations('experiments.outcomes'), getTranslations('labels'), getFormat()]);
  const hasEfficiency = e.hoursSavedPerMonth != null || e.spendMonthlyCents != null;
  return (
    <Card aria-labelledby="outcomes-title">
      <CardHeader title={<span id="outcomes-title">{t('title')}</span>} description={t('description')} />
      {e.outcomes.length === 0 ? (
        <p className="rounded-md bg-muted p-3 text-sm" data-testid="outcome-nudge">
          {hasEfficiency ? t('nudge') : t('none')}
        </p>
      ) : (
        <ul className="space-y-3">
          {e.outcomes.map((o) => (
            <ChildItem
              key={o.id}
              testId="outcome"
              heading={
                <>
                  <Badge>{tl(`outcomeType.${o.type}`)}</Badge>
                  <span>{t('impact', { impact: String(o.impact) })}</span>
                  <span className="text-muted-foreground">{f.formatDate(o.recordedOn)}</span>
                </>
              }
              actions={
                canEdit ? (
                  <>
                    <EditOutcome action={updateAction} experimentId={e.id} row={{ id: o.id, version: o.version, values: outcomeFormValues(o) }} label={t('editLabel', { id: String(o.id) })} />
                    <RemoveChild action={deleteAction} experimentId={e.id} idName="outcomeId" id={o.id} version={o.version} confirm={t('removeConfirm')} label={t('removeLabel', { id: String(o.id) })} />
                  </>
                ) : null
              }
            >
              <p className="mt-1 whitespace-pre-wrap wrap-anywhere">{o.description}</p>
              {o.evidence ? (
                <p className="mt-1 text-muted-foreground">
                  {t('evidence')}{' '}
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
