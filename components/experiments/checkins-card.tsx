import { Card, CardHeader } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import type { ExperimentDetail } from '@/db/queries/experiments/detail';
import type { ActionState } from '@/lib/action-state';
import { formatDate, formatMoneyCents, formatNumber } from '@/lib/format';
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
export function CheckinsCard({ e, canEdit, canAdd, addAction, updateAction, deleteAction, today, currency }: { e: ExperimentDetail; canEdit: boolean; canAdd: boolean; today: string; currency: string } & Actions) {
  return (
    <Card aria-labelledby="checkins-title">
      <CardHeader title={<span id="checkins-title">Check-ins</span>} description="How the figures evolved over time." />
      <CheckinsChart points={e.checkins.map((c) => ({ date: c.date, hoursSaved: n(c.hoursSavedPerMonth) }))} />
      {e.checkins.length === 0 ? (
        <p className="text-sm text-muted-foreground">No check-ins yet.</p>
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>Date</Th>
              <Th className="text-right">Hours saved / month</Th>
              <Th className="text-right">Spend / month</Th>
              <Th className="text-right">Quality</Th>
              <Th>Note</Th>
              {canEdit ? (
                <Th>
                  <span className="sr-only">Corrections</span>
                </Th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {e.checkins.map((c) => (
              <tr key={c.id} data-testid="checkin">
                <Td>{formatDate(c.date)}</Td>
                <Td className="text-right">{formatNumber(n(c.hoursSavedPerMonth), 2)}</Td>
                <Td className="text-right">{formatMoneyCents(c.spendMonthlyCents, currency)}</Td>
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
                        label={`Edit the check-in of ${formatDate(c.date)}`}
                      />
                      <RemoveChild
                        action={deleteAction}
                        experimentId={e.id}
                        idName="checkinId"
                        id={c.id}
                        version={c.version}
                        confirm={`Remove the check-in of ${formatDate(c.date)}? The audit history keeps a record of it.`}
                        label={`Remove check-in ${c.id}`}
                        buttonLabel={`Remove the check-in of ${formatDate(c.date)}`}
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
