import { getTranslations } from 'next-intl/server';
import { Card, CardHeader } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import type { ExperimentDetail } from '@/db/queries/experiments/detail';
import type { ActionState } from '@/lib/action-state';
import { getFormat } from '@/i18n/format';
import { CheckinsChart } from './checkins-chart';
import { CheckinForm } from './child-forms';
import { RemoveChild } from './child-item';
import { checkinFormValues } from './child-values';
import { EditCheckin } from './edit-child';

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;
const n = (v: string | null) => (v == null ? null : Number(v));

type Actions = { addAction: Action; updateAction: Action; deleteAction: Action };

/** Dated readings of the figures, as a table and (from two points on) a small chart; a lead corrects or removes a row. */
/** `canAdd`: may add a check-in (a lead, or someone who ran it when the team allows); `canEdit`: may also correct and remove. */
export async function CheckinsCard({ e, canEdit, canAdd, addAction, updateAction, deleteAction, today, currency }: { e: ExperimentDetail; canEdit: boolean; canAdd: boolean; today: string; currency: string } & Actions) {
  const [t, f] = await Promise.all([getTranslations('experiments.checkins'), getFormat()]);
  return (
    <Card aria-labelledby="checkins-title">
      <CardHeader title={<span id="checkins-title">{t('title')}</span>} description={t('description')} />
      <CheckinsChart points={e.checkins.map((c) => ({ date: c.date, hoursSaved: n(c.hoursSavedPerMonth) }))} />
      {e.checkins.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t('none')}</p>
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>{t('date')}</Th>
              <Th className="text-right">{t('hoursSaved')}</Th>
              <Th className="text-right">{t('spend')}</Th>
              <Th className="text-right">{t('quality')}</Th>
              <Th>{t('note')}</Th>
              {canEdit ? (
                <Th>
                  <span className="sr-only">{t('corrections')}</span>
                </Th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {e.checkins.map((c) => (
              <tr key={c.id} data-testid="checkin">
                <Td>{f.formatDate(c.date)}</Td>
                <Td className="text-right">{f.formatNumber(n(c.hoursSavedPerMonth), 2)}</Td>
                <Td className="text-right">{f.formatMoneyCents(c.spendMonthlyCents, currency)}</Td>
                <Td className="text-right">{c.qualityAfter ?? '—'}</Td>
                <Td className="whitespace-pre-wrap wrap-anywhere">{c.note}</Td>
                {canEdit ? (
                  <Td>
                    <div className="flex items-center gap-1">
                      <EditCheckin
                        action={updateAction}
                        experimentId={e.id}
                        today={today}
                        row={{ id: c.id, version: c.version, values: checkinFormValues(c) }}
                        label={t('editLabel', { date: f.formatDate(c.date) })}
                      />
                      <RemoveChild
                        action={deleteAction}
                        experimentId={e.id}
                        idName="checkinId"
                        id={c.id}
                        version={c.version}
                        confirm={t('removeConfirm', { date: f.formatDate(c.date) })}
                        label={t('removeLabel', { id: String(c.id) })}
                        buttonLabel={t('removeButton', { date: f.formatDate(c.date) })}
                      />
                    </div>
                  </Td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {canAdd ? <CheckinForm action={addAction} experimentId={e.id} today={today} /> : null}
    </Card>
  );
}
